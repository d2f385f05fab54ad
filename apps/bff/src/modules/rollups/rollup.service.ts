import type { Logger } from 'pino';
import {
  addDays,
  callbackEvent,
  checkinContribution,
  chinaDay,
  chinaDayStart,
  contributionDelta,
  enterpriseContribution,
  issueContribution,
  tripContribution,
  visitEvent,
  isTrendedKey,
  CURRENT,
  type Contribution,
} from '@fugong/domain';
import type { Clock } from '../../clock';
import type { RollupRepository } from './rollup.repository';
import type { RollupSources } from './rollup-sources';

const MAX_ATTEMPTS = 12;
/**
 * How long a scheduled trip sync waits for more changes of the same trip. The transport
 * figures lag the seats by at most about this (the dashboard's own read cache is 2 s).
 */
export const TRIP_SYNC_DELAY_MS = 1000;
/** Scheduled trip syncs run this many at a time. */
const FLUSH_CONCURRENCY = 4;

/**
 * Keeps the dashboard's rollups in step with the writes that change them.
 *
 * Each hooked record (enterprise, trip, issue, check-in) has a ledger entry holding what it last
 * added to the counters. A sync reads the ledger entry, then the record's current state,
 * computes the contribution, and moves the ledger entry with a compare-and-set on its sequence
 * number before `$inc`-ing the counters by the difference. So:
 * - re-running a hook (a retried request, two hooks for one write) adds nothing twice;
 * - of two syncs racing on one record, the one whose compare-and-set lands last read the
 *   record after the other's write, so the ledger ends at the record's latest state;
 * - a crash between the compare-and-set and the `$inc` loses that one delta (never doubles
 *   it): `rebuild` recounts from raw data and reports it as drift.
 * No transaction is needed, so this runs the same on the embedded database, a replica set or a
 * sharded cluster. Syncs of one record in one process are coalesced (a burst of bookings on a
 * trip runs at most one sync plus one re-run), which keeps the ledger compare-and-set cold.
 * Visits and call-backs are never edited, so each insert adds its event once, directly.
 *
 * A sync never fails the write that announced it: the write has happened; a failed sync is logged
 * and left for the rebuild.
 */
