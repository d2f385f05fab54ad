import { Schema, type Types, type Connection, type Model } from 'mongoose';
import { WECHAT_DELIVERY_STATES, type WechatDelivery } from '@fugong/contracts';
import { OUTBOX_DELIVERY_PATHS, type OutboxDelivery } from '../../db/outbox-delivery';

/** A notification: its payload, the outbox's delivery state (status, attempts, claim, times) and the phone's outcome. */
export interface OutboxDoc extends OutboxDelivery {
  /** Deterministic (`<source>:<workerId>`), so fanning the same change out twice adds nothing. */
  _id: string;
  workerId: Types.ObjectId;
  kind: string;
  title: string;
  body: string;
  /** Mini-program page the subscribe message opens. */
  page: string;
  /**
   * The phone channel's outcome (the inbox channel is this document itself, always there):
   * 'pending' until the drainer tried, then what the sender reported, 'failed' after the last retry.
   */
  wechat: WechatDelivery;
}

const schema = new Schema<OutboxDoc>(
  {
    _id: { type: String },
    workerId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, required: true },
    title: { type: String, required: true },
    body: { type: String, required: true },
    page: { type: String, required: true },
    ...OUTBOX_DELIVERY_PATHS,
    wechat: { type: String, enum: WECHAT_DELIVERY_STATES, default: 'pending' },
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
