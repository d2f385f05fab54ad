import { Schema, type Types, type Connection, type Model } from 'mongoose';

export type AlertStatus = 'pending' | 'sending' | 'sent' | 'failed';
/** The channel that carried the alert beyond the inbox: WeChat where consented, SMS otherwise. */
export type AlertChannel = 'wechat' | 'sms' | 'inbox_only';

export interface AlertDoc {
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
  status: AlertStatus;
  attempts: number;
  nextAttemptAt: Date;
  lockedUntil: Date | null;
  lastError: string | null;
  channel: AlertChannel | null;
  createdAt: Date;
  sentAt: Date | null;
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
    status: { type: String, enum: ['pending', 'sending', 'sent', 'failed'], required: true },
    attempts: { type: Number, required: true, default: 0 },
    nextAttemptAt: { type: Date, required: true },
    lockedUntil: { type: Date, default: null },
    lastError: { type: String, default: null },
    channel: { type: String, enum: ['wechat', 'sms', 'inbox_only', null], default: null },
    createdAt: { type: Date, required: true },
    sentAt: { type: Date, default: null },
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
