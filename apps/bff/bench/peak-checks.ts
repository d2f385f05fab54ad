import type { mongo } from 'mongoose';
import { statSync } from 'node:fs';
import { chinaDay } from '@fugong/domain';
import type { Container } from '../src/container';
import { checkBookings, seedTrips } from './booking-fixtures';

/**
 * What the morning-peak bench asks of the process that holds its own container (peak-server.ts
 * in tsx mode, peak-agent.ts beside the compiled BFFs): seed the trips, count the database's
 * commands, check each phase's invariants against the database.
 */
export type ServerAsk =
  | { ask: 'commands' }
  | { ask: 'checkins'; workerIds: string[]; answered: { worker: number; checkinId: string }[] }
  | { ask: 'tokens'; views: { worker: number; token: string }[]; workerIds: string[] }
  | { ask: 'bookings'; answered: { worker: number; bookingId: string | null }[] };

export const isServerAsk = (m: unknown): m is ServerAsk & { id: number } =>
  typeof m === 'object' && m !== null && 'ask' in m && 'id' in m;

/** Seeds the bench's trips (plus a few for the warm-up) and returns the answerer for `ServerAsk`s. */
export async function benchChecks(
  c: Container,
  db: mongo.Db,
  logFiles: () => string[],
): Promise<{ tripIds: string[]; answer: (m: ServerAsk) => Promise<unknown> }> {
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
    const logBytes = logFiles().reduce((sum, f) => sum + statSync(f).size, 0);
    return {
      ...(await checkBookings(db, tripIds.slice(0, trips), m.answered)),
      logMb: Math.round(logBytes / 1048576),
    };
  };
  return { tripIds, answer };
}
