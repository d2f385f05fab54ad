import { Schema, type Types, type Connection, type Model } from 'mongoose';

/** An image uploaded for an issue, stored in the database (small, compressed on the phone). */
export interface AttachmentDoc {
  _id: Types.ObjectId;
  enterpriseId: Types.ObjectId;
  uploaderId: Types.ObjectId;
  issueId: Types.ObjectId | null;
  filename: string;
  contentType: string;
  size: number;
  data: Buffer;
  createdAt: Date;
}

const schema = new Schema<AttachmentDoc>(
  {
    enterpriseId: { type: Schema.Types.ObjectId, required: true },
    uploaderId: { type: Schema.Types.ObjectId, required: true },
    issueId: { type: Schema.Types.ObjectId, default: null },
    filename: { type: String, required: true },
    contentType: { type: String, required: true },
    size: { type: Number, required: true },
    data: { type: Buffer, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'issue_attachments' },
);

// Claiming uploads for a new issue: {_id ∈ ids, uploaderId, issueId: null} — the issueId: null
// guard makes the claim atomic, so one image can never end up on two issues.
schema.index({ uploaderId: 1, issueId: 1 });
// Images of an issue (detail page, cleanup of an issue's files).
schema.index({ issueId: 1 }, { partialFilterExpression: { issueId: { $type: 'objectId' } } });

/** Registers the model on a connection. */
export function attachmentModel(conn: Connection): Model<AttachmentDoc> {
  return conn.models.IssueAttachment ?? conn.model<AttachmentDoc>('IssueAttachment', schema);
}
