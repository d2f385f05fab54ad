import { Schema, type Types, type Connection, type Model } from 'mongoose';

export type HotlineSmsStatus = 'pending' | 'sending' | 'sent' | 'failed';

/**
 * The outbox of outcome texts to callers. The id is `outcome:<callId>`: a call's outcome is
 * queued by an upsert on it, so an issue event delivered twice (a retry, a second instance)
 * finds the row already there and the caller is texted once. The number is not copied here:
 * the drainer reads it, encrypted, from the call.
 */
export interface HotlineSmsDoc {
  _id: string;
  callId: Types.ObjectId;
  text: string;
  status: HotlineSmsStatus;
  attempts: number;
  nextAttemptAt: Date;
  lockedUntil: Date | null;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

const schema = new Schema<HotlineSmsDoc>(
  {
    _id: { type: String },
    callId: { type: Schema.Types.ObjectId, required: true },
    text: { type: String, required: true },
    status: { type: String, enum: ['pending', 'sending', 'sent', 'failed'], required: true },
    attempts: { type: Number, required: true, default: 0 },
    nextAttemptAt: { type: Date, required: true },
    lockedUntil: { type: Date, default: null },
    lastError: { type: String, default: null },
    createdAt: { type: Date, required: true },
    sentAt: { type: Date, default: null },
  },
  { versionKey: false, collection: 'hotline_sms_outbox' },
);

// The drainer's claim (due pending, or sending whose drainer died): claimDueOutboxDoc on this index.
schema.index({ status: 1, nextAttemptAt: 1 });

/** Registers the model on a connection. */
export function hotlineSmsModel(conn: Connection): Model<HotlineSmsDoc> {
  return conn.models.HotlineSms ?? conn.model<HotlineSmsDoc>('HotlineSms', schema);
}
