import { Schema, type Types, type Connection, type Model } from 'mongoose';
import { NEED_KINDS, NEED_STATUSES, type NeedKind, type NeedStatus } from '@fugong/contracts';

/** One line of the 项目服务清单: a project's need, handled by one dispatched issue or by 马上会办. */
export interface NeedDoc {
  _id: Types.ObjectId;
  projectId: Types.ObjectId;
  projectName: string;
  enterpriseId: Types.ObjectId;
  kind: NeedKind;
  description: string;
  status: NeedStatus;
  raisedBy: Types.ObjectId;
  raisedAt: Date;
  handleDueAt: Date;
  issueId: Types.ObjectId | null;
  sessionId: Types.ObjectId | null;
  handledAt: Date | null;
  resolvedAt: Date | null;
}

const schema = new Schema<NeedDoc>(
  {
    projectId: { type: Schema.Types.ObjectId, required: true },
    projectName: { type: String, required: true },
    enterpriseId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, enum: NEED_KINDS, required: true },
    description: { type: String, required: true },
    status: { type: String, enum: NEED_STATUSES, required: true },
    raisedBy: { type: Schema.Types.ObjectId, required: true },
    raisedAt: { type: Date, required: true },
    handleDueAt: { type: Date, required: true },
    issueId: { type: Schema.Types.ObjectId, default: null },
    sessionId: { type: Schema.Types.ObjectId, default: null },
    handledAt: { type: Date, default: null },
    resolvedAt: { type: Date, default: null },
  },
  { versionKey: false, collection: 'key_project_needs' },
);

// A project's 服务清单, newest first.
schema.index({ projectId: 1, raisedAt: -1 });
// The figures: needs by status, and the open ones past their handling deadline.
schema.index({ status: 1, handleDueAt: 1 });

export function needModel(conn: Connection): Model<NeedDoc> {
  return conn.models.KeyProjectNeed ?? conn.model<NeedDoc>('KeyProjectNeed', schema);
}
