import { Schema, type Connection, type Model } from 'mongoose';

export interface OtpDoc {
  _id: string; // phone lookup hash: one live code per phone
  codeHash: string;
  attempts: number;
  sentAt: Date;
  expiresAt: Date;
}

const schema = new Schema<OtpDoc>(
  {
    _id: { type: String },
    codeHash: { type: String, required: true },
    attempts: { type: Number, required: true, default: 0 },
    sentAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'otp_codes' },
);

// Codes vanish by themselves once expired (TTL on expiresAt, 0 s after the date).
// _id = phone hash is what makes "at most one code per phone" and the resend throttle atomic.
schema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

/** Registers the model on a connection. */
export function otpModel(conn: Connection): Model<OtpDoc> {
  return conn.models.OtpCode ?? conn.model<OtpDoc>('OtpCode', schema);
}
