import pino from 'pino';
import request from 'supertest';
import { createApp } from './app';
import { loadConfig } from './config';
import type { RateLimitTable } from './modules/rate-limits';
import { startTestApp, type TestApp } from './test-support/test-app';

// A forged X-Forwarded-For must not choose the address per-address rate limits count: behind
// one proxy, Koa without maxIpsCount took the header's leftmost entry, which the client writes.

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const tight: RateLimitTable = {
  routes: { 'auth.phone': [{ bucket: 'login.ip.hops', per: 'ip', limit: 3, windowSec: 600 }] },
  default: [{ bucket: 'api.ip.hops', per: 'ip', limit: 1000, windowSec: 60 }],
  exempt: [],
};

let phoneSeq = 0;
const freshPhone = () => `1760000${String((phoneSeq += 1)).padStart(4, '0')}`;

/** An app with this environment; GET /probe/ip answers the address Koa settled on (ctx.ip). */
function appWith(env: Record<string, string>) {
  const app = createApp({
    config: loadConfig({
      ...env,
      NODE_ENV: 'test',
      RATE_LIMIT: 'on',
      WECHAT_API_BASE: t.config.WECHAT_API_BASE,
    }),
    connection: t.connection,
    logger: pino({ level: 'silent' }),
    clock: t.clock,
    otpSender: t.otp,
    rateLimits: tight,
  });
  app.use(async (ctx, next) => {
    if (ctx.path !== '/probe/ip') return next();
    ctx.body = { ip: ctx.ip };
  });
  return request(app.callback());
}

async function ipSeen(agent: ReturnType<typeof appWith>, xff?: string): Promise<string> {
  const req = agent.get('/probe/ip');
  const res = await (xff === undefined ? req : req.set('X-Forwarded-For', xff));
  return res.body.ip as string;
}

describe('the client address behind trusted proxies', () => {
  it('when one hop is trusted, then ctx.ip is the entry nginx appended, whatever the client wrote before it', async () => {
    const agent = appWith({ TRUST_PROXY_HOPS: '1' });
    expect(await ipSeen(agent, '203.0.113.7')).toBe('203.0.113.7');
    expect(await ipSeen(agent, '6.6.6.6, 203.0.113.7')).toBe('203.0.113.7');
    expect(await ipSeen(agent, '1.1.1.1, 6.6.6.6, 203.0.113.7')).toBe('203.0.113.7');
  });

  it('when two hops are trusted (a load balancer before nginx), then the second entry from the right counts', async () => {
    const agent = appWith({ TRUST_PROXY_HOPS: '2' });
    expect(await ipSeen(agent, '6.6.6.6, 203.0.113.7, 10.0.0.5')).toBe('203.0.113.7');
  });

  it('when no proxy is trusted, then X-Forwarded-For is ignored and the socket address counts', async () => {
    const agent = appWith({});
    const direct = await ipSeen(agent);
    expect(direct).toMatch(/127\.0\.0\.1|::1/);
    expect(await ipSeen(agent, '6.6.6.6')).toBe(direct);
  });

  it('when the older TRUST_PROXY=true is set, then it trusts exactly one hop', async () => {
    const agent = appWith({ TRUST_PROXY: 'true' });
    expect(await ipSeen(agent, '6.6.6.6, 203.0.113.9')).toBe('203.0.113.9');
  });

  it('when TRUST_PROXY=true contradicts TRUST_PROXY_HOPS=0, then startup is refused naming the key', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true', TRUST_PROXY_HOPS: '0' })).toThrow(/TRUST_PROXY_HOPS/);
    expect(() => loadConfig({ TRUST_PROXY_HOPS: '-1' })).toThrow(/TRUST_PROXY_HOPS/);
  });

  it('when sign-ins vary a spoofed leading X-Forwarded-For, then the per-address limit still refuses the 4th from one client', async () => {
    const agent = appWith({ TRUST_PROXY_HOPS: '1' });
    const attempt = (xff: string) =>
      agent
        .post('/api/auth/login/phone')
        .set('X-Forwarded-For', xff)
        .send({ phone: freshPhone(), code: '000000' });
    const statuses: number[] = [];
    for (let i = 1; i <= 5; i += 1) statuses.push((await attempt(`6.6.6.${i}, 198.51.100.20`)).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    // Another client behind the same proxy has its own bucket: the limit is per real address.
    expect((await attempt('6.6.6.1, 198.51.100.21')).status).toBe(401);
  });
});
