import { Types, type Model } from 'mongoose';
import type { ReopeningDoc } from './reopening.model';
import { isDuplicateKey } from '../../db/errors';
import type { Connection } from 'mongoose';
import { reopeningModel } from './reopening.model';

/** A reopening report as the daily report lists it. */
export type ReportRow = Pick<
  ReopeningDoc,
  'enterpriseId' | 'day' | 'reopened' | 'staffOnSite' | 'staffTotal'
>;

export interface ReopeningRecord {
  id: string;
  enterpriseId: string;
  day: string;
  reopened: boolean;
  reopenedSince: string | null;
  staffOnSite: number;
  staffTotal: number;
  capacityPercent: number;
  reportedAt: Date;
  revision: number;
}

const toRecord = (d: ReopeningDoc): ReopeningRecord => ({
  id: d._id.toHexString(),
  enterpriseId: d.enterpriseId.toHexString(),
  day: d.day,
  reopened: d.reopened,
  reopenedSince: d.reopenedSince ?? null,
  staffOnSite: d.staffOnSite,
  staffTotal: d.staffTotal,
  capacityPercent: d.capacityPercent,
  reportedAt: d.reportedAt,
  revision: d.revision,
});

export type ReopeningFields = Pick<
  ReopeningRecord,
  'reopened' | 'reopenedSince' | 'staffOnSite' | 'staffTotal' | 'capacityPercent'
>;

export class ReopeningRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): ReopeningRepository {
    return new ReopeningRepository(reopeningModel(conn));
  }

  constructor(private readonly model: Model<ReopeningDoc>) {}

  // ---- Reads for the dashboard's rollups (their sync and their recount from raw data), as stored.

  /** An enterprise's latest report as stored; null before its first. */
  latestStoredOf(enterpriseId: Types.ObjectId): Promise<ReopeningDoc | null> {
    return this.model.findOne({ enterpriseId }).sort({ day: -1 }).lean<ReopeningDoc>();
  }

  /** Each listed enterprise's latest reopening report up to `day` (by enterprise id). */
  async latestUpTo(enterpriseIds: Types.ObjectId[], day: string): Promise<Map<string, ReportRow>> {
    const reports = await this.model
      .find(
        { enterpriseId: { $in: enterpriseIds }, day: { $lte: day } },
        { enterpriseId: 1, day: 1, reopened: 1, staffOnSite: 1, staffTotal: 1 },
      )
      .lean<ReportRow[]>();
    const latest = new Map<string, ReportRow>();
    for (const r of reports) {
      const k = r.enterpriseId.toHexString();
      if (!latest.has(k) || latest.get(k)!.day < r.day) latest.set(k, r);
    }
    return latest;
  }

  /** Every report's status fields, as a cursor. */
  reportsForRecount(batchSize: number) {
    return this.model
      .find({}, { enterpriseId: 1, day: 1, reopened: 1, staffOnSite: 1, staffTotal: 1 })
      .lean<ReportRow>()
      .cursor({ batchSize });
  }

  /**
   * Writes the day's report in one upsert on {enterpriseId, day}. Two first submissions racing
   * collide on the unique index; the loser retries and becomes a correction of the winner.
   */
  async upsertDay(
    enterpriseId: string,
    day: string,
    fields: ReopeningFields,
    reportedBy: string,
    at: Date,
  ): Promise<ReopeningRecord> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        const doc = await this.model
          .findOneAndUpdate(
            { enterpriseId: new Types.ObjectId(enterpriseId), day },
            {
              $set: { ...fields, reportedBy: new Types.ObjectId(reportedBy), reportedAt: at },
              $inc: { revision: 1 },
            },
            { upsert: true, returnDocument: 'after' },
          )
          .lean<ReopeningDoc>();
        return toRecord(doc!);
      } catch (err) {
        if (!isDuplicateKey(err) || attempt >= 2) throw err;
      }
    }
  }

  async findDay(enterpriseId: string, day: string): Promise<ReopeningRecord | null> {
    const doc = await this.model
      .findOne({ enterpriseId: new Types.ObjectId(enterpriseId), day })
      .lean<ReopeningDoc>();
    return doc ? toRecord(doc) : null;
  }

  async history(enterpriseId: string, from?: string, to?: string, limit = 90): Promise<ReopeningRecord[]> {
    const day: Record<string, string> = {};
    if (from) day.$gte = from;
    if (to) day.$lte = to;
    const q: Record<string, unknown> = { enterpriseId: new Types.ObjectId(enterpriseId) };
    if (from || to) q.day = day;
    return (await this.model.find(q).sort({ day: -1 }).limit(limit).lean<ReopeningDoc[]>()).map(toRecord);
  }

  /** The most recent report of each enterprise (whether it has reopened, for need ranking). */
  async latestFor(enterpriseIds: string[]): Promise<Map<string, ReopeningRecord>> {
    const docs = await this.model
      .find({ enterpriseId: { $in: enterpriseIds.map((id) => new Types.ObjectId(id)) } })
      .sort({ day: -1 })
      .limit(enterpriseIds.length * 31)
      .lean<ReopeningDoc[]>();
    const out = new Map<string, ReopeningRecord>();
    for (const d of docs)
      if (!out.has(d.enterpriseId.toHexString())) out.set(d.enterpriseId.toHexString(), toRecord(d));
    return out;
  }
}
