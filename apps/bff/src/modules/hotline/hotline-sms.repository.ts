import { Types, type Connection, type Model } from 'mongoose';
import { claimDueOutboxDoc, failOutboxAttempt } from '../../db/outbox-claim';
import { addToOutbox } from '../../db/outbox-delivery';
import { hotlineSmsModel, type HotlineSmsDoc } from './hotline-sms.model';

export interface OutcomeSms {
  id: string;
  callId: string;
  text: string;
  status: HotlineSmsDoc['status'];
  attempts: number;
  sentAt: Date | null;
}

const toRecord = (d: HotlineSmsDoc): OutcomeSms => ({
  id: d._id,
  callId: d.callId.toHexString(),
  text: d.text,
  status: d.status,
  attempts: d.attempts,
  sentAt: d.sentAt ?? null,
});

/** The callers' outcome texts: queued once per call (deterministic id), drained with retries. */
export class HotlineSmsRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): HotlineSmsRepository {
    return new HotlineSmsRepository(hotlineSmsModel(conn));
  }

  constructor(private readonly model: Model<HotlineSmsDoc>) {}

  /** Queues the call's outcome text; a second queueing of the same call changes nothing. */
  async queueOutcome(callId: string, text: string, now: Date): Promise<void> {
    await addToOutbox(
      this.model,
      [{ _id: `outcome:${callId}`, callId: new Types.ObjectId(callId), text }],
      now,
    );
  }

  /** Claims one due text; a crashed drainer's claim expires at lockedUntil. */
  async claimDue(now: Date, lockMs: number): Promise<OutcomeSms | null> {
    const doc = await claimDueOutboxDoc(this.model, now, lockMs);
    return doc ? toRecord(doc) : null;
  }

  /** Guarded on the claim: true only for the drainer that still held it. */
  async markSent(id: string, now: Date): Promise<boolean> {
    const res = await this.model.updateOne(
      { _id: id, status: 'sending' },
      { $set: { status: 'sent', sentAt: now, lockedUntil: null } },
    );
    return res.modifiedCount === 1;
  }

  async markFailed(id: string, error: string, retryAt: Date | null): Promise<void> {
    await failOutboxAttempt(this.model, id, error, retryAt);
  }

  async forCall(callId: string): Promise<OutcomeSms | null> {
    const doc = await this.model.findById(`outcome:${callId}`).lean<HotlineSmsDoc>();
    return doc ? toRecord(doc) : null;
  }
}
