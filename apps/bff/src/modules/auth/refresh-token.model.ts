import { Schema, type Types, type Connection, type Model } from 'mongoose';

export interface RefreshTokenDoc {
  _id: string; // sha256 of the token; the token itself is never stored
  userId: Types.ObjectId;
  expiresAt: Date;
  revokedAt: Date | null;
  /** 'rotated' (spent by a refresh: a retry may reuse it briefly) or 'logout' (dead at once). */
  revokedReason: 'rotated' | 'logout' | null;
  createdAt: Date;
}

const schema = new Schema<RefreshTokenDoc>(
  {
    _id: { type: String },
    userId: { type: Schema.Types.ObjectId, required: true },
    expiresAt: { type: Date, required: true },
    revokedAt: { type: Date, default: null },
    revokedReason: { type: String, enum: ['rotated', 'logout', null], default: null },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'refresh_tokens' },
);

// Expired tokens clean themselves up.
schema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
// "Sign out everywhere" and revoking a user's sessions when their roles change.
schema.index({ userId: 1 });

/** Registers the model on a connection. */
export function refreshTokenModel(conn: Connection): Model<RefreshTokenDoc> {
  return conn.models.RefreshToken ?? conn.model<RefreshTokenDoc>('RefreshToken', schema);
}
