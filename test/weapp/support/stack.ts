/**
 * The BFF for the weapp runtime tests: the lead's stack launcher (embedded in-memory database,
 * demo data, the fake WeChat server behind wx.login), and a mini-program host per person.
 */
import path from 'node:path';
import { FAKE_WECHAT_APP, startFakeWechat, type FakeWechat } from '../../../apps/bff/src';
import { MiniHost, type HostOptions } from '../host/mini-host';

export const DIST =
  process.env.WEAPP_DIST ?? path.resolve(__dirname, '..', '..', '..', 'apps', 'mini', 'dist', 'weapp');
/** The API address baked into a default `npm run build:weapp` (TARO_APP_API_BASE). */
const BAKED_API = 'http://127.0.0.1:3000';

interface BffStack {
  apiUrl: string;
  output(): string;
  stop(): Promise<void>;
}

export interface Stack extends BffStack {
  /**
   * WeChat's server, run by the test rather than inside the BFF: what WeChat hands a phone (the
   * one-time phone-number code after 允许) comes from here, and only here can it be redeemed.
   */
  wechat: FakeWechat;
}

// A plain CommonJS script shared with `npm start` and the browser tests; no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const stackModule = require('../../../config/scripts/lib/stack') as {
  startStack(options: { seed?: 'demo' | 'none'; env?: Record<string, string> }): Promise<BffStack>;
};

/** The BFF with the demo data, talking to a fake WeChat this process owns. */
export async function startStack(): Promise<Stack> {
  const wechat = await startFakeWechat();
  const bff = await stackModule
    .startStack({
      seed: 'demo',
      env: {
        DEV_FAKE_WECHAT: 'false',
        WECHAT_API_BASE: wechat.url,
        WECHAT_APPID: FAKE_WECHAT_APP.appid,
        WECHAT_SECRET: FAKE_WECHAT_APP.secret,
      },
    })
    .catch(async (error: unknown) => {
      await wechat.stop();
      throw error;
    });
  return {
    ...bff,
    wechat,
    async stop() {
      await bff.stop();
      await wechat.stop();
    },
  };
}

/** A phone running the built mini-program against this stack's BFF. */
export function phone(
  stack: Pick<Stack, 'apiUrl'>,
  name: string,
  options: Partial<HostOptions> = {},
): MiniHost {
  return new MiniHost({
    distDir: DIST,
    name,
    privacyCheck: true,
    rewriteOrigins: { [BAKED_API]: stack.apiUrl },
    ...options,
  });
}

/** The newest one-time code the BFF logged for `phone` (the demo OTP sender prints it). */
async function readOtp(stack: Stack, phoneNumber: string, seenBefore: number): Promise<string> {
  const masked = `${phoneNumber.slice(0, 3)}****${phoneNumber.slice(-4)}`;
  const codes = () =>
    stack
      .output()
      .split('\n')
      .filter((line) => line.includes('"otp.sent"') && line.includes(masked))
      .map((line) => (JSON.parse(line) as { code: string }).code);
  const deadline = Date.now() + 5_000;
  while (codes().length <= seenBefore) {
    if (Date.now() > deadline) throw new Error(`no one-time code logged for ${masked}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return codes()[codes().length - 1];
}

/**
 * Puts a staff member's session on the phone, as it is after they signed in once. The weapp
 * login page offers WeChat sign-in only, which makes a new worker; tying an officer's WeChat to
 * their staff account is the phone-number binding (another branch), so here the session comes
 * from the phone-code sign-in the H5 build uses, stored where the app keeps it.
 */
export async function signInStaff(stack: Stack, host: MiniHost, phoneNumber: string): Promise<void> {
  const session = await phoneSession(stack, phoneNumber);
  host.storage.set(
    'fugong.session.v1',
    JSON.stringify({
      token: session.token,
      refreshToken: session.refreshToken,
      expiresAt: Date.now() + session.expiresIn * 1000,
      user: session.user,
    }),
  );
}

interface PhoneSession {
  token: string;
  refreshToken: string;
  expiresIn: number;
  user: unknown;
}

/** Signs `phoneNumber` in over HTTP with the one-time code the BFF logs (as the H5 build does). */
export async function phoneSession(stack: Stack, phoneNumber: string): Promise<PhoneSession> {
  const masked = `${phoneNumber.slice(0, 3)}****${phoneNumber.slice(-4)}`;
  const seen = stack
    .output()
    .split('\n')
    .filter((l) => l.includes('"otp.sent"') && l.includes(masked)).length;
  await callApi(stack, null, 'POST', '/api/auth/otp', { phone: phoneNumber });
  const code = await readOtp(stack, phoneNumber, seen);
  return callApi<PhoneSession>(stack, null, 'POST', '/api/auth/login/phone', { phone: phoneNumber, code });
}

/** One JSON call to the BFF, with a session's token when given; throws on a non-2xx answer. */
export async function callApi<T = Record<string, unknown>>(
  stack: Stack,
  token: string | null,
  method: 'GET' | 'POST',
  p: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${stack.apiUrl}${p}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(method === 'POST'
        ? { 'idempotency-key': `weapp-${Date.now()}-${Math.random().toString(16).slice(2)}` }
        : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** Fails with every problem the phone saw (throws, rejections, console.error, missing APIs). */
export function expectNoProblems(host: MiniHost): void {
  expect(host.problems.map((p) => p.message)).toEqual([]);
}
