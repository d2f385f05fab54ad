/**
 * A scripted BFF for unit tests: answers the Taro.request double by "METHOD /path" and records
 * every call (url, method, headers, body) so tests can assert on what the phone sent.
 */
import Taro from '@tarojs/taro';
import type { Role, Session } from '@fugong/contracts';

export interface FakeCall {
  method: string;
  url: string;
  path: string;
  header: Record<string, string>;
  data: unknown;
}

export type FakeReply =
  { status: number; body?: unknown; headers?: Record<string, string> } | { fail: 'network' | 'timeout' };

type Handler = (call: FakeCall) => FakeReply | Promise<FakeReply>;

/** An error envelope as the BFF sends it. */
export function apiError(status: number, code: string, message: string, details?: unknown): FakeReply {
  return { status, body: { error: { code, message, details, requestId: 'req-test' } } };
}

/**
 * Installs routes: a reply (repeated), a list of replies (one per call, the last repeated), or a
 * handler. Unlisted routes answer 404 like the real server.
 */
export function installFakeApi(routes: Record<string, FakeReply | FakeReply[] | Handler>): {
  calls: FakeCall[];
} {
  const calls: FakeCall[] = [];
  const counters = new Map<string, number>();
  const request = Taro.request as unknown as jest.Mock;
  request.mockImplementation(
    async (options: { url: string; method?: string; header?: Record<string, string>; data?: unknown }) => {
      const method = (options.method ?? 'GET').toUpperCase();
      const path = options.url.replace(/^https?:\/\/[^/]+/, '').split('?')[0];
      const call: FakeCall = {
        method,
        url: options.url,
        path,
        header: { ...options.header },
        data: options.data,
      };
      calls.push(call);
      const key = `${method} ${path}`;
      const route = routes[key];
      const count = counters.get(key) ?? 0;
      counters.set(key, count + 1);
      let reply: FakeReply;
      if (route === undefined) reply = apiError(404, 'NOT_FOUND', '未找到相关记录');
      else if (typeof route === 'function') reply = await route(call);
      else if (Array.isArray(route)) reply = route[Math.min(count, route.length - 1)];
      else reply = route;
      if ('fail' in reply) {
        throw {
          errMsg:
            reply.fail === 'timeout' ? 'request:fail timeout' : 'request:fail net::ERR_CONNECTION_RESET',
        };
      }
      return { statusCode: reply.status, data: reply.body ?? null, header: reply.headers ?? {} };
    },
  );
  return { calls };
}

/** A valid Session payload for `roles`, as POST /api/auth/login/* returns it. */
export function sessionFor(roles: Role[], overrides: { token?: string; expiresIn?: number } = {}): Session {
  return {
    token: overrides.token ?? 'access-token-1',
    expiresIn: overrides.expiresIn ?? 900,
    refreshToken: 'refresh-token-0123456789',
    user: {
      id: '64b7f0c2a1b2c3d4e5f60718',
      name: '张三',
      phoneMasked: '138****0001',
      roles,
      enterpriseId: null,
      departmentId: null,
      hasProfile: true,
    },
  };
}
