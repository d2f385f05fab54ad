import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { SubsidyPolicyCode } from '@fugong/contracts';
import type { ListStatus } from './list.model';

export interface ObjectionDoc {
  text: string;
  by: string;
  at: Date;
  status: 'pending' | 'upheld' | 'rejected';
  decisionNote: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
}

/** One line of a list: what one beneficiary gets under it, why, and what happened to it. */
export interface EntitlementDoc {
  _id: Types.ObjectId;
  listId: Types.ObjectId;
  policy: SubsidyPolicyCode;
  period: string;
  enterpriseId: Types.ObjectId;
  enterpriseName: string;
  creditCode: string;
  amountFen: number;
  reason: string;
  facts: Record<string, unknown>;
  /**
   * The list's status copied onto each line. Every write to a line is guarded by it (exclusions
   * only in draft, objections only in publicity), and a list moves on by changing its lines'
   * stage before it sums them, so a late write can never slip into a list after it was counted.
   */
  stage: ListStatus;
  publicityEndsAt: Date | null;
  excluded: { reason: string; by: string; at: Date } | null;
  objection: ObjectionDoc | null;
}

const schema = new Schema<EntitlementDoc>(
  {
    listId: { type: Schema.Types.ObjectId, required: true },
    policy: { type: String, required: true },
    period: { type: String, required: true },
    enterpriseId: { type: Schema.Types.ObjectId, required: true },
    enterpriseName: { type: String, required: true },
    creditCode: { type: String, required: true },
    amountFen: { type: Number, required: true },
    reason: { type: String, required: true },
    facts: { type: Schema.Types.Mixed, required: true },
    stage: { type: String, required: true },
    publicityEndsAt: { type: Date, default: null },
    excluded: { type: Schema.Types.Mixed, default: null },
    objection: { type: Schema.Types.Mixed, default: null },
  },
  { versionKey: false, collection: 'subsidy_entitlements', minimize: false },
);
// One line per beneficiary in a list (a rerun's insert retried cannot add a firm twice); serves
// the list detail page and the stage moves (updateMany by listId).
schema.index({ listId: 1, enterpriseId: 1 }, { unique: true });
// A firm's own page ("可享政策"): its lines in published lists, and nobody else's.
schema.index({ enterpriseId: 1, stage: 1 });

/** Registers the model on a connection. */
export function entitlementModel(conn: Connection): Model<EntitlementDoc> {
  return (
    (conn.models.SubsidyEntitlement as Model<EntitlementDoc> | undefined) ??
    conn.model<EntitlementDoc>('SubsidyEntitlement', schema)
  );
}
