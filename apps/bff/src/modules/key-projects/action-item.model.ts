import { Schema, type Types, type Connection, type Model } from 'mongoose';

/** A 会办 task: one owning department, a deadline, and the issue SLA's reminder/escalation marks. */
export interface ActionItemDoc {
  _id: Types.ObjectId;
  sessionId: Types.ObjectId;
  projectId: Types.ObjectId;
  projectName: string;
  departmentCode: string;
  task: string;
  dueAt: Date;
  state: 'open' | 'closed';
  closedAt: Date | null;
  closedBy: Types.ObjectId | null;
  closingNote: string;
  escalatedAt: Date | null;
  createdAt: Date;
}

const schema = new Schema<ActionItemDoc>(
  {
    sessionId: { type: Schema.Types.ObjectId, required: true },
    projectId: { type: Schema.Types.ObjectId, required: true },
    projectName: { type: String, required: true },
    departmentCode: { type: String, required: true },
    task: { type: String, required: true },
    dueAt: { type: Date, required: true },
    state: { type: String, enum: ['open', 'closed'], required: true },
    closedAt: { type: Date, default: null },
    closedBy: { type: Schema.Types.ObjectId, default: null },
    closingNote: { type: String, default: '' },
    escalatedAt: { type: Date, default: null },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'key_project_action_items' },
);

// A department's queue: its open items, soonest deadline first.
schema.index({ departmentCode: 1, state: 1, dueAt: 1 });
// A session's items, and "are any still open?" when one closes.
schema.index({ sessionId: 1, state: 1 });
// The escalation sweep and the figures: open items past their deadline.
schema.index({ state: 1, dueAt: 1 });

export function actionItemModel(conn: Connection): Model<ActionItemDoc> {
  return conn.models.KeyProjectActionItem ?? conn.model<ActionItemDoc>('KeyProjectActionItem', schema);
}
