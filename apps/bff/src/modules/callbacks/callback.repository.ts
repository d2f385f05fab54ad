import type { Model } from 'mongoose';
import type { CallbackDoc } from './callback.model';
import type { Connection } from 'mongoose';
import { callbackModel } from './callback.model';
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
}

const toRecord = (d: CallbackDoc): CallbackRecord => ({
  id: d._id.toHexString(),
  enterpriseId: d.enterpriseId.toHexString(),
  stewardId: d.stewardId ? d.stewardId.toHexString() : null,
  callerId: d.callerId.toHexString(),
  calledAt: d.calledAt,
  reached: d.reached,
  satisfaction: d.satisfaction ?? null,
  remarks: d.remarks ?? '',
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
}
