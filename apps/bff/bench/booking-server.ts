import { mkdirSync, writeFileSync } from 'node:fs';
import inspector from 'node:inspector';
import { statSync } from 'node:fs';
import pino from 'pino';
import { loadConfig } from '../src/config';
import { insertGreenWorkers } from '../src/test-support/green-workers';
import { startServer } from '../src/server';
import { createLogger } from '../src/logger';
import { checkBookings, seedTrips } from './booking-fixtures';

/**
 * `BENCH_PROFILE=production`: the server runs as deployed behind nginx — abuse limits on,
 * `info` logging (one line per request, written to a file as a log shipper would read it),
 * and `TRUST_PROXY` so each phone's address comes from `X-Forwarded-For` (the load generator
 * sends one address per group of workers, see booking.ts). Default: limits off, `warn`.
 */
export const PRODUCTION_LIKE = process.env.BENCH_PROFILE === 'production';

/**
 * The benchmark's server side: boot, seed, answer the invariant check. Runs in a child process.
 * `dbUri` set: the BFF talks to that (separate) database process, as a real deployment does;
 * unset: `startServer` starts the embedded database in memory inside this process.
 */
export async function serve(
  trips: number,
  workers: number,
  warmup: number,
  dbUri?: string,
  extraInstance = false,
): Promise<void> {
  const config = loadConfig({
    NODE_ENV: 'development',
    EMBEDDED_DB_IN_MEMORY: 'true',
    PORT: '0',
    LOG_LEVEL: PRODUCTION_LIKE ? 'info' : 'warn',
    OTP_SENDER: 'memory',
    ...(dbUri ? { MONGODB_URI: dbUri } : {}),
    // Without the production profile every request comes from one loopback address; the per-IP
    // abuse limit would refuse what thousands of phones on different addresses may do.
    RATE_LIMIT: process.env.BENCH_RATE_LIMIT ?? (PRODUCTION_LIKE ? 'on' : 'off'),
    TRUST_PROXY: PRODUCTION_LIKE ? 'true' : 'false',
  });
  const logFile = `/tmp/bench-bff-${process.pid}.log`;
  const logger = PRODUCTION_LIKE
    ? createLogger(config.LOG_LEVEL, pino.destination({ dest: logFile, sync: false, mkdir: true }))
    : pino({ level: 'warn' });
  const server = await startServer(config, logger);
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 100);
  process.once('SIGTERM', () => void server.stop().then(() => process.exit(0)));
  if (extraInstance) {
    // Another BFF instance on the same database: serves requests, reports its CPU and memory.
    const cpuAtStart = process.cpuUsage();
    process.send!({ url: server.url, jobs: [] });
    process.once('message', () => {
      const cpu = process.cpuUsage(cpuAtStart);
      clearInterval(sampler);
      process.send!({
        cpuSec: Math.round((cpu.user + cpu.system) / 1e4) / 100,
        peakRssMb: Math.round(peakRss / 1048576),
      });
    });
    return;
  }
  const c = server.container;
  const db = server.connection.db!;
  const now = new Date();
  // Warm-up trips (one per 100 warm-up workers) come after the bench's own, on the same day.
  const warmTrips = Math.ceil(warmup / 100);
  const tripIds = await seedTrips(c, trips + warmTrips, now);
  const jobs: { token: string; tripId: string }[] = [];
  const warmJobs: { token: string; tripId: string }[] = [];
  const total = workers + warmup;
  for (let start = 0; start < total; start += 1000) {
    const n = Math.min(total, start + 1000) - start;
    const ids = await insertGreenWorkers(db, n, now, (i) => `bench-${start + i}`);
    ids.forEach((_id, k) => {
      const i = start + k;
      const token = c.tokens.issueAccess({
        id: _id.toHexString(),
        roles: ['worker'],
        enterpriseId: null,
        departmentId: null,
      }).token;
      if (i < workers) jobs.push({ token, tripId: tripIds[i % trips] });
      else warmJobs.push({ token, tripId: tripIds[trips + ((i - workers) % warmTrips)] });
    });
  }
  /** Commands the database has received so far, by name (embedded-mongo's serverStatus). */
  const commandCounts = async (): Promise<Map<string, number>> => {
    const status = await db.admin().command({ serverStatus: 1 });
    const commands = (status.metrics?.commands ?? {}) as Record<
      string,
      { total: number | { toNumber(): number } }
    >;
    return new Map(Object.entries(commands).map(([name, c]) => [name, Number(c.total)]));
  };
  let commandsAtStart = await commandCounts();
  let cpuAtStart = process.cpuUsage();
  process.send!({ url: server.url, jobs, warmup: warmJobs });

  // After the warm-up: the rush's CPU and commands are counted (and, with BENCH_PROF=rush,
  // profiled) from here.
  const profiler = process.env.BENCH_PROF === 'rush' ? new inspector.Session() : null;
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) =>
      profiler!.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))),
    );
  process.once('message', async () => {
    commandsAtStart = await commandCounts();
    cpuAtStart = process.cpuUsage();
    if (profiler) {
      profiler.connect();
      await post('Profiler.enable');
      await post('Profiler.start');
    }
    process.send!({ marked: true });
    process.once('message', check);
  });

  const check = async (m: { check: { worker: number; bookingId: string | null }[] }) => {
    const cpu = process.cpuUsage(cpuAtStart);
    if (profiler) {
      const { profile } = (await post('Profiler.stop')) as { profile: object };
      mkdirSync('/tmp/benchprof', { recursive: true });
      writeFileSync(`/tmp/benchprof/rush-bff-${process.pid}.cpuprofile`, JSON.stringify(profile));
    }
    const commandsNow = await commandCounts();
    const dbCommands = Object.fromEntries(
      [...commandsNow]
        .map(([name, n]) => [name, n - (commandsAtStart.get(name) ?? 0)] as const)
        .filter(
          ([name, n]) =>
            n > 0 && !['hello', 'isMaster', 'ismaster', 'serverStatus', 'endSessions'].includes(name),
        ),
    );
    const invariants = await checkBookings(db, tripIds.slice(0, trips), m.check);
    clearInterval(sampler);
    process.send!({
      ...invariants,
      peakRssMb: Math.round(peakRss / 1048576),
      cpuSec: Math.round((cpu.user + cpu.system) / 1e4) / 100,
      dbCommands: JSON.stringify(dbCommands),
      ...(PRODUCTION_LIKE ? { logFile, logMb: Math.round(statSync(logFile).size / 1048576) } : {}),
    });
  };
}
