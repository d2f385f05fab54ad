import type { Model } from 'mongoose';
import type { RiskLevel } from '@fugong/contracts';
import { chinaDay } from '@fugong/domain';
import type { RegionDoc } from './region.model';
import type { Connection } from 'mongoose';
import { regionModel } from './region.model';

export interface RegionRecord {
  code: string;
  name: string;
  countyCode: string | null;
  riskLevel: RiskLevel;
  effectiveFrom: string;
  updatedAt: Date;
}

const toRecord = (d: RegionDoc): RegionRecord => ({
  code: d._id,
  name: d.name,
  countyCode: d.countyCode ?? null,
  riskLevel: d.riskLevel,
  // A row from before the day was recorded took effect when it was last set.
  effectiveFrom: d.effectiveFrom ?? chinaDay(d.updatedAt),
  updatedAt: d.updatedAt,
});

/** Region risk levels (低/中/高风险) keyed by division code. */
export class RegionRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): RegionRepository {
    return new RegionRepository(regionModel(conn));
  }

  constructor(private readonly model: Model<RegionDoc>) {}

  async list(): Promise<RegionRecord[]> {
    const docs = await this.model.find({}).sort({ _id: 1 }).lean<RegionDoc[]>();
    return docs.map(toRecord);
  }

  /** Sets a region's level in one atomic upsert keyed by code (a town's row names its county). */
  async upsert(
    code: string,
    name: string,
    countyCode: string | null,
    riskLevel: RiskLevel,
    effectiveFrom: string,
    at: Date,
    by: string,
  ): Promise<RegionRecord> {
    const doc = await this.model
      .findOneAndUpdate(
        { _id: code },
        { $set: { name, countyCode, riskLevel, effectiveFrom, updatedAt: at, updatedBy: by } },
        { upsert: true, returnDocument: 'after' },
      )
      .lean<RegionDoc>();
    return toRecord(doc!);
  }
}
