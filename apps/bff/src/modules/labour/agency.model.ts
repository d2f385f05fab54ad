import { Schema, type Types, type Connection, type Model } from 'mongoose';

/** A 人力资源服务机构 and the firms 人社局 let it act for. */
export interface AgencyDoc {
  _id: Types.ObjectId;
  userId: Types.ObjectId;
  name: string;
  enterpriseIds: Types.ObjectId[];
  grantedBy: Types.ObjectId;
  grantedAt: Date;
}

const agency = new Schema<AgencyDoc>(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    name: { type: String, required: true },
    enterpriseIds: { type: [Schema.Types.ObjectId], default: [] },
    grantedBy: { type: Schema.Types.ObjectId, required: true },
    grantedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'labour_agencies' },
);
// The scope lookup on every agency request: the firms this user serves.
agency.index({ userId: 1 }, { unique: true });

export function agencyModel(conn: Connection): Model<AgencyDoc> {
  return conn.models.LabourAgency ?? conn.model<AgencyDoc>('LabourAgency', agency);
}
