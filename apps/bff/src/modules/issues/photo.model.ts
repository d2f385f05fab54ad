import { Schema, type Types, type Connection, type Model } from 'mongoose';
import { PHOTO_TYPES } from '@fugong/contracts';

/**
 * A photo of an issue. The bytes live in GridFS (bucket `issue_photo_files`: the original and,
 * when the phone sent one, its thumbnail); this record is written last, once both files are
 * complete, so a photo either exists whole or not at all.
 */
export interface PhotoDoc {
  _id: Types.ObjectId;
  issueId: Types.ObjectId;
  enterpriseId: Types.ObjectId;
  uploaderId: Types.ObjectId;
  filename: string;
  contentType: (typeof PHOTO_TYPES)[number];
  size: number;
  fileId: Types.ObjectId;
  thumbnail: { fileId: Types.ObjectId; contentType: string; size: number } | null;
  createdAt: Date;
  /** The uploader's Idempotency-Key, when the phone sent one: a retry finds this photo instead of storing another. */
  uploadKey?: string;
}

const schema = new Schema<PhotoDoc>(
  {
    issueId: { type: Schema.Types.ObjectId, required: true },
    enterpriseId: { type: Schema.Types.ObjectId, required: true },
    uploaderId: { type: Schema.Types.ObjectId, required: true },
    filename: { type: String, required: true },
    contentType: { type: String, enum: PHOTO_TYPES, required: true },
    size: { type: Number, required: true },
    fileId: { type: Schema.Types.ObjectId, required: true },
    thumbnail: {
      type: new Schema({ fileId: Schema.Types.ObjectId, contentType: String, size: Number }, { _id: false }),
      default: null,
    },
    createdAt: { type: Date, required: true },
    uploadKey: { type: String },
  },
  { versionKey: false, collection: 'issue_photos' },
);

// The photos of an issue in upload order (detail page list, the per-issue cap).
schema.index({ issueId: 1, createdAt: 1 });
// A retried upload (same uploader, same Idempotency-Key) finds the first one; two racing retries
// meet here and the loser's files are deleted.
schema.index(
  { uploaderId: 1, uploadKey: 1 },
  { unique: true, partialFilterExpression: { uploadKey: { $exists: true } } },
);
// The orphan sweep asks, for GridFS files past the grace period, which ones a photo holds.
schema.index({ fileId: 1 });
schema.index({ 'thumbnail.fileId': 1 }, { partialFilterExpression: { thumbnail: { $type: 'object' } } });

/** Registers the model on a connection. */
export function photoModel(conn: Connection): Model<PhotoDoc> {
  return conn.models.IssuePhoto ?? conn.model<PhotoDoc>('IssuePhoto', schema);
}
