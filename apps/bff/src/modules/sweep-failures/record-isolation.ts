import type { Logger } from 'pino';
import type { Clock } from '../../clock';
import { isDatabaseUnavailable } from '../../db/errors';
import type { SweepFailureRecord, SweepFailureRepository } from './sweep-failure.repository';

/** After this many consecutive failing runs a record is quarantined (skipped until released). */
export const DEFAULT_QUARANTINE_AFTER = 5;

/** What a run reports about the records it could not process. */
export interface IsolationReport {
  /** Records that threw this run (and will be tried again next run). */
  failed: number;
  /** Records that threw for the quarantine threshold's time this run and are now skipped. */
  quarantined: number;
  /** Records skipped because they were already quarantined. */
  skipped: number;
}

/** Counts what isolation did, for /metrics; the jobs wiring passes the Prometheus counter. */
export type IsolationCounter = (job: string, outcome: keyof IsolationReport) => void;

/**
 * Keeps one bad record from stopping a sweep: each record's work runs inside `each`, which
 * logs a failure with the record's id, counts it in the database, and lets the sweep go on with
 * the next record. A record failing `quarantineAfter` runs in a row is quarantined: skipped,
 * logged and counted on every later run until an operator releases it. The counts live in the
 * database, so they survive restarts and follow the job's lease to another instance.
 *
 * A database outage is not a bad record: it aborts the run as before (every record would fail,
 * and counting those would quarantine healthy data).
 */
export class SweepIsolation {
  constructor(
    private readonly failures: SweepFailureRepository,
    private readonly logger: Logger,
    private readonly clock: Clock,
    private readonly count: IsolationCounter = () => undefined,
    private readonly quarantineAfter = DEFAULT_QUARANTINE_AFTER,
  ) {}

  /** Starts one run of `job`, reading its failing and quarantined records once. */
  async begin(job: string): Promise<IsolatedRun> {
    return new IsolatedRun(job, await this.failures.forJob(job), this);
  }

  /** Lets a quarantined (or failing) record be tried again, once its data has been repaired. */
  release(job: string, record: string): Promise<boolean> {
    return this.failures.release(job, record);
  }

  /** @internal the per-record step of IsolatedRun.each */
  async attempt(
    job: string,
    known: SweepFailureRecord | undefined,
    record: string,
    work: () => Promise<void>,
  ) {
    if (known?.quarantined) {
      this.logger.warn(
        { job, record, failures: known.failures, lastError: known.lastError },
        'sweep.record.skipped',
      );
      this.count(job, 'skipped');
      return 'skipped' as const;
    }
    try {
      await work();
    } catch (err) {
      if (isDatabaseUnavailable(err)) throw err;
      const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      const after = await this.failures.recordFailure(
        job,
        record,
        message,
        this.clock.now(),
        this.quarantineAfter,
      );
      if (after.quarantined) {
        this.logger.error({ job, record, failures: after.failures, err }, 'sweep.record.quarantined');
        this.count(job, 'quarantined');
        return 'quarantined' as const;
      }
      this.logger.warn({ job, record, failures: after.failures, err }, 'sweep.record.failed');
      this.count(job, 'failed');
      return 'failed' as const;
    }
    // Failures count consecutive runs: one that went through forgets the earlier ones.
    if (known) await this.failures.clear(job, record);
    return 'ok' as const;
  }
}

/** One run of a sweep: process each record through `each`; read the tally from `report`. */
export class IsolatedRun {
  readonly report: IsolationReport = { failed: 0, quarantined: 0, skipped: 0 };
  // A record met twice in one run (an issue with three clocks) is tried and counted once: a run
  // is one try, so the quarantine threshold means that many runs, not that many steps.
  private readonly doneWith = new Set<string>();

  constructor(
    readonly job: string,
    private readonly known: Map<string, SweepFailureRecord>,
    private readonly isolation: SweepIsolation,
  ) {}

  /**
   * Runs one record's work in isolation. `record` names it in logs and in the failure store
   * (`trip:<id>`, `issue:<id>`). True when the work completed.
   */
  async each(record: string, work: () => Promise<void>): Promise<boolean> {
    if (this.doneWith.has(record)) return false;
    const outcome = await this.isolation.attempt(this.job, this.known.get(record), record, work);
    if (outcome !== 'ok') {
      this.report[outcome] += 1;
      this.doneWith.add(record);
    }
    return outcome === 'ok';
  }
}
