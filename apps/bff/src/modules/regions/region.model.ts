import { Schema, type Connection, type Model } from 'mongoose';
import { RISK_LEVELS, type RiskLevel } from '@fugong/contracts';

export interface RegionDoc {
  /**
   * GB/T 2260 division code, a county's (6 digits) or a town's (9): one document per region, so
   * an upsert can never duplicate it.
   */
  _id: string;
  name: string;
  /** The county a town is under (its code's first six digits); null on a county's row. */
  countyCode?: string | null;
  riskLevel: RiskLevel;
  /** China day the level took effect (YYYY-MM-DD); absent on rows set before it was recorded. */
  effectiveFrom?: string | null;
  updatedAt: Date;
  updatedBy: string;
}

const schema = new Schema<RegionDoc>(
  {
    _id: { type: String },
    name: { type: String, required: true },
    countyCode: { type: String, default: null },
    riskLevel: { type: String, enum: RISK_LEVELS, required: true },
    effectiveFrom: { type: String, default: null },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, required: true },
  },
  { versionKey: false, collection: 'regions' },
);
// No secondary index: the table is small (a few hundred counties, and the towns a command marks
// one by one) and always read whole into the pass rules' cache and the console's tree; the _id
// index serves the admin's upsert by code.

/** Registers the model on a connection. */
export function regionModel(conn: Connection): Model<RegionDoc> {
  return conn.models.Region ?? conn.model<RegionDoc>('Region', schema);
}
