import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A subscribe message as the fake received it (what WeChat would show the person). */
export interface FakeSubscribeMessage {
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
}

/** The mini-program the fake knows: the test app and `DEV_FAKE_WECHAT` use these credentials. */
export const FAKE_WECHAT_APP = {
  appid: 'touristappid',
  secret: 'fake-wechat-app-secret',
  templates: ['tmpl-trip'],
} as const;

/** WeChat's lifetime of an access token, and how early its stable mode rotates one. */
const TOKEN_TTL_SEC = 7200;
const ROTATE_BEFORE_SEC = 300;
/** A phone-number code (from `getPhoneNumber`) lives 5 minutes and works once. */
const PHONE_CODE_TTL_MS = 5 * 60_000;

export interface FakeWechatOptions {
  port?: number;
  /** The fake's clock (ms); tests share theirs so token lifetimes follow the test's time. */
  now?: () => number;
}

export interface FakeWechat {
  url: string;
  subscribeMessages: FakeSubscribeMessage[];
  /** Every `stable_token` request, accepted or not. */
  stableTokenRequests: () => number;
  /** The openid WeChat gives the person who signs in with codes `<person>.<anything>`. */
  openidFor: (person: string) => string;
  /**
   * Test hook: the simulated person tapped 允许 in WeChat's phone-number dialog, so WeChat
   * hands the mini-program a one-time code for this phone; returns that code.
   */
  issuePhoneCode: (phone: string) => string;
  /**
   * Test hook: the simulated person accepted `templateId` in `wx.requestSubscribeMessage`.
   * WeChat's server then holds one more one-time send for them (一次性订阅: each acceptance
   * allows one message); the fake cannot see the phone, so the test tells it.
   */
  acceptSubscription: (openid: string, templateId: string) => void;
  /** Sends WeChat still allows to this person for this template. */
  subscriptionsLeft: (openid: string, templateId: string) => number;
  /**
   * Test hook: another holder of the app's secret forces a token refresh (a `stable_token`
   * request with `force_refresh`, counted like any other), so every token issued before is
   * invalid (40001) from now on.
   */
  forceRefreshElsewhere: () => Promise<void>;
  stop: () => Promise<void>;
}

interface IssuedToken {
  expiresAt: number;
  revoked: boolean;
}

/**
 * A stand-in for WeChat's server API on loopback, for tests and the offline demo. It is a real
 * HTTP server, so the production code path (fetch, parse, errors) is exercised, and it refuses
 * what WeChat refuses:
 * - `sns/jscode2session`: a wrong appid/secret → 40013/40125; a code works once (40163 after),
 *   codes starting with "bad" are invalid (40029). A code `<person>.<nonce>` (or just `<person>`)
 *   maps to a stable openid of `<person>`, so a test can sign the same person in twice;
 * - `cgi-bin/stable_token` (POST JSON): wrong grant type 40002, appid 40013, secret 40125.
 *   Normal mode returns the current token with its remaining lifetime, and a new one in the
 *   last 5 minutes (the old stays valid until it expires); `force_refresh: true` issues a new
 *   token and makes every older one invalid at once (40001 from then on);
 * - `wxa/business/getuserphonenumber`: a valid token (40001 otherwise) and a code from
 *   `issuePhoneCode`, used once within 5 minutes (40029 otherwise);
 * - `cgi-bin/message/subscribe/send`: a valid token (40001), a known template (40037), and one
 *   acceptance left for that person and template (43101 otherwise, which it consumes).
 */
