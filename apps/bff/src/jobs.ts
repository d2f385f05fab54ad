import type { Logger } from 'pino';
import type { Container } from './container';
import type { JobLeases } from './modules/leases';
import type { Metrics } from './metrics';
import { BOOKINGS_SWEEP } from './modules/bookings';
import { ISSUES_SWEEP, PHOTO_ORPHANS_SWEEP } from './modules/issues';
import { ALERTS_DRAIN } from './modules/alerts';
import { KEY_PROJECTS_SWEEP } from './modules/key-projects';
import { HOTLINE_SMS_DRAIN } from './modules/hotline';
import { LABOUR_DIGEST } from './modules/labour';

export interface PeriodicJob {
  name: string;
  intervalMs: number;
  /** One run; `period` is the period it was started for (floor(wall-clock ms / intervalMs)). */
  run: (tick: { period: number }) => Promise<unknown>;
  /** How long a claim of the job's lease lasts; default twice the interval (see JobLeases). */
  leaseMs?: number;
}

export interface JobRunnerOptions {
  leases?: JobLeases | null;
  metrics?: Metrics | null;
  /** Wall-clock milliseconds for periods and lease expiry (the real clock, not the domain clock). */
  now?: () => number;
}

/** Stops the runner; `release: false` leaves the leases to expire, as a crashed process would. */
export type StopJobs = (options?: { release?: boolean }) => Promise<void>;

/**
 * Runs jobs on timers aligned to their periods (period n of a job = [n·interval, (n+1)·interval)
 * in wall-clock time, the same on every instance). A run never overlaps the previous run of the
 * same job (a slow sweep on a busy database must not pile up), failures are logged and retried
 * in the next period, and the returned stop function waits for runs in progress so shutdown
 * never cuts a sweep in half.
 *
 * With leases, every instance ticks each period and tries to claim the job's lease for that
 * period (LeaseRepository.claim): the claim succeeds only for the holder of an unexpired lease,
 * or for anyone once it has expired or been released, and only once per period. The holder
 * keeps the lease across periods (the job stays on one instance), renews it while a run lasts,
 * and releases it on a graceful stop; when the holder dies its lease expires after `leaseMs` and
 * the next instance to tick takes over. The sweeps stay guarded and idempotent regardless: a
 * holder paused past its lease (a long GC, a frozen VM) may overlap its successor once, and
 * that must do no harm — the lease saves work, the guarded updates keep the data right.
 */
export function startPeriodicJobs(
  jobs: PeriodicJob[],
  logger: Logger,
  options: JobRunnerOptions = {},
): StopJobs {
  const { leases = null, metrics = null } = options;
  const now = options.now ?? Date.now;
  const running = new Map<string, Promise<void>>();
  const timers = new Map<string, NodeJS.Timeout>();
  const held = new Set<string>();
  let stopped = false;

  const setHeld = (job: string, mine: boolean) => {
    if (mine) held.add(job);
    else held.delete(job);
    if (leases) metrics?.leaseHeld.set({ job, holder: leases.holder }, mine ? 1 : 0);
  };

  /** Claims the period (when leases are on); true when this instance should run it. */
  const claim = async (job: PeriodicJob, period: number, leaseMs: number): Promise<boolean> => {
    const mine = await leases!.repo.claim(job.name, leases!.holder, period, new Date(now()), leaseMs);
    setHeld(job.name, mine);
    return mine;
  };

  const runOnce = async (job: PeriodicJob, period: number) => {
    const leaseMs = job.leaseMs ?? 2 * job.intervalMs;
    if (!leases) return runClaimed(job, period, leaseMs);
    let mine: boolean;
    try {
      mine = await claim(job, period, leaseMs);
    } catch (err) {
      logger.warn({ job: job.name, err }, 'job.lease.failed');
      metrics?.jobRuns.inc({ job: job.name, outcome: 'failed' });
      return;
    }
    if (!mine) {
      metrics?.jobRuns.inc({ job: job.name, outcome: 'not_holder' });
      return;
    }
    return runClaimed(job, period, leaseMs);
  };

  const runClaimed = async (job: PeriodicJob, period: number, leaseMs: number) => {
    // Why renew while running: a run longer than the lease would otherwise let another
    // instance claim the job mid-run and both would sweep at once.
    const heartbeat = leases
      ? setInterval(() => {
          leases.repo.renew(job.name, leases.holder, new Date(now()), leaseMs).then(
            (kept) => {
              if (kept) return;
              setHeld(job.name, false);
              logger.warn({ job: job.name, holder: leases.holder }, 'job.lease.lost');
            },
            (err: unknown) => logger.warn({ job: job.name, err }, 'job.lease.renew.failed'),
          );
        }, leaseMs / 3)
      : null;
    heartbeat?.unref();
    const end = metrics?.jobDuration.startTimer({ job: job.name });
    try {
      const result = await job.run({ period });
      metrics?.jobRuns.inc({ job: job.name, outcome: 'ok' });
      logger.debug({ job: job.name, result }, 'job.done');
    } catch (err) {
      metrics?.jobRuns.inc({ job: job.name, outcome: 'failed' });
      logger.warn({ job: job.name, err }, 'job.failed');
    } finally {
      if (heartbeat) clearInterval(heartbeat);
      end?.();
    }
  };

  // Ticks fire a little after each period boundary: a timer that fires a millisecond early
  // (timers and the wall clock are different clocks) still lands in the period it was set for.
  const offsetOf = (job: PeriodicJob) => Math.min(100, Math.floor(job.intervalMs / 20));
  const schedule = (job: PeriodicJob, at: number) => {
    const timer = setTimeout(
      () => {
        if (stopped) return;
        // The period this tick belongs to, read before anything awaits: a claim that reaches
        // the database late still claims the period its timer fired for.
        const period = Math.floor(now() / job.intervalMs);
        schedule(job, (period + 1) * job.intervalMs + offsetOf(job));
        if (running.has(job.name)) return;
        running.set(
          job.name,
          runOnce(job, period).finally(() => running.delete(job.name)),
        );
      },
      Math.max(0, at - now()),
    );
    timer.unref();
    timers.set(job.name, timer);
  };
  const firstTickAt = (job: PeriodicJob) => {
    const offset = offsetOf(job);
    return (Math.floor((now() - offset) / job.intervalMs) + 1) * job.intervalMs + offset;
  };
  for (const job of jobs) schedule(job, firstTickAt(job));

  return async ({ release = true } = {}) => {
    stopped = true;
    for (const t of timers.values()) clearTimeout(t);
    await Promise.all(running.values());
    if (!leases) return;
    for (const job of [...held]) {
      if (release) {
        await leases.repo
          .release(job, leases.holder, new Date(now()))
          .catch((err: unknown) => logger.warn({ job, err }, 'job.lease.release.failed'));
      }
      setHeld(job, false);
    }
  };
}

