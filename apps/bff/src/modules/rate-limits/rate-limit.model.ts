import { Schema, type Connection, type Model } from 'mongoose';

export interface RateLimitDoc {
  _id: string; // `${bucket}:${windowIndex}:${keyHash}`
  bucket: string;
  n: number;
  expiresAt: Date;
}

const schema = new Schema<RateLimitDoc>(
  {
    _id: { type: String },
    bucket: { type: String, required: true },
    n: { type: Number, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'rate_limits' },
);

// TTL: a counter is worthless once its window has closed; the monitor removes it shortly after.
// The _id (bucket:window:key) is what makes "count this request" one atomic $inc upsert, shared
// by every BFF instance on the database — no read-modify-write, no per-process memory.
schema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });

/** Registers the model on a connection. */
export function rateLimitModel(conn: Connection): Model<RateLimitDoc> {
  return conn.models.RateLimit ?? conn.model<RateLimitDoc>('RateLimit', schema);
}
