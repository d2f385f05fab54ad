import { Schema, type Types, type Connection, type Model } from 'mongoose';
import {
  CALL_STATUSES,
  HOTLINE_CATEGORIES,
  HOTLINES,
  type CallStatus,
  type Hotline,
  type HotlineCategory,
} from '@fugong/contracts';

/** One call a hotline operator took: answered on the spot, or raised as an issue for the caller. */
export interface HotlineCallDoc {
  _id: Types.ObjectId;
  line: Hotline;
  /** AES-GCM ciphertext (crypto/pii); responses carry only the masked number. */
  callerPhoneEnc: string;
  enterpriseId: Types.ObjectId | null;
  enterpriseName: string | null;
  category: HotlineCategory;
  text: string;
  kind: 'consultation' | 'issue';
  status: CallStatus;
  answer: string | null;
  issueId: Types.ObjectId | null;
  issueNumber: string | null;
  operatorId: Types.ObjectId;
  receivedAt: Date;
  closedAt: Date | null;
  closedWithinDeadline: boolean | null;
  notifiedAt: Date | null;
  callback: { satisfaction: number; at: Date; by: Types.ObjectId } | null;
}

const schema = new Schema<HotlineCallDoc>(
  {
    line: { type: String, enum: HOTLINES, required: true },
    callerPhoneEnc: { type: String, required: true },
    enterpriseId: { type: Schema.Types.ObjectId, default: null },
    enterpriseName: { type: String, default: null },
    category: { type: String, enum: HOTLINE_CATEGORIES, required: true },
    text: { type: String, required: true },
    kind: { type: String, enum: ['consultation', 'issue'], required: true },
    status: { type: String, enum: CALL_STATUSES, required: true },
    answer: { type: String, default: null },
    issueId: { type: Schema.Types.ObjectId, default: null },
    issueNumber: { type: String, default: null },
    operatorId: { type: Schema.Types.ObjectId, required: true },
    receivedAt: { type: Date, required: true },
    closedAt: { type: Date, default: null },
    closedWithinDeadline: { type: Boolean, default: null },
    notifiedAt: { type: Date, default: null },
    callback: {
      type: new Schema(
        {
          satisfaction: { type: Number, required: true, min: 1, max: 5 },
          at: { type: Date, required: true },
          by: { type: Schema.Types.ObjectId, required: true },
        },
        { _id: false },
      ),
      default: null,
    },
  },
  { versionKey: false, collection: 'hotline_calls' },
);

// The call list, newest first, optionally by status or line; the 三率 count a period's calls by
// status (the first index), and the rest of their counts from the period's calls (the last).
schema.index({ status: 1, receivedAt: -1 });
schema.index({ line: 1, receivedAt: -1 });
schema.index({ receivedAt: -1 });
// The issue listener finds the call behind an issue; unique so one issue answers one caller.
schema.index({ issueId: 1 }, { unique: true, partialFilterExpression: { issueId: { $type: 'objectId' } } });

/** Registers the model on a connection. */
export function hotlineCallModel(conn: Connection): Model<HotlineCallDoc> {
  return conn.models.HotlineCall ?? conn.model<HotlineCallDoc>('HotlineCall', schema);
}
