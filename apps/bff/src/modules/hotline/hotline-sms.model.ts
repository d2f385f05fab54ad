import { Schema, type Types, type Connection, type Model } from 'mongoose';
import { OUTBOX_DELIVERY_PATHS, type OutboxDelivery } from '../../db/outbox-delivery';

/**
 * The outbox of outcome texts to callers. The id is `outcome:<callId>`: a call's outcome is
 * queued by an upsert on it, so an issue event delivered twice (a retry, a second instance)
 * finds the row already there and the caller is texted once. The number is not copied here:
 * the drainer reads it, encrypted, from the call.
 */
export interface HotlineSmsDoc extends OutboxDelivery {
  _id: string;
  callId: Types.ObjectId;
  text: string;
}

const schema = new Schema<HotlineSmsDoc>(
  {
    _id: { type: String },
    callId: { type: Schema.Types.ObjectId, required: true },
    text: { type: String, required: true },
    ...OUTBOX_DELIVERY_PATHS,
  },
  { versionKey: false, collection: 'hotline_sms_outbox' },
);

// The drainer's claim (due pending, or sending whose drainer died): claimDueOutboxDoc on this index.
schema.index({ status: 1, nextAttemptAt: 1 });

/** Registers the model on a connection. */
export function hotlineSmsModel(conn: Connection): Model<HotlineSmsDoc> {
  return conn.models.HotlineSms ?? conn.model<HotlineSmsDoc>('HotlineSms', schema);
}
