import type { Clock } from '../../clock';
import type { OutboxMessage, OutboxRepository } from './outbox.repository';
import type { NotificationSender } from './sender';

const MAX_ATTEMPTS = 5;
const LOCK_MS = 60_000;

/** Looks up a worker's WeChat openid (null for H5-only users). */
export type OpenidLookup = (workerId: string) => Promise<string | null>;

/** Files a message in the person's in-app inbox (once per message id); wired by the container. */
export type InboxCopy = (message: OutboxMessage) => Promise<unknown>;

/** Drains the outbox through the sender, with retries and backoff; lists a worker's inbox. */
export class NotificationService {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly sender: NotificationSender,
    private readonly openidOf: OpenidLookup,
    private readonly clock: Clock,
    private readonly inboxCopy: InboxCopy | null = null,
  ) {}

  /** Sends due messages until none is left (or `max` were tried); returns how many were processed. */
  async drain(max = 500): Promise<number> {
    let sent = 0;
    for (let i = 0; i < max; i += 1) {
      const now = this.clock.now();
      const msg = await this.outbox.claimDue(now, LOCK_MS);
      if (!msg) break;
      try {
        // The inbox first: it holds the notice whatever the phone channel does (its key makes a retry a no-op).
        await this.inboxCopy?.(msg);
        const state = await this.sender.send({ ...msg, openid: await this.openidOf(msg.workerId) });
        await this.outbox.markSent(msg.id, this.clock.now(), state);
        sent += 1;
      } catch (err) {
        const retryAt =
          msg.attempts >= MAX_ATTEMPTS ? null : new Date(now.getTime() + 30_000 * 2 ** (msg.attempts - 1));
        await this.outbox.markFailed(msg.id, (err as Error).message ?? 'send failed', retryAt);
      }
    }
    return sent;
  }

  async mine(workerId: string) {
    const items = await this.outbox.listForWorker(workerId);
    return {
      items: items.map((m) => ({
        id: m.id,
        kind: m.kind,
        title: m.title,
        body: m.body,
        createdAt: m.createdAt.toISOString(),
        status: m.status,
        wechat: m.wechat,
      })),
    };
  }
}