export async function startFakeWechat(options: FakeWechatOptions = {}): Promise<FakeWechat> {
  const now = options.now ?? Date.now;
  const subscribeMessages: FakeSubscribeMessage[] = [];
  const tokens = new Map<string, IssuedToken>();
  let current: string | null = null;
  let stableTokenRequests = 0;
  const usedLoginCodes = new Set<string>();
  const phoneCodes = new Map<string, { phone: string; expiresAt: number }>();
  const subscriptions = new Map<string, number>();
  const subKey = (openid: string, templateId: string) => `${openid}\u0000${templateId}`;
  const openidFor = (person: string) =>
    `o${createHash('sha256').update(person).digest('base64url').slice(0, 27)}`;

  const tokenValid = (token: string | null) => {
    const t = token ? tokens.get(token) : undefined;
    return !!t && !t.revoked && t.expiresAt > now();
  };
  const issueToken = (revokeOlder: boolean) => {
    if (revokeOlder) for (const t of tokens.values()) t.revoked = true;
    current = `fake-at-${randomBytes(12).toString('hex')}`;
    tokens.set(current, { expiresAt: now() + TOKEN_TTL_SEC * 1000, revoked: false });
    return current;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    res.setHeader('Content-Type', 'application/json');
    const reply = (body: object) => res.end(JSON.stringify(body));
    const token = url.searchParams.get('access_token');

    if (url.pathname === '/sns/jscode2session') {
      const q = url.searchParams;
      if (q.get('appid') !== FAKE_WECHAT_APP.appid) return reply({ errcode: 40013, errmsg: 'invalid appid' });
      if (q.get('secret') !== FAKE_WECHAT_APP.secret)
        return reply({ errcode: 40125, errmsg: 'invalid appsecret' });
      const code = q.get('js_code') ?? '';
      if (!code || code.startsWith('bad')) return reply({ errcode: 40029, errmsg: 'invalid code' });
      if (usedLoginCodes.has(code)) return reply({ errcode: 40163, errmsg: 'code been used' });
      usedLoginCodes.add(code);
      return reply({ openid: openidFor(code.split('.')[0]), session_key: 'fake-session-key' });
    }

    if (url.pathname === '/cgi-bin/stable_token' && req.method === 'POST') {
      stableTokenRequests += 1;
      const body = (await readJson(req)) as Record<string, unknown>;
      if (body.grant_type !== 'client_credential')
        return reply({ errcode: 40002, errmsg: 'invalid grant_type' });
      if (body.appid !== FAKE_WECHAT_APP.appid) return reply({ errcode: 40013, errmsg: 'invalid appid' });
      if (body.secret !== FAKE_WECHAT_APP.secret)
        return reply({ errcode: 40125, errmsg: 'invalid appsecret' });
      const left = current && tokenValid(current) ? tokens.get(current)!.expiresAt - now() : 0;
      const fresh =
        body.force_refresh === true
          ? issueToken(true)
          : left > ROTATE_BEFORE_SEC * 1000
            ? current!
            : issueToken(false);
      return reply({
        access_token: fresh,
        expires_in: Math.floor((tokens.get(fresh)!.expiresAt - now()) / 1000),
      });
    }

    if (url.pathname === '/wxa/business/getuserphonenumber' && req.method === 'POST') {
      if (!tokenValid(token))
        return reply({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
      const { code } = (await readJson(req)) as { code?: unknown };
      const issued = typeof code === 'string' ? phoneCodes.get(code) : undefined;
      if (!issued || issued.expiresAt <= now()) return reply({ errcode: 40029, errmsg: 'invalid code' });
      phoneCodes.delete(code as string);
      return reply({
        errcode: 0,
        errmsg: 'ok',
        phone_info: {
          phoneNumber: issued.phone,
          purePhoneNumber: issued.phone,
          countryCode: '86',
          watermark: { timestamp: Math.floor(now() / 1000), appid: FAKE_WECHAT_APP.appid },
        },
      });
    }

    if (url.pathname === '/cgi-bin/message/subscribe/send' && req.method === 'POST') {
      if (!tokenValid(token))
        return reply({ errcode: 40001, errmsg: 'invalid credential, access_token is invalid or not latest' });
      const m = (await readJson(req)) as FakeSubscribeMessage;
      if (!(FAKE_WECHAT_APP.templates as readonly string[]).includes(m.template_id))
        return reply({ errcode: 40037, errmsg: 'invalid template_id' });
      const key = subKey(String(m.touser), m.template_id);
      const left = subscriptions.get(key) ?? 0;
      if (left <= 0) return reply({ errcode: 43101, errmsg: 'user refuse to accept the msg' });
      subscriptions.set(key, left - 1);
      subscribeMessages.push(m);
      return reply({ errcode: 0, errmsg: 'ok' });
    }

    res.statusCode = 404;
    reply({ errcode: -1, errmsg: 'not found' });
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      res.statusCode = 500;
      res.end(JSON.stringify({ errcode: -1, errmsg: 'system error' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    subscribeMessages,
    stableTokenRequests: () => stableTokenRequests,
    openidFor,
    issuePhoneCode(phone) {
      const code = `phone-${randomBytes(16).toString('hex')}`;
      phoneCodes.set(code, { phone, expiresAt: now() + PHONE_CODE_TTL_MS });
      return code;
    },
    acceptSubscription(openid, templateId) {
      const key = subKey(openid, templateId);
      subscriptions.set(key, (subscriptions.get(key) ?? 0) + 1);
    },
    subscriptionsLeft: (openid, templateId) => subscriptions.get(subKey(openid, templateId)) ?? 0,
    async forceRefreshElsewhere() {
      await fetch(`http://127.0.0.1:${bound}/cgi-bin/stable_token`, {
        method: 'POST',
        body: JSON.stringify({
          grant_type: 'client_credential',
          appid: FAKE_WECHAT_APP.appid,
          secret: FAKE_WECHAT_APP.secret,
          force_refresh: true,
        }),
      });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return {};
  }
}
