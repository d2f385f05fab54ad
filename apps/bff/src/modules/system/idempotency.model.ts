import { Schema, type Connection, type Model } from 'mongoose';

export interface IdempotencyDoc {
  _id: string; // `${actorId}:${routeId}:${key}`
  requestHash: string;
  state: 'pending' | 'done';
  lockedAt: Date;
  response?: { status: number; body: unknown };
  createdAt: Date;
}

const schema = new Schema<IdempotencyDoc>(
  {
    _id: { type: String },
    requestHash: { type: String, required: true },
    state: { type: String, enum: ['pending', 'done'], required: true },
    lockedAt: { type: Date, required: true },
    response: { type: Schema.Types.Mixed },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'idempotency_keys' },
);

// TTL: a retry comes within minutes on a weak network; a day covers a phone left in a pocket.
// The _id (actor:route:key) is the uniqueness that makes "claim this key" a single insert.
schema.index({ createdAt: 1 }, { expireAfterSeconds: 86_400 });

/** Registers the model on a connection. */
export function idempotencyModel(conn: Connection): Model<IdempotencyDoc> {
  return conn.models.IdempotencyKey ?? conn.model<IdempotencyDoc>('IdempotencyKey', schema);
}