export class RollupService {
  private readonly inflight = new Map<string, { rerun: boolean; done: Promise<void> }>();
  /** Trips with a sync scheduled (syncTripSoon) and the timer that will run them. */
  private readonly dueTrips = new Set<string>();
  private dueTimer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly repo: RollupRepository,
    private readonly sources: RollupSources,
    private readonly clock: Clock,
    private readonly logger: Logger | null = null,
  ) {}

  /** After an enterprise, its reopening report, assignment, visit or open issues changed. */
  syncEnterprise(id: string): Promise<void> {
    return this.guard(`ent:${id}`, async () => {
      const f = await this.sources.enterpriseFacts(id);
      return f ? enterpriseContribution(f) : {};
    });
  }

  /** After a bulk registry write (an import): syncs every enterprise updated since `since`. */
  async syncEnterprisesUpdatedSince(since: Date): Promise<void> {
    for (const id of await this.sources.enterprisesUpdatedSince(since)) await this.syncEnterprise(id);
  }

  /** After a trip was created, published, changed, cancelled, or a seat/boarding/waitlist counter moved. */
  syncTrip(id: string): Promise<void> {
    return this.guard(`trip:${id}`, async () => {
      const t = await this.sources.tripFacts(id);
      return t ? tripContribution(t.facts, t.cell) : {};
    });
  }

  /**
   * After a seat, waitlist or boarding counter of a trip moved: synced within
   * TRIP_SYNC_DELAY_MS, once for however many changes arrive meanwhile. A crash before then
   * loses nothing for good: the ledger holds the trip's whole contribution, so the trip's next
   * sync (or the rebuild) brings its figures back in step.
   */
  syncTripSoon(id: string): void {
    this.dueTrips.add(id);
    if (this.dueTimer) return;
    this.dueTimer = setTimeout(() => void this.flushPending(), TRIP_SYNC_DELAY_MS);
    this.dueTimer.unref();
  }

  /** Runs the scheduled trip syncs now and waits for them (and for any flush under way). */
  flushPending(): Promise<void> {
    if (this.dueTimer) clearTimeout(this.dueTimer);
    this.dueTimer = null;
    const ids = [...this.dueTrips];
    this.dueTrips.clear();
    const previous = this.flushing;
    this.flushing = (async () => {
      await previous;
      for (let i = 0; i < ids.length; i += FLUSH_CONCURRENCY)
        await Promise.all(ids.slice(i, i + FLUSH_CONCURRENCY).map((id) => this.syncTrip(id)));
    })();
    return this.flushing;
  }

  /** After an issue was created or moved; its enterprise's open categories change with it. */
  async syncIssue(issue: { id: string; enterpriseId: string }): Promise<void> {
    await this.guard(`iss:${issue.id}`, async () => {
      const i = await this.sources.issueFacts(issue.id);
      return i ? issueContribution(i.facts, i.cell) : {};
    });
    await this.syncEnterprise(issue.enterpriseId);
  }

  /** After a worker's check-in of `day` was written (the first, or a correction the same day). */
  syncCheckin(workerId: string, day: string): Promise<void> {
    const expireAt = chinaDayStart(addDays(day, 2));
    return this.guard(
      `ci:${workerId}:${day}`,
      async () => {
        const c = await this.sources.checkinFacts(workerId, day);
        return c ? checkinContribution(c.facts, c.cell) : {};
      },
      expireAt,
    );
  }

  /** A steward visit was recorded (visits are insert-only: counted once, here). */
  async recordVisit(v: { enterpriseId: string; stewardId: string; visitedAt: Date }): Promise<void> {
    try {
      await this.repo.increment(
        visitEvent(
          { day: chinaDay(v.visitedAt), stewardId: v.stewardId },
          await this.sources.cellOf(v.enterpriseId),
        ),
      );
    } catch (err) {
      this.logger?.warn({ err }, 'rollups.visit.failed');
    }
    await this.syncEnterprise(v.enterpriseId);
  }

  /** A call-back was recorded (insert-only: counted once, here). */
  async recordCallback(c: {
    enterpriseId: string;
    stewardId: string | null;
    calledAt: Date;
    reached: boolean;
    satisfaction: number | null;
  }): Promise<void> {
    try {
      await this.repo.increment(
        callbackEvent(
          {
            day: chinaDay(c.calledAt),
            stewardId: c.stewardId,
            reached: c.reached,
            satisfaction: c.satisfaction,
          },
          await this.sources.cellOf(c.enterpriseId),
        ),
      );
    } catch (err) {
      this.logger?.warn({ err }, 'rollups.callback.failed');
    }
  }

  /** Coalesces syncs of one key and keeps rollup failures away from the caller's write. */
  private guard(
    key: string,
    compute: () => Promise<Contribution>,
    expireAt: Date | null = null,
  ): Promise<void> {
    const running = this.inflight.get(key);
    if (running) {
      // The running sync may have read the record before this caller's write: run once more.
      running.rerun = true;
      return running.done;
    }
    const entry = { rerun: false, done: Promise.resolve() };
    entry.done = (async () => {
      try {
        do {
          entry.rerun = false;
          await this.apply(key, compute, expireAt);
        } while (entry.rerun);
      } catch (err) {
        this.logger?.warn({ err, key }, 'rollups.sync.failed');
      } finally {
        this.inflight.delete(key);
      }
    })();
    this.inflight.set(key, entry);
    return entry.done;
  }

  private async apply(
    key: string,
    compute: () => Promise<Contribution>,
    expireAt: Date | null,
  ): Promise<void> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      // Ledger first, record second: see the class comment for why this order is the safe one.
      const ledger = await this.repo.readLedger(key);
      const next = await compute();
      const delta = contributionDelta(ledger?.c ?? {}, next);
      if (Object.keys(delta).length === 0) return;
      if (!(await this.repo.casLedger(key, ledger?.seq ?? null, next, expireAt))) continue;
      await this.repo.increment(this.withTrend(delta));
      return;
    }
    throw new Error(`rollup ledger ${key} kept changing under ${MAX_ATTEMPTS} attempts`);
  }

  /** Mirrors changes of trended current totals into today's delta document (the trend's history). */
  private withTrend(delta: Contribution): Contribution {
    const today = chinaDay(this.clock.now());
    const out: Contribution = { ...delta };
    for (const [k, n] of Object.entries(delta)) {
      if (!isTrendedKey(k)) continue;
      const dk = k.replace(`|${CURRENT}\t`, `|${today}\t`);
      out[dk] = (out[dk] ?? 0) + n;
    }
    return out;
  }
}
