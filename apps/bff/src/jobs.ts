import type { Logger } from 'pino';
import type { Container } from './container';

export interface PeriodicJob {
  name: string;
  intervalMs: number;
  run: () => Promise<unknown>;
}

/**
 * Runs jobs on timers. A run never overlaps the previous run of the same job (a slow sweep on
 * a busy database must not pile up), failures are logged and retried at the next tick, and the
 * returned stop function waits for runs in progress so shutdown never cuts a sweep in half.
 * Every job is a guarded, idempotent sweep, so several BFF instances may run them at once.
 */
export function startPeriodicJobs(jobs: PeriodicJob[], logger: Logger): () => Promise<void> {
  const running = new Map<string, Promise<void>>();
  const timers = jobs.map((job) => {
    const timer = setInterval(() => {
      if (running.has(job.name)) return;
      const run = job
        .run()
        .then(
          (result) => logger.debug({ job: job.name, result }, 'job.done'),
          (err) => logger.warn({ job: job.name, err }, 'job.failed'),
        )
        .finally(() => running.delete(job.name));
      running.set(job.name, run);
    }, job.intervalMs);
    timer.unref();
    return timer;
  });
  return async () => {
    for (const t of timers) clearInterval(t);
    await Promise.all(running.values());
  };
}

/** The BFF's background sweeps: seat release and waitlist promotion, notifications, issue deadlines. */
export function backgroundJobs(container: Container): PeriodicJob[] {
  return [
    { name: 'bookings.sweep', intervalMs: 30_000, run: () => container.worker.services.sweeper.run() },
    { name: 'issues.sweep', intervalMs: 5 * 60_000, run: () => container.enterprise.services.sweep.run() },
  ];
}
