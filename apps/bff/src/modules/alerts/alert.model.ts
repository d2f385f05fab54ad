import { Schema, type Types, type Connection, type Model } from 'mongoose';
import { OUTBOX_DELIVERY_PATHS, type OutboxDelivery } from '../../db/outbox-delivery';
/** The channel that carried the alert beyond the inbox: WeChat where consented, SMS otherwise. */
export type AlertChannel = 'wechat' | 'sms' | 'inbox_only';

/** An issue alert: its payload and the outbox's delivery state (status, attempts, claim, times). */
export interface AlertDoc extends OutboxDelivery {
  /** `issue:<issueId>:<reminded|escalated>:<clock>:<userId>`: one delivery per event and person. */
  _id: string;
  userId: Types.ObjectId;
  issueId: Types.ObjectId;
  /** Who the person is to this issue (`人社局办理人`, `复工管家`…), for the timeline line. */
  recipientLabel: string;
  kind: string;
  title: string;
  body: string;
  page: string;
  channel: AlertChannel | null;
}

const schema = new Schema<AlertDoc>(
  {
    _id: { type: String },
    userId: { type: Schema.Types.ObjectId, required: true },
    issueId: { type: Schema.Types.ObjectId, required: true },
    recipientLabel: { type: String, required: true },
    kind: { type: String, required: true },
    title: { type: String, required: true },
    body: { type: String, required: true },
    page: { type: String, required: true },
    ...OUTBOX_DELIVERY_PATHS,
    channel: { type: String, enum: ['wechat', 'sms', 'inbox_only', null], default: null },
  },
  { versionKey: false, collection: 'issue_alert_outbox' },
);

// The drainer's claim (due pending, or sending whose drainer died): a findOneAndUpdate on this index.
schema.index({ status: 1, nextAttemptAt: 1 });
// An issue's deliveries, oldest first (tests and support: "was the department head told?").
schema.index({ issueId: 1, createdAt: 1 });

/** Registers the model on a connection. */
export function alertModel(conn: Connection): Model<AlertDoc> {
  return conn.models.IssueAlert ?? conn.model<AlertDoc>('IssueAlert', schema);
}
