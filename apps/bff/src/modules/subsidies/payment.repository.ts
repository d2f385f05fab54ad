import { Types, type Model } from 'mongoose';
import type { SubsidyPolicyCode } from '@fugong/contracts';
import { isDuplicateKey } from '../../db/errors';
import { paymentKey, type PaymentDoc } from './payment.model';
import type { Connection } from 'mongoose';
import { paymentModel } from './payment.model';

export type PaymentRecord = Omit<PaymentDoc, '_id' | 'listId' | 'entitlementId' | 'enterpriseId'> & {
  id: string;
  listId: string;
  entitlementId: string;
  enterpriseId: string;
};

const toRecord = ({ _id, listId, entitlementId, enterpriseId, ...rest }: PaymentDoc): PaymentRecord => ({
  ...rest,
  id: _id,
  listId: listId.toHexString(),
  entitlementId: entitlementId.toHexString(),
  enterpriseId: enterpriseId.toHexString(),
});

/** A ledger entry as an approved list's line adds it: who is paid how much, under which list and line. */
export type NewPayment = Pick<
  PaymentRecord,
  | 'listId'
  | 'entitlementId'
  | 'policy'
  | 'period'
  | 'enterpriseId'
  | 'enterpriseName'
  | 'creditCode'
  | 'amountFen'
>;

/** The payment ledger: insert-once per policy × beneficiary × period, paid by one guarded update. */
export class PaymentRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): PaymentRepository {
    return new PaymentRepository(paymentModel(conn));
  }

  constructor(private readonly model: Model<PaymentDoc>) {}

  /**
   * Adds the payments; a beneficiary already in the ledger for the policy and period (an earlier
   * list, or a retry of this call) is skipped by its _id, not overwritten. Returns how many were new.
   */
  async addOnce(
    listId: string,
    rows: NewPayment[],
    at: Date,
  ): Promise<{ created: number; existing: number }> {
    if (rows.length === 0) return { created: 0, existing: 0 };
    const ops = rows.map((r) => ({
      updateOne: {
        filter: { _id: paymentKey(r.policy, r.enterpriseId, r.period) },
        update: {
          $setOnInsert: {
            ...r,
            listId: new Types.ObjectId(r.listId),
            entitlementId: new Types.ObjectId(r.entitlementId),
            enterpriseId: new Types.ObjectId(r.enterpriseId),
            status: 'pending',
            createdAt: at,
            paidAt: null,
            paidBy: null,
            reference: null,
          },
        },
        upsert: true,
      },
    }));
    try {
      await this.model.bulkWrite(ops, { ordered: false });
    } catch (err) {
      // Two upserts of one key racing: one inserts, the other fails on _id. Running the same
      // $setOnInsert again only matches, so a second pass settles it without a double.
      if (!isDuplicateKey(err) && !hasOnlyDuplicateKeyErrors(err)) throw err;
      await this.model.bulkWrite(ops, { ordered: false });
    }
    // Counted from the ledger, so a retry of the same call answers the same numbers.
    const created = await this.model.countDocuments({ listId: new Types.ObjectId(listId) });
    return { created, existing: rows.length - created };
  }

  async forList(listId: string): Promise<PaymentRecord[]> {
    const docs = await this.model
      .find({ listId: new Types.ObjectId(listId) })
      .sort({ creditCode: 1 })
      .lean<PaymentDoc[]>();
    return docs.map(toRecord);
  }

  async findById(id: string): Promise<PaymentRecord | null> {
    const doc = await this.model.findById(id).lean<PaymentDoc>();
    return doc ? toRecord(doc) : null;
  }

  /** Which of these beneficiaries already have a ledger entry for the policy and period. */
  async inLedger(policy: SubsidyPolicyCode, period: string, enterpriseIds: string[]): Promise<Set<string>> {
    const docs = await this.model
      .find(
        { policy, period, enterpriseId: { $in: enterpriseIds.map((id) => new Types.ObjectId(id)) } },
        { enterpriseId: 1, status: 1 },
      )
      .lean<PaymentDoc[]>();
    return new Set(docs.map((d) => d.enterpriseId.toHexString()));
  }

  /** Pending → paid in one guarded update; null when it was not pending (already paid, or unknown). */
  async markPaid(id: string, by: string, reference: string, at: Date): Promise<PaymentRecord | null> {
    const doc = await this.model
      .findOneAndUpdate(
        { _id: id, status: 'pending' },
        { $set: { status: 'paid', paidAt: at, paidBy: by, reference } },
        { returnDocument: 'after' },
      )
      .lean<PaymentDoc>();
    return doc ? toRecord(doc) : null;
  }

  /** What the firm has been paid, by `${policy}:${period}`, in fen. */
  async paidFor(enterpriseId: string): Promise<Map<string, number>> {
    const docs = await this.model
      .find(
        { enterpriseId: new Types.ObjectId(enterpriseId), status: 'paid' },
        { policy: 1, period: 1, amountFen: 1 },
      )
      .lean<PaymentDoc[]>();
    return new Map(docs.map((d) => [`${d.policy}:${d.period}`, d.amountFen]));
  }
}

function hasOnlyDuplicateKeyErrors(err: unknown): boolean {
  const errors = (err as { writeErrors?: { code?: number }[] } | null)?.writeErrors;
  return Array.isArray(errors) && errors.length > 0 && errors.every((e) => e.code === 11000);
}
