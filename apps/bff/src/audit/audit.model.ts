import { Schema, type Types, type Connection, type Model } from 'mongoose';

/** One entry of the log, as appended and as read back (the stored document is this and its `_id`). */
export interface AuditEntry {
  at: Date;
  actorId: string;
  action: string;
  subjectType: string;
  subjectId: string;
  fields: string[];
  requestId: string | null;
  /** Why the data was read in full, when the reader had to say (e.g. 流调溯源). */
  reason?: string | null;
}

export interface AuditDoc extends AuditEntry {
  _id: Types.ObjectId;
}

const schema = new Schema<AuditDoc>(
  {
    at: { type: Date, required: true },
    actorId: { type: String, required: true },
    action: { type: String, required: true },
    subjectType: { type: String, required: true },
    subjectId: { type: String, required: true },
    fields: { type: [String], default: [] },
    requestId: { type: String, default: null },
    reason: { type: String, default: null },
  },
  { versionKey: false, collection: 'audit_log' },
);

// "Who read this worker's ID number?" — the question an auditor asks first.
schema.index({ subjectType: 1, subjectId: 1, at: -1 });
// "What did this officer read?" — the second question.
schema.index({ actorId: 1, at: -1 });
// The console's log page and export: entries of one kind (a set of actions) in a date range, newest first.
schema.index({ action: 1, at: -1 });
// The same page unfiltered by kind: every entry in a date range, newest first.
schema.index({ at: -1 });

/** Registers the model on a connection. */
export function auditModel(conn: Connection): Model<AuditDoc> {
  return conn.models.AuditEntry ?? conn.model<AuditDoc>('AuditEntry', schema);
}
