import { Schema, type Types, type Connection, type Model } from 'mongoose';

/** 周报: one per project per week (Monday, China time). */
export interface ReportDoc {
  _id: Types.ObjectId;
  projectId: Types.ObjectId;
  weekStart: string;
  done: string;
  next: string;
  resumed: boolean;
  workersOnSite: number;
  reportedBy: Types.ObjectId;
  reportedAt: Date;
}

const schema = new Schema<ReportDoc>(
  {
    projectId: { type: Schema.Types.ObjectId, required: true },
    weekStart: { type: String, required: true },
    done: { type: String, required: true },
    next: { type: String, required: true },
    resumed: { type: Boolean, required: true },
    workersOnSite: { type: Number, required: true },
    reportedBy: { type: Schema.Types.ObjectId, required: true },
    reportedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'key_project_reports' },
);

// One 周报 per project and week (a second one is refused by the database), and the project's
// reports newest week first.
schema.index({ projectId: 1, weekStart: -1 }, { unique: true });

export function reportModel(conn: Connection): Model<ReportDoc> {
  return conn.models.KeyProjectReport ?? conn.model<ReportDoc>('KeyProjectReport', schema);
}
