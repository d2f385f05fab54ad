import { Types, type Model } from 'mongoose';
import { claimDueOutboxDoc, failOutboxAttempt } from '../../db/outbox-claim';
import { addToOutbox } from '../../db/outbox-delivery';
import type { AlertChannel, AlertDoc } from './alert.model';

export type { AlertChannel };
import type { Connection } from 'mongoose';
import { alertModel } from './alert.model';

export interface NewAlert {
  id: string;
  userId: string;
  issueId: string;
  recipientLabel: string;
  kind: string;
  title: string;
  body: string;
  page: string;
}

export interface AlertRecord extends NewAlert {
  status: AlertDoc['status'];
  attempts: number;
  channel: AlertChannel | null;
  lastError: string | null;
}

const toRecord = (d: AlertDoc): AlertRecord => ({
  id: d._id,
  userId: d.userId.toHexString(),
  issueId: d.issueId.toHexString(),
  recipientLabel: d.recipientLabel,
  kind: d.kind,
  title: d.title,
  body: d.body,
  page: d.page,
  status: d.status,
  attempts: d.attempts,
  channel: d.channel ?? null,
  lastError: d.lastError ?? null,
});

/** The outbox of issue reminders and escalations: written once per event and person, drained with retries. */
export class AlertRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): AlertRepository {
    return new AlertRepository(alertModel(conn));
  }

  constructor(private readonly model: Model<AlertDoc>) {}

  /** Adds alerts; ones already present (same deterministic id) are left alone. */
  async addMany(alerts: NewAlert[], now: Date): Promise<void> {
    await addToOutbox(
      this.model,
      alerts.map((a) => ({
        _id: a.id,
        userId: new Types.ObjectId(a.userId),
        issueId: new Types.ObjectId(a.issueId),
        recipientLabel: a.recipientLabel,
        kind: a.kind,
        title: a.title,
        body: a.body,
        page: a.page,
        channel: null,
      })),
      now,
    );
  }

  /** Claims one due alert; a crashed drainer's claim expires at lockedUntil. */
  async claimDue(now: Date, lockMs: number): Promise<AlertRecord | null> {
    const doc = await claimDueOutboxDoc(this.model, now, lockMs);
    return doc ? toRecord(doc) : null;
  }

  /** Guarded on the claim: true only for the drainer that still held it. */
  async markSent(id: string, now: Date, channel: AlertChannel): Promise<boolean> {
    const res = await this.model.updateOne(
      { _id: id, status: 'sending' },
      { $set: { status: 'sent', sentAt: now, lockedUntil: null, channel } },
    );
    return res.modifiedCount === 1;
  }

  async markFailed(id: string, error: string, retryAt: Date | null): Promise<void> {
    await failOutboxAttempt(this.model, id, error, retryAt);
  }

  async listForIssue(issueId: string): Promise<AlertRecord[]> {
    const docs = await this.model
      .find({ issueId: new Types.ObjectId(issueId) })
      .sort({ createdAt: 1, _id: 1 })
      .lean<AlertDoc[]>();
    return docs.map(toRecord);
  }
}
