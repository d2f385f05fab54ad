import { randomBytes } from 'node:crypto';
import type { Clock } from '../../clock';
import type { AccessTokenRepository } from './access-token.repository';
import { isTokenRejected, postWechat, WechatUnreachableError } from './wechat-http';

/** Refresh this long before WeChat's expiry, so no call leaves with a token about to lapse. */
const REFRESH_MARGIN_MS = 5 * 60_000;
/** How long one instance may hold the refresh lease (a fetch times out after 5 s). */
const LEASE_MS = 10_000;
const WAIT_STEP_MS = 50;
const MAX_WAIT_MS = 8_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Fetches a token from WeChat; `stable_token` in production. */
export type TokenFetcher = () => Promise<{ token: string; expiresInSec: number }>;

/**
 * WeChat's `cgi-bin/stable_token` in normal mode (`force_refresh: false`): the current token
 * while it is valid, a new one in its last minutes. Normal mode never invalidates a token
 * another instance or system is using, which `cgi-bin/token` and forced refreshes do.
 */
export function stableTokenFetcher(base: string, appid: string, secret: string): TokenFetcher {
  return async () => {
    const reply = await postWechat<{ access_token?: unknown; expires_in?: unknown }>(
      base,
      '/cgi-bin/stable_token',
      {},
      { grant_type: 'client_credential', appid, secret, force_refresh: false },
    );
    if (typeof reply.access_token !== 'string' || typeof reply.expires_in !== 'number')
      throw new WechatUnreachableError(reply);
    return { token: reply.access_token, expiresInSec: reply.expires_in };
  };
}

/**
 * The app's access token, shared by every BFF instance through one MongoDB document.
 * - A token is reused until REFRESH_MARGIN_MS before its expiry (cached in memory meanwhile).
 * - A refresh is a lease taken by compare-and-set on the document's version: of instances
 *   needing a token at once, one fetches and stores it; the others poll the document and use
 *   the stored result, so WeChat sees one fetch however many instances run.
 * - When WeChat rejects a token (40001/42001/40014) it is dropped from the document (guarded on
 *   the token, so two instances reporting it drop it once) and the call is made once more with a
 *   fresh one. A second rejection is reported to the caller: no loop against WeChat.
 */
export class SharedAccessToken {
  private cached: { token: string; refreshAt: number } | null = null;
  private inflight: Promise<string> | null = null;
  private readonly owner = randomBytes(8).toString('hex');

  constructor(
    private readonly repo: AccessTokenRepository,
    private readonly appid: string,
    private readonly fetchToken: TokenFetcher,
    private readonly clock: Clock,
  ) {}

  /** A token fit to use now (from memory, the shared document, or a refresh). */
  async get(): Promise<string> {
    if (this.cached && this.clock.now().getTime() < this.cached.refreshAt) return this.cached.token;
    // One refresh per process at a time; the lease makes it one per deployment.
    this.inflight ??= this.fromStore().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  /** Drops a token WeChat refused, here and in the shared document. */
  async invalidate(token: string): Promise<void> {
    if (this.cached?.token === token) this.cached = null;
    await this.repo.invalidate(this.appid, token, this.clock.now());
  }

  /** Runs a WeChat call with the token; on a token rejection, once more with a fresh token. */
  async call<T>(fn: (token: string) => Promise<T>): Promise<T> {
    const token = await this.get();
    try {
      return await fn(token);
    } catch (err) {
      if (!isTokenRejected(err)) throw err;
      await this.invalidate(token);
      return fn(await this.get());
    }
  }

  private async fromStore(): Promise<string> {
    const started = Date.now();
    for (;;) {
      const now = this.clock.now();
      const stored = await this.repo.read(this.appid, now);
      const expiresAt = stored.expiresAt.getTime();
      if (stored.token && expiresAt - REFRESH_MARGIN_MS > now.getTime()) {
        this.cached = { token: stored.token, refreshAt: expiresAt - REFRESH_MARGIN_MS };
        return stored.token;
      }
      const until = new Date(now.getTime() + LEASE_MS);
      if (await this.repo.takeLease(this.appid, stored.version, this.owner, now, until)) {
        return this.refresh(stored.version);
      }
      // Another instance is refreshing. A token still inside its lifetime serves meanwhile.
      if (stored.token && expiresAt > now.getTime()) return stored.token;
      if (Date.now() - started > MAX_WAIT_MS) throw new WechatUnreachableError('token refresh lease');
      await sleep(WAIT_STEP_MS);
    }
  }

  private async refresh(version: number): Promise<string> {
    let fetched: { token: string; expiresInSec: number };
    try {
      fetched = await this.fetchToken();
    } catch (err) {
      await this.repo.releaseLease(this.appid, version, this.owner);
      throw err;
    }
    const now = this.clock.now();
    const expiresAt = now.getTime() + fetched.expiresInSec * 1000;
    await this.repo.storeFetched(this.appid, version, this.owner, fetched.token, new Date(expiresAt), now);
    // Kept in memory only when it outlives the margin; otherwise every call rereads the document.
    this.cached =
      expiresAt - REFRESH_MARGIN_MS > now.getTime()
        ? { token: fetched.token, refreshAt: expiresAt - REFRESH_MARGIN_MS }
        : null;
    return fetched.token;
  }
}
