import { Schema, type Types, type Connection, type Model } from 'mongoose';

export interface InboxDoc {
  _id: Types.ObjectId;
  userId: Types.ObjectId;
  /** The source event (`outbox:<id>`, `issue:<id>:reminded:<clock>:<userId>`…): one notice per event and person. */
  key: string;
  kind: string;
  title: string;
  body: string;
  /** Deep link the notice opens (a SHARED_PAGES path with its query). */
  page: string;
  createdAt: Date;
  readAt: Date | null;
}

const schema = new Schema<InboxDoc>(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    key: { type: String, required: true },
    kind: { type: String, required: true },
    title: { type: String, required: true },
    body: { type: String, required: true },
    page: { type: String, required: true },
    createdAt: { type: Date, required: true },
    readAt: { type: Date, default: null },
  },
  { versionKey: false, collection: 'inbox_notices' },
);

// "Recorded once": a retried delivery upserts on its key and finds the notice already there.
schema.index({ key: 1 }, { unique: true });
// A person's inbox, newest first (and the unread filter on the same prefix).
schema.index({ userId: 1, createdAt: -1 });
// The unread badge: count of a person's notices with readAt null.
schema.index({ userId: 1, readAt: 1 });

/** Registers the model on a connection. */
export function inboxModel(conn: Connection): Model<InboxDoc> {
  return conn.models.InboxNotice ?? conn.model<InboxDoc>('InboxNotice', schema);
}
