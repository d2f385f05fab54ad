import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { SubsidyPolicyCode } from '@fugong/contracts';

export type ListStatus = 'draft' | 'approved' | 'publicity' | 'final' | 'superseded';

export interface DiffEntry {
  enterpriseId: string;
  enterpriseName: string;
  beforeFen: number | null;
  afterFen: number | null;
  alreadyInLedger: boolean;
}

/** One computed list of entitlements (享受名单) for a policy version and period. */
export interface ListDoc {
  _id: Types.ObjectId;
  policy: SubsidyPolicyCode;
  period: string;
  version: string;
  status: ListStatus;
  /** Present while the list is draft or approved: the slot only one open list may hold. */
  openSlot?: 'open';
  /** Hash of version + every line's beneficiary, amount and facts: same facts, same fingerprint. */
  fingerprint: string;
  count: number;
  totalFen: number;
  createdBy: string;
  createdAt: Date;
  approvedBy: string | null;
  approvedAt: Date | null;
  publishedBy: string | null;
  publishedAt: Date | null;
  publicityEndsAt: Date | null;
  diff: {
    againstListId: string;
    added: DiffEntry[];
    removed: DiffEntry[];
    changed: DiffEntry[];
    unchanged: number;
  } | null;
}

const schema = new Schema<ListDoc>(
  {
    policy: { type: String, required: true },
    period: { type: String, required: true },
    version: { type: String, required: true },
    status: { type: String, required: true },
    openSlot: { type: String },
    fingerprint: { type: String, required: true },
    count: { type: Number, required: true },
    totalFen: { type: Number, required: true },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    approvedBy: { type: String, default: null },
    approvedAt: { type: Date, default: null },
    publishedBy: { type: String, default: null },
    publishedAt: { type: Date, default: null },
    publicityEndsAt: { type: Date, default: null },
    diff: { type: Schema.Types.Mixed, default: null },
  },
  { versionKey: false, collection: 'subsidy_lists' },
);
// "At most one open (draft or approved) list per policy and period": two runs racing cannot both
// open a list; the loser reads the winner's. Partial, so published and superseded lists pile up freely.
schema.index(
  { policy: 1, period: 1, openSlot: 1 },
  { unique: true, partialFilterExpression: { openSlot: { $exists: true } } },
);
// Officials' list page and "the last published list" for a diff: by policy and period, newest first.
schema.index({ policy: 1, period: 1, createdAt: -1 });

/** Registers the model on a connection. */
export function listModel(conn: Connection): Model<ListDoc> {
  return (
    (conn.models.SubsidyList as Model<ListDoc> | undefined) ?? conn.model<ListDoc>('SubsidyList', schema)
  );
}
