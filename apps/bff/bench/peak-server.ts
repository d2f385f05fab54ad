import { statSync } from 'node:fs';
import pino from 'pino';
import { chinaDay } from '@fugong/domain';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { startServer } from '../src/server';
import { checkBookings, seedTrips } from './booking-fixtures';

/**
 * One BFF instance of the morning-peak benchmark (peak.ts forks it), as deployed: its own
 * process on the separate database process (BENCH_DB_URI), rate limits on, `info` logging to a
 * file (as a log shipper reads it), TRUST_PROXY with addresses from X-Forwarded-For. One-time
 * codes go to the load generator over IPC — it plays the SMS gateway, so the bench signs in
 * through the real code routes. The first instance (BENCH_ROLE=main) also seeds the trips,
 * reports the database's command counters and checks the invariants.
 */
const MAIN = process.env.BENCH_ROLE === 'main';

export type ServerAsk =
  | { ask: 'commands' }
  | { ask: 'checkins'; workerIds: string[]; answered: { worker: number; checkinId: string }[] }
  | { ask: 'tokens'; views: { worker: number; token: string }[]; workerIds: string[] }
  | { ask: 'bookings'; answered: { worker: number; bookingId: string | null }[] };

void (async () => {
  const config = loadConfig({
    NODE_ENV: 'development',
    PORT: '0',
    LOG_LEVEL: 'info',
    MONGODB_URI: process.env.BENCH_DB_URI!,
    RATE_LIMIT: process.env.BENCH_RATE_LIMIT ?? 'on',
    TRUST_PROXY: 'true',
  });
  const logFile = `/tmp/bench-peak-bff-${process.pid}.log`;
  const logger = createLogger(
    config.LOG_LEVEL,
    pino.destination({ dest: logFile, sync: false, mkdir: true }),
  );
  const server = await startServer(config, logger, {
    otpSender: { send: async (phone, code) => void process.send!({ otp: { phone, code } }) },
  });
  process.once('SIGTERM', () => void server.stop().then(() => process.exit(0)));
  if (!MAIN) {
    process.send!({ ready: true, url: server.url });
    return;
  }
  const c = server.container;
  const db = server.connection.db!;
  const trips = Number(process.env.BENCH_TRIPS ?? 200);
  const warmTrips = Number(process.env.BENCH_WARM_TRIPS ?? 5);
  const tripIds = await seedTrips(c, trips + warmTrips, new Date());

  /** Commands the database has received so far, by name (embedded-mongo's serverStatus). */
  const commandCounts = async (): Promise<Record<string, number>> => {
    const status = await db.admin().command({ serverStatus: 1 });
    const commands = (status.metrics?.commands ?? {}) as Record<string, { total: unknown }>;
    return Object.fromEntries(Object.entries(commands).map(([name, n]) => [name, Number(n.total)]));
  };

  const answer = async (m: ServerAsk): Promise<unknown> => {
    if (m.ask === 'commands') return commandCounts();
    if (m.ask === 'checkins') {
      // One check-in per worker per day, every 2xx id stored, every stored one readable as a pass.
      const today = chinaDay(new Date());
      const rows = await db.collection('health_checkins').find({ day: today }).toArray();
      const perWorker = new Map<string, number>();
      for (const r of rows) perWorker.set(String(r.workerId), (perWorker.get(String(r.workerId)) ?? 0) + 1);
      const stored = new Set(rows.map((r) => String(r._id)));
      const idsByWorker = new Map<number, Set<string>>();
      for (const a of m.answered)
        idsByWorker.set(a.worker, (idsByWorker.get(a.worker) ?? new Set()).add(a.checkinId));
      const passes = await c.healthCheckins.services.passes.passesFor(m.workerIds);
      const notGreen = m.workerIds.filter((id) => passes.get(id)?.color !== 'green').length;
      const twice = [...perWorker.values()].filter((n) => n > 1).length;
      const missing = m.answered.filter((a) => !stored.has(a.checkinId)).length;
      const retryMismatch = [...idsByWorker.values()].filter((s) => s.size > 1).length;
      const without = m.workerIds.filter((id) => !perWorker.has(id)).length;
      return {
        ok: twice === 0 && missing === 0 && retryMismatch === 0 && without === 0 && notGreen === 0,
        workersWithTwoCheckinsToday: twice,
        missing2xxCheckins: missing,
        retriesWithDifferentCheckin: retryMismatch,
        workersWithoutCheckin: without,
        passesNotGreen: notGreen,
      };
    }
    if (m.ask === 'tokens') {
      // Every token shown verifies as its own worker's (and no one else's).
      const bad = m.views.filter(
        (v) => c.healthCheckins.services.passes.verifyToken(v.token) !== m.workerIds[v.worker],
      ).length;
      return { ok: bad === 0, tokensNotVerifying: bad };
    }
    return {
      ...(await checkBookings(db, tripIds.slice(0, trips), m.answered)),
      logMb: Math.round(statSync(logFile).size / 1048576),
    };
  };
  process.on('message', (m: ServerAsk & { id: number }) => {
    void answer(m).then((result) => process.send!({ id: m.id, result }));
  });
  process.send!({ ready: true, url: server.url, tripIds });
})();
