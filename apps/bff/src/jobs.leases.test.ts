import pino from 'pino';
import { createApp } from './app';
import { startTestApp, type TestApp } from './test-support/test-app';
import { startPeriodicJobs, startBackgroundJobs, type PeriodicJob, type StopJobs } from './jobs';
import type { Container } from './container';

/**
 * Job leases between two BFF instances on one database: each instance is its own container
 * (its own holder id, its own timers), as two processes behind a load balancer would be.
 * Real timers with short periods; the waits are bounded.
 */
let t: TestApp;
let other: Container;
beforeAll(async () => {
  t = await startTestApp();
  other = createApp({
    config: t.config,
    connection: t.connection,
    logger: pino({ level: 'silent' }),
    clock: t.clock,
  }).container;
});
afterAll(() => t.close());

const silent = pino({ level: 'silent' });
const INTERVAL = 200;
const LEASE = 600;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Run {
  instance: 'a' | 'b';
  period: number;
  at: number;
}

/** The same job on an instance, recording every run it makes into `runs`. */
function jobOn(c: Container, instance: Run['instance'], name: string, runs: Run[]): StopJobs {
  const job: PeriodicJob = {
    name,
    intervalMs: INTERVAL,
    leaseMs: LEASE,
    run: async ({ period }) => {
      runs.push({ instance, period, at: Date.now() });
    },
  };
  return startPeriodicJobs([job], silent, { leases: c.jobLeases, metrics: c.metrics });
}

const leaseDoc = (job: string) => t.connection.db!.collection('job_leases').findOne({ _id: job as never });

/** Waits (bounded) until `done` holds. */
async function until(done: () => boolean, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await sleep(20);
}

describe('one run per period across instances', () => {
  it('when two instances run the same job for 15 periods, then each period is run at most once, by one instance, and almost every period is run', async () => {
    const runs: Run[] = [];
    const started = Date.now();
    const stopA = jobOn(t.container, 'a', 'lease.test.periods', runs);
    const stopB = jobOn(other, 'b', 'lease.test.periods', runs);
    await sleep(15 * INTERVAL);
    await Promise.all([stopA(), stopB()]);
    const periods = runs.map((r) => r.period);
    expect(new Set(periods).size).toBe(periods.length); // never twice in one period
    expect(new Set(runs.map((r) => r.instance)).size).toBe(1); // the holder keeps the job
    // 15 periods elapsed; a loaded machine may make a tick miss its period, never add one.
    const elapsed = Math.ceil((Date.now() - started) / INTERVAL);
    expect(runs.length).toBeLessThanOrEqual(elapsed);
    expect(runs.length).toBeGreaterThanOrEqual(10);
  });

  it('when the holder stops without releasing (a crash), then the other instance takes over once the lease has expired, not before', async () => {
    const runs: Run[] = [];
    const name = 'lease.test.takeover';
    const stopA = jobOn(t.container, 'a', name, runs);
    await until(() => runs.length >= 2, 3000);
    const stopB = jobOn(other, 'b', name, runs);
    await sleep(3 * INTERVAL);
    expect(runs.every((r) => r.instance === 'a')).toBe(true);
    await stopA({ release: false });
    const left = await leaseDoc(name);
    expect(left?.holder).toBe(t.container.jobLeases.holder);
    const expiresAt = (left!.expiresAt as Date).getTime();
    await until(() => runs.some((r) => r.instance === 'b'), LEASE + 10 * INTERVAL);
    await stopB();
    const taken = runs.filter((r) => r.instance === 'b');
    expect(taken.length).toBeGreaterThan(0);
    expect(taken[0].at).toBeGreaterThanOrEqual(expiresAt);
    const lastOfA = Math.max(...runs.filter((r) => r.instance === 'a').map((r) => r.period));
    expect(taken[0].period).toBeGreaterThan(lastOfA);
  });

  it('when the holder stops gracefully, then it releases the lease and the other instance runs the next periods without waiting for expiry', async () => {
    const runs: Run[] = [];
    const name = 'lease.test.release';
    const stopA = jobOn(t.container, 'a', name, runs);
    await until(() => runs.length >= 1, 3000);
    const stopB = jobOn(other, 'b', name, runs);
    await stopA();
    expect((await leaseDoc(name))?.holder).toBeNull();
    const stoppedAt = Date.now();
    await until(() => runs.some((r) => r.instance === 'b'), 10 * INTERVAL);
    await stopB();
    const firstOfB = runs.find((r) => r.instance === 'b');
    expect(firstOfB).toBeDefined();
    // Within a couple of periods, well before the 600 ms lease could have expired on its own.
    expect(firstOfB!.at - stoppedAt).toBeLessThan(LEASE);
    expect(new Set(runs.map((r) => r.period)).size).toBe(runs.length);
  });
});

describe('the real sweeps with leases', () => {
  it('when both instances run the background sweeps, then /metrics shows runs on one instance only, at most one per period, and only the holder reports holding the lease', async () => {
    const started = Date.now();
    const intervals = { 'bookings.sweep': INTERVAL, 'issues.sweep': INTERVAL };
    const stops = [
      startBackgroundJobs(t.container, silent, intervals),
      startBackgroundJobs(other, silent, intervals),
    ];
    await sleep(10 * INTERVAL);
    const metricsNow = await Promise.all(
      [t.container, other].map(async (c) => (await c.metrics.jobRuns.get()).values),
    );
    const held = await Promise.all(
      [t.container, other].map(async (c) => (await c.metrics.leaseHeld.get()).values),
    );
    await Promise.all(stops.map((s) => s()));
    const elapsed = Math.ceil((Date.now() - started) / INTERVAL);
    for (const job of ['bookings.sweep', 'issues.sweep']) {
      const count = (values: (typeof metricsNow)[number], outcome: string) =>
        values
          .filter((v) => v.labels.job === job && v.labels.outcome === outcome)
          .reduce((n, v) => n + v.value, 0);
      const ok = metricsNow.map((v) => count(v, 'ok'));
      expect(metricsNow.map((v) => count(v, 'failed'))).toEqual([0, 0]);
      // Only one instance ran the sweep, the other ticked and was turned away.
      expect(ok.filter((n) => n > 0)).toHaveLength(1);
      expect(metricsNow.map((v) => count(v, 'not_holder')).some((n) => n > 0)).toBe(true);
      // At most one run per elapsed period (a run slower than a period skips the next ones).
      expect(ok[0] + ok[1]).toBeGreaterThanOrEqual(2);
      expect(ok[0] + ok[1]).toBeLessThanOrEqual(elapsed);
      const holders = held.flat().filter((v) => v.labels.job === job && v.value === 1);
      expect(holders).toHaveLength(1);
    }
  });
});
