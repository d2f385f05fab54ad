import { Gauge } from 'prom-client';
import type { Metrics } from './metrics';

/** What the outbox gauges need: read when /metrics is scraped, never on a request. */
export interface OutboxBacklogSource {
  backlog(now: Date): Promise<{ pending: number; sending: number; failed: number; oldestDueAt: Date | null }>;
}

/** Outbox backlog and the age of its oldest due message (how far delivery lags behind). */
export function watchOutbox(metrics: Metrics, source: OutboxBacklogSource, now: () => Date): void {
  type Backlog = Awaited<ReturnType<OutboxBacklogSource['backlog']>>;
  let inflight: Promise<{ b: Backlog; t: Date }> | null = null;
  // The registry collects both gauges at once (Promise.all): they share one read of the outbox.
  const read = () =>
    (inflight ??= (async () => {
      const t = now();
      return { b: await source.backlog(t), t };
    })().finally(() => (inflight = null)));
  new Gauge({
    name: 'fugong_outbox_messages',
    help: 'Notification outbox messages not delivered, by status (pending: due or retrying; sending: claimed; failed: gave up)',
    labelNames: ['status'] as const,
    registers: [metrics.registry],
    async collect() {
      const { b } = await read();
      this.set({ status: 'pending' }, b.pending);
      this.set({ status: 'sending' }, b.sending);
      this.set({ status: 'failed' }, b.failed);
    },
  });
  new Gauge({
    name: 'fugong_outbox_oldest_due_age_seconds',
    help: 'How long the oldest due, undelivered outbox message has been waiting (0 when none)',
    registers: [metrics.registry],
    async collect() {
      const { b, t } = await read();
      this.set(b.oldestDueAt ? Math.max(0, (t.getTime() - b.oldestDueAt.getTime()) / 1000) : 0);
    },
  });
}
