import { Schema, type Connection, type Model } from 'mongoose';
import { SUBSCRIBE_DECISIONS, type SubscribeDecision } from '@fugong/contracts';

/**
 * What a person allowed for one subscribe-message template, mirroring WeChat's own state:
 * a one-time subscription (一次性订阅) allows one message per acceptance, so `remaining` counts
 * acceptances not yet used. Keyed by openid (WeChat's key), so it follows the openid when a
 * WeChat account is merged into a phone account.
 */
export interface ConsentDoc {
  _id: string; // `${openid}:${templateId}`
  openid: string;
  templateId: string;
  decision: SubscribeDecision;
  remaining: number;
  updatedAt: Date;
}

const schema = new Schema<ConsentDoc>(
  {
    _id: { type: String },
    openid: { type: String, required: true },
    templateId: { type: String, required: true },
    decision: { type: String, enum: SUBSCRIBE_DECISIONS, required: true },
    remaining: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'subscribe_consents' },
);
// No secondary index: the sender consumes by _id (openid:template) with a guarded $inc, and the
// consent route upserts by _id; two sends racing for the last acceptance cannot both win.

/** Registers the model on a connection. */
export function consentModel(conn: Connection): Model<ConsentDoc> {
  return conn.models.SubscribeConsent ?? conn.model<ConsentDoc>('SubscribeConsent', schema);
}
