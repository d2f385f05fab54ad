import { Schema, type Types, type Connection, type Model } from 'mongoose';
import { WECHAT_DELIVERY_STATES, type WechatDelivery } from '@fugong/contracts';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

export interface OutboxDoc {
  /** Deterministic (`<source>:<workerId>`), so fanning the same change out twice adds nothing. */
  _id: string;
  workerId: Types.ObjectId;
  kind: string;
  title: string;
  body: string;
  /** Mini-program page the subscribe message opens. */
  page: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Date;
  lockedUntil: Date | null;
  lastError: string | null;
  /**
   * The phone channel's outcome (the inbox channel is this document itself, always there):
   * 'pending' until the drainer tried, then what the sender reported, 'failed' after the last retry.
   */
  wechat: WechatDelivery;
  createdAt: Date;
  sentAt: Date | null;
}

const schema = new Schema<OutboxDoc>(
  {
    _id: { type: String },
    workerId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, required: true },
    title: { type: String, required: true },
    body: { type: String, required: true },
    page: { type: String, required: true },
    status: { type: String, enum: ['pending', 'sending', 'sent', 'failed'], required: true },
    attempts: { type: Number, required: true, default: 0 },
    nextAttemptAt: { type: Date, required: true },
    lockedUntil: { type: Date, default: null },
    lastError: { type: String, default: null },
    wechat: { type: String, enum: WECHAT_DELIVERY_STATES, default: 'pending' },
    createdAt: { type: Date, required: true },
    sentAt: { type: Date, default: null },
  },
  { versionKey: false, collection: 'notification_outbox' },
);

// The drainer's claim: due pending messages in order, and "sending" ones whose sender died
// (lockedUntil passed). The claim is a findOneAndUpdate on this index, so two drainers never
// send the same message at once. Also /metrics' backlog: counts by status and the oldest due
// pending message (OutboxRepository.backlog), without scanning delivered messages.
schema.index({ status: 1, nextAttemptAt: 1 });
// "My messages" in the mini-program, newest first.
schema.index({ workerId: 1, createdAt: -1 });

/** Registers the model on a connection. */
export function outboxModel(conn: Connection): Model<OutboxDoc> {
  return conn.models.NotificationOutbox ?? conn.model<OutboxDoc>('NotificationOutbox', schema);
}
