import { Schema, type Types, type Connection, type Model } from 'mongoose';

/** 马上会办: one joint session per need, the departments it convened and what it decided. */
export interface SessionDoc {
  _id: Types.ObjectId;
  projectId: Types.ObjectId;
  projectName: string;
  needId: Types.ObjectId;
  topic: string;
  departments: string[];
  status: 'open' | 'closed';
  convenedBy: Types.ObjectId;
  convenedAt: Date;
  closedAt: Date | null;
  decisions: { text: string; at: Date; by: Types.ObjectId }[];
}

const schema = new Schema<SessionDoc>(
  {
    projectId: { type: Schema.Types.ObjectId, required: true },
    projectName: { type: String, required: true },
    needId: { type: Schema.Types.ObjectId, required: true },
    topic: { type: String, required: true },
    departments: { type: [String], required: true },
    status: { type: String, enum: ['open', 'closed'], required: true },
    convenedBy: { type: Schema.Types.ObjectId, required: true },
    convenedAt: { type: Date, required: true },
    closedAt: { type: Date, default: null },
    decisions: {
      type: [new Schema({ text: String, at: Date, by: Schema.Types.ObjectId }, { _id: false })],
      default: [],
    },
  },
  { versionKey: false, collection: 'key_project_sessions' },
);

// One session per need: a second convening of the same need is refused by the database.
schema.index({ needId: 1 }, { unique: true });
// A department's sessions (an officer opening a session they were convened to).
schema.index({ departments: 1, convenedAt: -1 });

export function sessionModel(conn: Connection): Model<SessionDoc> {
  return conn.models.KeyProjectSession ?? conn.model<SessionDoc>('KeyProjectSession', schema);
}
