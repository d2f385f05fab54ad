import type { Connection, Model, Types } from 'mongoose';
import { CALLBACK_FLAGS, type CallbackFlag } from '@fugong/contracts';
import { callbackModel, type CallbackDoc } from './callback.model';
import { oid } from '../../db/ids';

export interface CallbackRecord {
  id: string;
  enterpriseId: string;
  stewardId: string | null;
  callerId: string;
  calledAt: Date;
  reached: boolean;
  satisfaction: number | null;
  remarks: string;
  flags: CallbackFlag[];
}

/** A steward's call-backs over a window, as the scorecard counts them. */
export interface StewardCallStats {
  calls: number;
  reached: number;
  rated: number;
  satisfactionSum: number;
  flags: Record<CallbackFlag, number>;
}

const isFlag = (f: string): f is CallbackFlag => (CALLBACK_FLAGS as readonly string[]).includes(f);
const noFlags = (): Record<CallbackFlag, number> =>
  Object.fromEntries(CALLBACK_FLAGS.map((f) => [f, 0])) as Record<CallbackFlag, number>;

const toRecord = (d: CallbackDoc): CallbackRecord => ({
  id: d._id.toHexString(),
  enterpriseId: d.enterpriseId.toHexString(),
  stewardId: d.stewardId ? d.stewardId.toHexString() : null,
  callerId: d.callerId.toHexString(),
  calledAt: d.calledAt,
  reached: d.reached,
  satisfaction: d.satisfaction ?? null,
  remarks: d.remarks ?? '',
  flags: (d.flags ?? []).filter(isFlag),
});

export class CallbackRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): CallbackRepository {
    return new CallbackRepository(callbackModel(conn));
  }

  constructor(private readonly model: Model<CallbackDoc>) {}

  // ---- Reads for the dashboard's rollups (their sync and their recount from raw data), as stored.

  /** Every call-back as stored, as a cursor. */
  callbacksForRecount(batchSize: number) {
    return this.model.find({}).lean<CallbackDoc>().cursor({ batchSize });
  }

  async create(input: Omit<CallbackRecord, 'id'>): Promise<CallbackRecord> {
    const doc = await this.model.create({
      ...input,
      enterpriseId: oid(input.enterpriseId),
      stewardId: input.stewardId ? oid(input.stewardId) : null,
      callerId: oid(input.callerId),
    });
    return toRecord(doc.toObject() as CallbackDoc);
  }

  async listForEnterprise(enterpriseId: string, limit = 50): Promise<CallbackRecord[]> {
    return (
      await this.model
        .find({ enterpriseId: oid(enterpriseId) })
        .sort({ calledAt: -1 })
        .limit(limit)
        .lean<CallbackDoc[]>()
    ).map(toRecord);
  }

  /** The latest ratings per steward (calls that got through), at most `perSteward` each. */
  async recentRatings(stewardIds: string[], perSteward = 20): Promise<Map<string, number[]>> {
    const docs = await this.model
      .find({ stewardId: { $in: stewardIds.map(oid) }, reached: true, satisfaction: { $ne: null } })
      .sort({ calledAt: -1 })
      .limit(stewardIds.length * perSteward * 2)
      .lean<CallbackDoc[]>();
    const out = new Map<string, number[]>();
    for (const d of docs) {
      const list = out.get(d.stewardId!.toHexString()) ?? [];
      if (list.length < perSteward) list.push(d.satisfaction!);
      out.set(d.stewardId!.toHexString(), list);
    }
    return out;
  }

  /** The latest call-back per enterprise, for the firms asked about. */
  async lastCalledAt(enterpriseIds: string[]): Promise<Map<string, Date>> {
    if (enterpriseIds.length === 0) return new Map();
    const rows = await this.model.aggregate<{ _id: Types.ObjectId; at: Date }>([
      { $match: { enterpriseId: { $in: enterpriseIds.map(oid) } } },
      { $group: { _id: '$enterpriseId', at: { $max: '$calledAt' } } },
    ]);
    return new Map(rows.map((r) => [r._id.toHexString(), new Date(r.at)]));
  }

  /** Per steward, the calls made since `since`: how many, reached, ratings and findings. */
  async statsBySteward(stewardIds: string[], since: Date): Promise<Map<string, StewardCallStats>> {
    const out = new Map<string, StewardCallStats>();
    if (stewardIds.length === 0) return out;
    const match = { stewardId: { $in: stewardIds.map(oid) }, calledAt: { $gte: since } };
    const [totals, flags] = await Promise.all([
      this.model.aggregate<{
        _id: Types.ObjectId;
        calls: number;
        reached: number;
        rated: number;
        satisfactionSum: number;
      }>([
        { $match: match },
        {
          $group: {
            _id: '$stewardId',
            calls: { $sum: 1 },
            reached: { $sum: { $cond: ['$reached', 1, 0] } },
            rated: { $sum: { $cond: [{ $eq: [{ $ifNull: ['$satisfaction', null] }, null] }, 0, 1] } },
            satisfactionSum: { $sum: { $ifNull: ['$satisfaction', 0] } },
          },
        },
      ]),
      this.model.aggregate<{ _id: { s: Types.ObjectId; f: string }; n: number }>([
        { $match: { ...match, 'flags.0': { $exists: true } } },
        { $unwind: '$flags' },
        { $group: { _id: { s: '$stewardId', f: '$flags' }, n: { $sum: 1 } } },
      ]),
    ]);
    for (const t of totals) {
      const { _id, ...counts } = t;
      out.set(_id.toHexString(), { ...counts, flags: noFlags() });
    }
    for (const f of flags) {
      const stats = out.get(f._id.s.toHexString());
      if (stats && isFlag(f._id.f)) stats.flags[f._id.f] = f.n;
    }
    return out;
  }
}
