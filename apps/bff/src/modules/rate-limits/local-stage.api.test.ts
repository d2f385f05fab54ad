import { startTestApp, type TestApp } from '../../test-support/test-app';
import { createMetrics } from '../../metrics';
import { RateLimitRepository } from './rate-limit.repository';
import { RateLimiter, type RateLimitTable } from './rate-limits';

/**
 * The in-memory first stage in front of the shared counters. Each RateLimiter here is one BFF
 * instance (its own memory) on the one database.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ RATE_LIMIT: 'on' });
});
afterAll(() => t.close());

let seq = 0;
/** A table with one generic per-address rule of its own bucket, so tests do not share counters. */
function table(limit: number, localShare?: number): RateLimitTable {
  seq += 1;
  return {
    routes: {},
    default: [{ bucket: `local.test.${seq}`, per: 'ip', limit, windowSec: 3600, localShare }],
    exempt: [],
  };
}

function instance(tbl: RateLimitTable) {
  const metrics = createMetrics();
  const limiter = new RateLimiter(
    RateLimitRepository.on(t.connection),
    tbl,
    t.clock,
    t.container.pii.lookupHash,
    metrics,
  );
  return { limiter, metrics };
}

const subject = (ip: string) => ({ routeId: 'trips.list', ip, actorId: null, body: undefined });
/** 'ok' or the code of the refusal. */
const check = (l: RateLimiter, ip: string) =>
  l.check(subject(ip)).then(
    () => 'ok',
    (err: { code?: string }) => err.code,
  );
const counters = (tbl: RateLimitTable) =>
  t.connection.db!.collection('rate_limits').find({ bucket: tbl.default[0].bucket }).toArray();
const stages = async (m: ReturnType<typeof createMetrics>) =>
  Object.fromEntries((await m.rateLimitChecks.get()).values.map((v) => [v.labels.stage, v.value]));

beforeEach(() => {
  // Start just after an hour boundary (in the future: the TTL monitor runs on real time), so a
  // test's requests never straddle two windows.
  t.clock.set(new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 3_600_000 + 1_000));
});

describe('the local first stage', () => {
  it('when an address stays under its local share, then nothing is written to the database', async () => {
    const tbl = table(100, 0.1);
    const { limiter, metrics } = instance(tbl);
    for (let i = 0; i < 10; i += 1) expect(await check(limiter, '10.0.0.1')).toBe('ok');
    expect(await counters(tbl)).toEqual([]);
    expect(await stages(metrics)).toEqual({ local: 10 });
  });

  it('when it crosses the share, then the shared counter receives every request admitted so far, and each one after', async () => {
    const tbl = table(100, 0.1);
    const { limiter } = instance(tbl);
    for (let i = 0; i < 13; i += 1) await check(limiter, '10.0.0.2');
    const [doc] = await counters(tbl);
    expect(doc.n).toBe(13);
  });

  it('when two instances share an address, then together they admit exactly the limit and both refuse after it', async () => {
    const tbl = table(10, 0.2); // 2 per instance from memory
    const a = instance(tbl).limiter;
    const b = instance(tbl).limiter;
    const answers: unknown[] = [];
    for (let i = 0; i < 8; i += 1) answers.push(await check(i % 2 ? b : a, '10.0.0.3'));
    expect(answers.filter((x) => x === 'ok')).toHaveLength(8);
    for (let i = 0; i < 4; i += 1) answers.push(await check(i % 2 ? b : a, '10.0.0.3'));
    expect(answers.filter((x) => x === 'ok')).toHaveLength(10);
    expect(answers.slice(-2)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
  });

  it('when an address is over the limit, then later requests in the window are refused from memory without a write, and the next window admits it again', async () => {
    const tbl = table(3);
    const { limiter, metrics } = instance(tbl);
    const answers = [];
    for (let i = 0; i < 10; i += 1) answers.push(await check(limiter, '10.0.0.4'));
    expect(answers).toEqual(['ok', 'ok', 'ok', ...Array(7).fill('RATE_LIMITED')]);
    const [doc] = await counters(tbl);
    expect(doc.n).toBe(4); // the three admitted and the first refusal; the rest cost nothing
    expect(await stages(metrics)).toEqual({ shared: 3, refused_shared: 1, refused_local: 6 });
    t.clock.advance(3_600_000);
    expect(await check(limiter, '10.0.0.4')).toBe('ok');
  });

  it('when a rule has no local share (codes, sign-in, a person’s bookings), then every request is counted in the database', async () => {
    const tbl = table(100);
    const { limiter } = instance(tbl);
    for (let i = 0; i < 5; i += 1) await check(limiter, '10.0.0.5');
    expect((await counters(tbl))[0].n).toBe(5);
  });
});
