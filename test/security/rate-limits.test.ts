import pino from 'pino';
import { createApp } from '../../apps/bff/src';
import { startTestApp, type TestApp } from '../../apps/bff/src/test-support';
import { RATE_LIMITS, type RateLimitTable } from '../../apps/bff/src/test-support';
import request from 'supertest';
import { caller, freshPhone } from './support/people';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT: 'on' });
});
afterAll(() => t.close());

/** A second BFF instance on the same database (its own container, no memory shared). */
function secondInstance(table: RateLimitTable = RATE_LIMITS) {
  const app = createApp({
    config: t.config,
    connection: t.connection,
    logger: pino({ level: 'silent' }),
    clock: t.clock,
    otpSender: t.otp,
    rateLimits: table,
  });
  return request(app.callback());
}

describe('one-time codes', () => {
  it('when one phone asks for codes more than 5 times an hour across two instances, then the 6th is 429 with Retry-After, and the next hour it is allowed', async () => {
    const phone = freshPhone();
    const other = secondInstance();
    const statuses: number[] = [];
    // Hourly windows are fixed: start just after an hour boundary (in the future, so the TTL
    // sweeper, which runs on real time, keeps the counters) or six 61-s steps may cross into the
    // next window and the test would fail only in the last minutes of each hour.
    t.clock.set(new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 1_000));
    for (let i = 0; i < 6; i += 1) {
      t.clock.advance(61_000); // past the per-code resend throttle, so only the hourly limit can refuse
      const res = await (i % 2 ? other : t.http).post('/api/auth/otp').send({ phone });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.body.error.code).toBe('RATE_LIMITED');
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(3600);
      }
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    t.clock.advance(3600_000);
    expect((await t.http.post('/api/auth/otp').send({ phone })).status).toBe(200);
  });

  it('when counters are stored, then they hold keyed hashes, never the phone or the address', async () => {
    const phone = freshPhone();
    t.clock.advance(61_000);
    await t.http.post('/api/auth/otp').send({ phone });
    const text = JSON.stringify(await t.connection.db!.collection('rate_limits').find({}).toArray());
    expect(text).toContain('otp.phone');
    expect(text).not.toContain(phone);
    expect(text).not.toContain('127.0.0.1');
  });
});

describe('per-address limits shared through the database', () => {
  const tight: RateLimitTable = {
    routes: { 'auth.phone': [{ bucket: 'login.ip.tight', per: 'ip', limit: 3, windowSec: 600 }] },
    default: [{ bucket: 'api.ip.tight', per: 'ip', limit: 1000, windowSec: 60 }],
    exempt: ['health'],
  };

  it('when sign-in attempts from one address exceed the limit across two instances, then both refuse with 429', async () => {
    const a = secondInstance(tight);
    const b = secondInstance(tight);
    const attempt = (agent: typeof a) =>
      agent.post('/api/auth/login/phone').send({ phone: freshPhone(), code: '000000' });
    const statuses = [];
    for (const agent of [a, b, a, b, a]) statuses.push((await attempt(agent)).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it('when 12 attempts from one address arrive at once on two instances, then exactly the limit get through', async () => {
    const a = secondInstance({
      ...tight,
      routes: { 'auth.phone': [{ bucket: 'burst.tight', per: 'ip', limit: 4, windowSec: 600 }] },
    });
    const b = secondInstance({
      ...tight,
      routes: { 'auth.phone': [{ bucket: 'burst.tight', per: 'ip', limit: 4, windowSec: 600 }] },
    });
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        (i % 2 ? a : b).post('/api/auth/login/phone').send({ phone: freshPhone(), code: '000000' }),
      ),
    );
    expect(answers.filter((r) => r.status === 401)).toHaveLength(4);
    expect(answers.filter((r) => r.status === 429)).toHaveLength(8);
  });

  it('when a request is rejected at the edge (bad input), then it is not counted', async () => {
    const a = secondInstance({
      ...tight,
      routes: { 'auth.phone': [{ bucket: 'edge.tight', per: 'ip', limit: 1, windowSec: 600 }] },
    });
    for (let i = 0; i < 5; i += 1)
      expect((await a.post('/api/auth/login/phone').send({ phone: 'x' })).status).toBe(400);
    expect(await t.connection.db!.collection('rate_limits').countDocuments({ bucket: 'edge.tight' })).toBe(0);
    expect((await a.post('/api/auth/login/phone').send({ phone: freshPhone(), code: '000000' })).status).toBe(
      401,
    );
  });
});

describe('booking', () => {
  it('when one worker sends more than 10 bookings a minute, then the 11th is 429 until the next minute', async () => {
    const worker = await caller(t, ['worker']);
    const tripId = '0123456789abcdef01234567';
    const first = await t.http.post('/api/bookings').set(worker.auth).send({ tripId });
    expect(first.status).toBe(404); // unknown trip: a real attempt, counted
    const statuses = [];
    for (let i = 0; i < 10; i += 1)
      statuses.push((await t.http.post('/api/bookings').set(worker.auth).send({ tripId })).status);
    expect(statuses.slice(0, 9).every((s) => s === 404)).toBe(true);
    expect(statuses[9]).toBe(429);
    t.clock.advance(60_000);
    expect((await t.http.post('/api/bookings').set(worker.auth).send({ tripId })).status).toBe(404);
  });

  it('when the default table is read, then it limits codes per phone and address, sign-in per address, and booking per person and address', () => {
    const buckets = (id: string) => (RATE_LIMITS.routes[id] ?? []).map((r) => `${r.bucket}/${r.per}`);
    expect(buckets('auth.otp')).toEqual(expect.arrayContaining(['otp.phone/phone', 'otp.ip/ip']));
    expect(buckets('auth.phone')).toEqual(expect.arrayContaining(['login.ip/ip']));
    expect(buckets('bookings.create')).toEqual(
      expect.arrayContaining(['booking.actor/actor', 'booking.ip/ip']),
    );
    expect(RATE_LIMITS.default.length).toBeGreaterThan(0);
  });
});

describe('code guessing', () => {
  it('when 12 wrong guesses race in parallel, then exactly 5 are judged and the right code is refused afterwards', async () => {
    const phone = freshPhone();
    t.clock.advance(61_000);
    await t.http.post('/api/auth/otp').send({ phone });
    const right = t.otp.last(phone)!;
    const wrong = right === '000000' ? '111111' : '000000';
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => t.http.post('/api/auth/login/phone').send({ phone, code: wrong })),
    );
    expect(answers.filter((a) => a.status === 401)).toHaveLength(5);
    expect(answers.filter((a) => a.body.error?.code === 'OTP_LOCKED')).toHaveLength(7);
    const late = await t.http.post('/api/auth/login/phone').send({ phone, code: right });
    expect(late.status).toBe(429);
    expect(late.body.error.code).toBe('OTP_LOCKED');
  });
});
