import { Schema, type Types, type Connection, type Model } from 'mongoose';

/** 复工进度直报: one document per enterprise per China day; earlier days stay as the history. */
export interface ReopeningDoc {
  _id: Types.ObjectId;
  enterpriseId: Types.ObjectId;
  day: string;
  reopened: boolean;
  reopenedSince: string | null;
  staffOnSite: number;
  staffTotal: number;
  capacityPercent: number;
  reportedBy: Types.ObjectId;
  reportedAt: Date;
  /** 1 for the first report of the day, +1 for each correction. */
  revision: number;
}

const schema = new Schema<ReopeningDoc>(
  {
    enterpriseId: { type: Schema.Types.ObjectId, required: true },
    day: { type: String, required: true },
    reopened: { type: Boolean, required: true },
    reopenedSince: { type: String, default: null },
    staffOnSite: { type: Number, required: true },
    staffTotal: { type: Number, required: true },
    capacityPercent: { type: Number, required: true },
    reportedBy: { type: Schema.Types.ObjectId, required: true },
    reportedAt: { type: Date, required: true },
    revision: { type: Number, required: true },
  },
  { versionKey: false, collection: 'reopening_reports' },
);

// "One report per enterprise per day": a retry or a correction upserts the same document; two
// submissions racing on a weak network cannot create two. Also serves history (enterpriseId, day range).
schema.index({ enterpriseId: 1, day: -1 }, { unique: true });
// Dashboard: all reports of one day (reopening rate by region/industry/size joins on enterpriseId).
schema.index({ day: 1, reopened: 1 });

/** Registers the model on a connection. */
export function reopeningModel(conn: Connection): Model<ReopeningDoc> {
  return conn.models.ReopeningReport ?? conn.model<ReopeningDoc>('ReopeningReport', schema);
}
