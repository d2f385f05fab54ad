import { Schema, type Types, type Connection, type Model } from 'mongoose';

/** 规上 (above designated size) or 规下 (below), the split every reopening figure is reported by. */
export type EnterpriseSize = 'above' | 'below';

export interface EnterpriseDoc {
  _id: Types.ObjectId;
  name: string;
  /** 统一社会信用代码, 18 characters, checksum-validated before it gets here. */
  creditCode: string;
  industry: string;
  size: EnterpriseSize;
  /** GB/T 2260 county code, e.g. 330281 余姚市. */
  regionCode: string;
  address: string;
  headcount: number;
  /** Code a liaison enters to bind their account to this enterprise; null when none was issued. */
  liaisonInviteCode: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const schema = new Schema<EnterpriseDoc>(
  {
    name: { type: String, required: true },
    creditCode: { type: String, required: true },
    industry: { type: String, required: true },
    size: { type: String, enum: ['above', 'below'], required: true },
    regionCode: { type: String, required: true },
    address: { type: String, default: '' },
    headcount: { type: Number, required: true, min: 0 },
    liaisonInviteCode: { type: String, default: null },
  },
  { timestamps: true, versionKey: false, collection: 'enterprises' },
);

// Lookup by credit code (import upserts, admin search) and THE registry invariant: one record per
// 统一社会信用代码, so a re-import or two admins importing the same sheet at once update, never duplicate.
schema.index({ creditCode: 1 }, { unique: true });
// Liaison binding by invite code (findOne by code); unique so one code can never bind two enterprises.
schema.index(
  { liaisonInviteCode: 1 },
  { unique: true, partialFilterExpression: { liaisonInviteCode: { $type: 'string' } } },
);
// Admin lists and dashboard breakdowns filtered by region, then industry/size.
schema.index({ regionCode: 1, size: 1, industry: 1 });

/** Registers the model on a connection. */
export function enterpriseModel(conn: Connection): Model<EnterpriseDoc> {
  return conn.models.Enterprise ?? conn.model<EnterpriseDoc>('Enterprise', schema);
}
