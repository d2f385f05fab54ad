import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { DEFERRAL_STATUSES, type DeferralStatus } from '@fugong/contracts';

/** A 社保缓缴 application and its decision. */
export interface DeferralDoc {
  _id: Types.ObjectId;
  enterpriseId: Types.ObjectId;
  enterpriseName: string;
  months: number;
  sme: boolean;
  reason: string;
  firstApplication: boolean;
  greenChannel: boolean;
  decisionDue: Date;
  status: DeferralStatus;
  /** Present while pending: the slot only one open application per firm may hold. */
  openSlot?: 'open';
  note: string | null;
  appliedBy: string;
  appliedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
}

const schema = new Schema<DeferralDoc>(
  {
    enterpriseId: { type: Schema.Types.ObjectId, required: true },
    enterpriseName: { type: String, required: true },
    months: { type: Number, required: true },
    sme: { type: Boolean, required: true },
    reason: { type: String, required: true },
    firstApplication: { type: Boolean, required: true },
    greenChannel: { type: Boolean, required: true },
    decisionDue: { type: Date, required: true },
    status: { type: String, enum: DEFERRAL_STATUSES, required: true },
    openSlot: { type: String },
    note: { type: String, default: null },
    appliedBy: { type: String, required: true },
    appliedAt: { type: Date, required: true },
    decidedBy: { type: String, default: null },
    decidedAt: { type: Date, default: null },
  },
  { versionKey: false, collection: 'subsidy_deferrals' },
);
// One pending application per firm: two taps (or two liaisons) racing meet here and one gets 409.
schema.index(
  { enterpriseId: 1, openSlot: 1 },
  { unique: true, partialFilterExpression: { openSlot: { $exists: true } } },
);
// A firm's own applications, newest first, and the "is this its first application" check.
schema.index({ enterpriseId: 1, appliedAt: -1 });
// 人社局's queue: by status, the nearest deadline first.
schema.index({ status: 1, decisionDue: 1 });

export function deferralModel(conn: Connection): Model<DeferralDoc> {
  return (
    (conn.models.SubsidyDeferral as Model<DeferralDoc> | undefined) ??
    conn.model<DeferralDoc>('SubsidyDeferral', schema)
  );
}
