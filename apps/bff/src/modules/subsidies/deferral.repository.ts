import { Types, type Model } from 'mongoose';
import type { DeferralStatus } from '@fugong/contracts';
import { isDuplicateKey } from '../../db/errors';
import type { DeferralDoc } from './deferral.model';
import type { Connection } from 'mongoose';
import { deferralModel } from './deferral.model';

export type DeferralRecord = Omit<DeferralDoc, '_id' | 'enterpriseId' | 'openSlot'> & {
  id: string;
  enterpriseId: string;
};

const toRecord = ({ _id, enterpriseId, openSlot: _slot, ...rest }: DeferralDoc): DeferralRecord => ({
  ...rest,
  id: _id.toHexString(),
  enterpriseId: enterpriseId.toHexString(),
});

const validId = (id: string) => Types.ObjectId.isValid(id) && /^[0-9a-f]{24}$/i.test(id);

/** 社保缓缴 applications; every decision is one guarded update from pending. */
export class DeferralRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): DeferralRepository {
    return new DeferralRepository(deferralModel(conn));
  }

  constructor(private readonly model: Model<DeferralDoc>) {}

  /** Stores a pending application, or answers 'open' when the firm already has one pending. */
  async create(
    input: Omit<DeferralRecord, 'id' | 'status' | 'note' | 'decidedBy' | 'decidedAt'>,
  ): Promise<DeferralRecord | 'open'> {
    try {
      const doc = await this.model.create({
        ...input,
        enterpriseId: new Types.ObjectId(input.enterpriseId),
        status: 'pending',
        openSlot: 'open',
        note: null,
        decidedBy: null,
        decidedAt: null,
      });
      return toRecord(doc.toObject());
    } catch (err) {
      if (isDuplicateKey(err)) return 'open';
      throw err;
    }
  }

  /** Whether the firm applied before (a withdrawn application does not count). */
  async appliedBefore(enterpriseId: string): Promise<boolean> {
    const doc = await this.model.exists({
      enterpriseId: new Types.ObjectId(enterpriseId),
      status: { $ne: 'withdrawn' },
    });
    return doc !== null;
  }

  async findById(id: string): Promise<DeferralRecord | null> {
    if (!validId(id)) return null;
    const doc = await this.model.findById(id).lean<DeferralDoc>();
    return doc ? toRecord(doc) : null;
  }

  async list(filter: { enterpriseId?: string; status?: DeferralStatus }): Promise<DeferralRecord[]> {
    const q: Record<string, unknown> = {};
    if (filter.enterpriseId) q.enterpriseId = new Types.ObjectId(filter.enterpriseId);
    if (filter.status) q.status = filter.status;
    const sort: Record<string, 1 | -1> = filter.enterpriseId ? { appliedAt: -1 } : { decisionDue: 1 };
    return (await this.model.find(q).sort(sort).limit(500).lean<DeferralDoc[]>()).map(toRecord);
  }

  /**
   * Moves a pending application to `to` in one guarded update (and frees the firm's open slot);
   * null when it is not pending any more or (with `enterpriseId`) belongs to another firm.
   */
  async leavePending(
    id: string,
    to: Exclude<DeferralStatus, 'pending'>,
    set: { note: string | null; decidedBy: string; decidedAt: Date },
    enterpriseId?: string,
  ): Promise<DeferralRecord | null> {
    if (!validId(id)) return null;
    const filter: Record<string, unknown> = { _id: new Types.ObjectId(id), status: 'pending' };
    if (enterpriseId) filter.enterpriseId = new Types.ObjectId(enterpriseId);
    const doc = await this.model
      .findOneAndUpdate(
        filter,
        { $set: { status: to, ...set }, $unset: { openSlot: 1 } },
        { returnDocument: 'after' },
      )
      .lean<DeferralDoc>();
    return doc ? toRecord(doc) : null;
  }
}
