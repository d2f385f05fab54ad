import { Types, type Model } from 'mongoose';
import { claimDueOutboxDoc, failOutboxAttempt } from '../../db/outbox-claim';
import { addToOutbox } from '../../db/outbox-delivery';
import type { WechatDelivery } from '@fugong/contracts';
import type { OutboxDoc } from './outbox.model';
import type { Connection } from 'mongoose';
import { outboxModel } from './outbox.model';

export interface OutboxMessage {
  id: string;
  workerId: string;
  kind: string;
  title: string;
  body: string;
  page: string;
}

export interface OutboxRecord extends OutboxMessage {
  status: OutboxDoc['status'];
  attempts: number;
  wechat: WechatDelivery;
  createdAt: Date;
}

const toRecord = (d: OutboxDoc): OutboxRecord => ({
  id: d._id,
  workerId: d.workerId.toHexString(),
  kind: d.kind,
  title: d.title,
  body: d.body,
  page: d.page,
  status: d.status,
  attempts: d.attempts,
  wechat: d.wechat ?? 'pending',
  createdAt: d.createdAt,
});

/** The notification outbox: messages are written with (or right after) the change they announce. */
export class OutboxRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): OutboxRepository {
    return new OutboxRepository(outboxModel(conn));
  }

  constructor(private readonly model: Model<OutboxDoc>) {}

  /** Adds messages; ones already present (same deterministic id) are left alone. */
  async addMany(messages: OutboxMessage[], now: Date): Promise<void> {
    await addToOutbox(
      this.model,
      messages.map((m) => ({
        _id: m.id,
        workerId: new Types.ObjectId(m.workerId),
        kind: m.kind,
        title: m.title,
        body: m.body,
        page: m.page,
        wechat: 'pending',
      })),
      now,
    );
  }

  /** Claims one due message for sending; a crashed sender's claim expires at lockedUntil. */
  async claimDue(now: Date, lockMs: number): Promise<OutboxRecord | null> {
    const doc = await claimDueOutboxDoc(this.model, now, lockMs);
    return doc ? toRecord(doc) : null;
  }

  /** The drainer is done with a message; `wechat` says whether it reached the phone. */
  async markSent(id: string, now: Date, wechat: WechatDelivery): Promise<void> {
    await this.model.updateOne(
      { _id: id, status: 'sending' },
      { $set: { status: 'sent', sentAt: now, lockedUntil: null, wechat } },
    );
  }

  async markFailed(id: string, error: string, retryAt: Date | null): Promise<void> {
    await failOutboxAttempt(this.model, id, error, retryAt, { wechat: 'failed' });
  }

  /**
   * The undelivered backlog for monitoring: counts by status and the oldest due pending
   * message. Counts and the oldest-first read are answered by the `{status, nextAttemptAt}`
   * index, so a scrape does not scan the delivered history.
   */
  async backlog(
    now: Date,
  ): Promise<{ pending: number; sending: number; failed: number; oldestDueAt: Date | null }> {
    const [pending, sending, failed, oldest] = await Promise.all([
      this.model.countDocuments({ status: 'pending' }),
      this.model.countDocuments({ status: 'sending' }),
      this.model.countDocuments({ status: 'failed' }),
      this.model
        .findOne({ status: 'pending', nextAttemptAt: { $lte: now } }, { nextAttemptAt: 1 })
        .sort({ nextAttemptAt: 1 })
        .lean<Pick<OutboxDoc, 'nextAttemptAt'>>(),
    ]);
    return { pending, sending, failed, oldestDueAt: oldest?.nextAttemptAt ?? null };
  }

  async listForWorker(workerId: string, limit = 50): Promise<OutboxRecord[]> {
    const docs = await this.model
      .find({ workerId: new Types.ObjectId(workerId) })
      .sort({ createdAt: -1 })
      .limit(limit)
      .lean<OutboxDoc[]>();
    return docs.map(toRecord);
  }
}
