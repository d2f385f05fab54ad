import { Schema, type Connection, type Model } from 'mongoose';

/**
 * The one WeChat access token every BFF instance shares (one document per appid). WeChat keeps
 * one token per app, so instances that each fetched their own would keep rotating it under one
 * another; here one instance refreshes, under a lease, and the others read its result.
 */
export interface AccessTokenDoc {
  _id: string; // appid
  token: string | null;
  expiresAt: Date;
  /** Bumped by every refresh and every invalidation: the compare-and-set of both. */
  version: number;
  /** The refresh lease: while it runs, other instances wait for the result instead of fetching. */
  leaseOwner: string | null;
  leaseUntil: Date;
  updatedAt: Date;
}

const schema = new Schema<AccessTokenDoc>(
  {
    _id: { type: String },
    token: { type: String, default: null },
    expiresAt: { type: Date, required: true },
    version: { type: Number, required: true },
    leaseOwner: { type: String, default: null },
    leaseUntil: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'wechat_access_tokens' },
);
// No secondary index: every read and guarded update is by _id (the appid).

/** Registers the model on a connection. */
export function accessTokenModel(conn: Connection): Model<AccessTokenDoc> {
  return conn.models.WechatAccessToken ?? conn.model<AccessTokenDoc>('WechatAccessToken', schema);
}
