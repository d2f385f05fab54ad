import { Schema, type Types, type Connection, type Model } from 'mongoose';

/** One steward looking after one enterprise for a period; `live` marks the current one. */
export interface AssignmentDoc {
  _id: Types.ObjectId;
  enterpriseId: Types.ObjectId;
  stewardId: Types.ObjectId;
  assignedBy: Types.ObjectId;
  from: Date;
  to: Date | null;
  live: boolean;
}

const schema = new Schema<AssignmentDoc>(
  {
    enterpriseId: { type: Schema.Types.ObjectId, required: true },
    stewardId: { type: Schema.Types.ObjectId, required: true },
    assignedBy: { type: Schema.Types.ObjectId, required: true },
    from: { type: Date, required: true },
    to: { type: Date, default: null },
    live: { type: Boolean, required: true },
  },
  { versionKey: false, collection: 'steward_assignments' },
);

// THE invariant "one steward per enterprise at a time": at most one live assignment per
// enterprise. Two admins reassigning at once both end the old one, but only one insert wins.
// Also serves "who is this firm's steward" (findOne {enterpriseId, live: true}).
schema.index({ enterpriseId: 1 }, { unique: true, partialFilterExpression: { live: true } });
// A steward's current enterprises (scope of every steward request, "my enterprises").
schema.index({ stewardId: 1, live: 1 });
// Assignment history of an enterprise, newest first (kept forever: ended rows are never deleted).
schema.index({ enterpriseId: 1, from: -1 });

/** Registers the model on a connection. */
export function assignmentModel(conn: Connection): Model<AssignmentDoc> {
  return conn.models.StewardAssignment ?? conn.model<AssignmentDoc>('StewardAssignment', schema);
}
