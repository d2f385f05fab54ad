/**
 * The HTTP side of WeChat's server API: one POST helper and WeChat's error shape. Every reply
 * carries `errcode` (0 or absent = ok); a non-zero one becomes a WechatError the callers judge.
 */

/** WeChat refused the call; `errcode` says why (40001 bad token, 43101 not subscribed…). */
export class WechatError extends Error {
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`wechat errcode ${errcode}: ${errmsg}`);
    this.name = 'WechatError';
  }
}

/** WeChat could not be reached or answered something that is not its JSON. */
export class WechatUnreachableError extends Error {
  constructor(cause: unknown) {
    super('wechat unreachable', { cause });
    this.name = 'WechatUnreachableError';
  }
}

/**
 * The errcodes that mean "this access token is no good": 40001 invalid (or no longer the latest
 * after a forced refresh), 42001 expired, 40014 malformed. The shared token is dropped and
 * fetched again once on these.
 */
export const TOKEN_REJECTED_ERRCODES: ReadonlySet<number> = new Set([40001, 42001, 40014]);

/** True when WeChat refused the call because of the access token itself. */
export function isTokenRejected(err: unknown): boolean {
  return err instanceof WechatError && TOKEN_REJECTED_ERRCODES.has(err.errcode);
}

/** POSTs JSON to `base + path` and returns the reply, throwing WechatError on a non-zero errcode. */
export async function postWechat<T extends object>(
  base: string,
  path: string,
  query: Record<string, string>,
  body: unknown,
): Promise<T> {
  const url = new URL(path, base);
  url.search = new URLSearchParams(query).toString();
  let reply: unknown;
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(5000),
    });
    reply = await res.json();
  } catch (err) {
    throw new WechatUnreachableError(err);
  }
  if (typeof reply !== 'object' || reply === null) throw new WechatUnreachableError(reply);
  const { errcode, errmsg } = reply as { errcode?: unknown; errmsg?: unknown };
  if (typeof errcode === 'number' && errcode !== 0) throw new WechatError(errcode, String(errmsg ?? ''));
  return reply as T;
}
