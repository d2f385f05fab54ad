import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { SubsidyPolicyCode } from '@fugong/contracts';

/**
 * The payment ledger. `_id` is `${policy}:${enterpriseId}:${period}`: a beneficiary has at most
 * one payment per policy and period, whichever list, rerun or retry tries to add another — the
 * second insert fails on _id and nothing is paid twice.
 */
export interface PaymentDoc {
  _id: string;
  listId: Types.ObjectId;
  entitlementId: Types.ObjectId;
  policy: SubsidyPolicyCode;
  period: string;
  enterpriseId: Types.ObjectId;
  enterpriseName: string;
  creditCode: string;
  amountFen: number;
  status: 'pending' | 'paid';
  createdAt: Date;
  paidAt: Date | null;
  paidBy: string | null;
  reference: string | null;
}

const schema = new Schema<PaymentDoc>(
  {
    _id: { type: String, required: true },
    listId: { type: Schema.Types.ObjectId, required: true },
    entitlementId: { type: Schema.Types.ObjectId, required: true },
    policy: { type: String, required: true },
    period: { type: String, required: true },
    enterpriseId: { type: Schema.Types.ObjectId, required: true },
    enterpriseName: { type: String, required: true },
    creditCode: { type: String, required: true },
    amountFen: { type: Number, required: true },
    status: { type: String, required: true },
    createdAt: { type: Date, required: true },
    paidAt: { type: Date, default: null },
    paidBy: { type: String, default: null },
    reference: { type: String, default: null },
  },
  { versionKey: false, collection: 'subsidy_payments' },
);
// The same rule as _id, spelled out so it survives a change of _id scheme: one payment per
// policy × beneficiary × period. Also serves "is this firm already in the ledger" for diffs and the firm's page.
schema.index({ policy: 1, enterpriseId: 1, period: 1 }, { unique: true });
// The payment list of one list (export, in credit-code order).
schema.index({ listId: 1, creditCode: 1 });

/** Registers the model on a connection. */
export function paymentModel(conn: Connection): Model<PaymentDoc> {
  return (
    (conn.models.SubsidyPayment as Model<PaymentDoc> | undefined) ??
    conn.model<PaymentDoc>('SubsidyPayment', schema)
  );
}

/** The ledger key of a beneficiary under a policy and period. */
export const paymentKey = (policy: string, enterpriseId: string, period: string) =>
  `${policy}:${enterpriseId}:${period}`;