/** The BFF's background sweeps: seat release and waitlist promotion, notifications, issue deadlines, labour digests, orphan photo bytes. */
export function backgroundJobs(
  container: Container,
  intervals: Partial<Record<string, number>> = {},
): PeriodicJob[] {
  return [
    {
      name: BOOKINGS_SWEEP,
      intervalMs: intervals[BOOKINGS_SWEEP] ?? 30_000,
      run: () => container.bookingSweeper.run(),
    },
    {
      name: ISSUES_SWEEP,
      intervalMs: intervals[ISSUES_SWEEP] ?? 5 * 60_000,
      run: () => container.issues.services.sweep.run(),
    },
    {
      // Reminders and escalations the issue sweep recorded, out to the inbox, WeChat or SMS.
      name: ALERTS_DRAIN,
      intervalMs: intervals[ALERTS_DRAIN] ?? 30_000,
      run: () => container.alerts.services.alerts.drain(),
    },
    {
      // Hotline callers' outcome texts that failed at first (the gateway was down), retried.
      name: HOTLINE_SMS_DRAIN,
      intervalMs: intervals[HOTLINE_SMS_DRAIN] ?? 60_000,
      run: () => container.hotline.services.outcomes.drain(),
    },
    {
      // 马上会办 tasks past their deadline are escalated to the command, each once.
      name: KEY_PROJECTS_SWEEP,
      intervalMs: intervals[KEY_PROJECTS_SWEEP] ?? 5 * 60_000,
      run: () => container.keyProjects.services.needs.escalateOverdue(),
    },
    {
      // 一对一推送: each seeker's digest of new vacancies, once a day from 08:00 China time; ticks
      // before then or after the day's sweep do nothing. The outbox drain (bookings sweep) sends them.
      name: LABOUR_DIGEST,
      intervalMs: intervals[LABOUR_DIGEST] ?? 15 * 60_000,
      run: () => container.labour.services.digest.run(),
    },
    {
      // Photo bytes no issue holds (a crash mid-upload), past the grace period.
      name: PHOTO_ORPHANS_SWEEP,
      intervalMs: intervals[PHOTO_ORPHANS_SWEEP] ?? 60 * 60_000,
      run: () => container.issues.services.photoOrphans.run(),
    },
  ];
}

/** Starts the container's background sweeps with its leases and metrics (what startServer does). */
export function startBackgroundJobs(
  container: Container,
  logger: Logger,
  intervals: Partial<Record<string, number>> = {},
): StopJobs {
  return startPeriodicJobs(backgroundJobs(container, intervals), logger, {
    leases: container.jobLeases,
    metrics: container.metrics,
  });
}
