import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { mongo, Types, type Connection, type Model } from 'mongoose';
import { isDuplicateKey } from '../../db/errors';
import type { PhotoDoc } from './photo.model';
import { photoModel } from './photo.model';
import { oid } from '../../db/ids';

export const PHOTO_BUCKET = 'issue_photo_files';

export interface PhotoRecord {
  id: string;
  issueId: string;
  enterpriseId: string;
  uploaderId: string;
  filename: string;
  contentType: PhotoDoc['contentType'];
  size: number;
  fileId: string;
  thumbnail: { fileId: string; contentType: string; size: number } | null;
  createdAt: Date;
}

const toRecord = (d: PhotoDoc): PhotoRecord => ({
  id: d._id.toHexString(),
  issueId: d.issueId.toHexString(),
  enterpriseId: d.enterpriseId.toHexString(),
  uploaderId: d.uploaderId.toHexString(),
  filename: d.filename,
  contentType: d.contentType,
  size: d.size,
  fileId: d.fileId.toHexString(),
  thumbnail: d.thumbnail
    ? {
        fileId: d.thumbnail.fileId.toHexString(),
        contentType: d.thumbnail.contentType,
        size: d.thumbnail.size,
      }
    : null,
  createdAt: d.createdAt,
});

/**
 * Issue photos: bytes in GridFS (the driver's GridFSBucket on the mongoose connection's db),
 * records in `issue_photos`. GridFS writes a file's chunks as they fill and its `files` document
 * at the end; a write that fails or is refused part-way is aborted, which deletes the chunks
 * already written, so a refused upload leaves nothing behind.
 */
export class PhotoRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): PhotoRepository {
    return new PhotoRepository(photoModel(conn), conn);
  }

  constructor(
    private readonly model: Model<PhotoDoc>,
    private readonly conn: Connection,
  ) {}

  private bucket(): mongo.GridFSBucket {
    return new mongo.GridFSBucket(this.conn.db!, { bucketName: PHOTO_BUCKET });
  }

  /**
   * Streams `source` into a new GridFS file. If `source` throws (the checks reading it refused
   * the bytes, or the request broke off), the partial file is removed and the error rethrown.
   */
  async saveFile(
    source: AsyncIterable<Buffer>,
    meta: { filename: string; contentType: string; issueId: string },
  ): Promise<{ fileId: string; size: number }> {
    const upload = this.bucket().openUploadStream(meta.filename, {
      metadata: { contentType: meta.contentType, issueId: oid(meta.issueId) },
    });
    let size = 0;
    try {
      for await (const chunk of source) {
        size += chunk.length;
        if (!upload.write(chunk)) await once(upload, 'drain');
      }
      upload.end();
      await finished(upload);
      return { fileId: upload.id.toHexString(), size };
    } catch (err) {
      // abort() also emits 'error' on the stream; unheard, Node 24 turns it into a crash.
      upload.on('error', () => undefined);
      await upload.abort().catch(() => undefined);
      // abort() only removes chunks of a file not yet finished; make sure of the rest.
      await this.deleteFile(upload.id.toHexString());
      throw err;
    }
  }

  /** Removes a GridFS file and its chunks; a file already gone is not an error. */
  async deleteFile(fileId: string): Promise<void> {
    const id = oid(fileId);
    const db = this.conn.db!;
    await db.collection(`${PHOTO_BUCKET}.chunks`).deleteMany({ files_id: id });
    await db.collection(`${PHOTO_BUCKET}.files`).deleteOne({ _id: id });
  }

  openFile(fileId: string): Readable {
    return this.bucket().openDownloadStream(oid(fileId));
  }

  /** The photo an uploader stored under this Idempotency-Key, if any. */
  async findByUploadKey(uploaderId: string, uploadKey: string): Promise<PhotoRecord | null> {
    const doc = await this.model.findOne({ uploaderId: oid(uploaderId), uploadKey }).lean<PhotoDoc>();
    return doc ? toRecord(doc) : null;
  }

  /** Stores the record; 'duplicate' when a twin upload with the same key got there first. */
  async create(input: Omit<PhotoRecord, 'id'>, uploadKey?: string): Promise<PhotoRecord | 'duplicate'> {
    try {
      return await this.insert(input, uploadKey);
    } catch (err) {
      if (uploadKey && isDuplicateKey(err)) return 'duplicate';
      throw err;
    }
  }

  private async insert(input: Omit<PhotoRecord, 'id'>, uploadKey?: string): Promise<PhotoRecord> {
    const doc = await this.model.create({
      ...input,
      ...(uploadKey ? { uploadKey } : {}),
      issueId: oid(input.issueId),
      enterpriseId: oid(input.enterpriseId),
      uploaderId: oid(input.uploaderId),
      fileId: oid(input.fileId),
      thumbnail: input.thumbnail ? { ...input.thumbnail, fileId: oid(input.thumbnail.fileId) } : null,
    });
    return toRecord(doc.toObject() as PhotoDoc);
  }

  async findById(id: string): Promise<PhotoRecord | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const doc = await this.model.findById(id).lean<PhotoDoc>();
    return doc ? toRecord(doc) : null;
  }

  async listForIssue(issueId: string): Promise<PhotoRecord[]> {
    const docs = await this.model
      .find({ issueId: oid(issueId) })
      .sort({ createdAt: 1 })
      .lean<PhotoDoc[]>();
    return docs.map(toRecord);
  }

  async countForIssue(issueId: string): Promise<number> {
    return this.model.countDocuments({ issueId: oid(issueId) });
  }

  /**
   * GridFS files (or chunks whose upload never finished, so no files document exists) created
   * before `before` that no photo record holds, at most `limit`. A file's id is an ObjectId made
   * when its upload opened, so its age is read from the id: chunks carry no date of their own.
   */
  async orphanFileIds(before: Date, limit = 500): Promise<string[]> {
    const db = this.conn.db!;
    const older = { $lt: Types.ObjectId.createFromTime(Math.floor(before.getTime() / 1000)) };
    const files = await db
      .collection(`${PHOTO_BUCKET}.files`)
      .find({ _id: older }, { projection: { _id: 1 } })
      .limit(limit)
      .toArray();
    const chunkGroups = await db
      .collection(`${PHOTO_BUCKET}.chunks`)
      .aggregate<{ _id: Types.ObjectId }>([
        { $match: { files_id: older, n: 0 } },
        { $project: { _id: '$files_id' } },
        { $limit: limit },
      ])
      .toArray();
    const candidates = [...new Set([...files, ...chunkGroups].map((d) => String(d._id)))].map(oid);
    if (candidates.length === 0) return [];
    const held = await this.model
      .find(
        { $or: [{ fileId: { $in: candidates } }, { 'thumbnail.fileId': { $in: candidates } }] },
        { fileId: 1, thumbnail: 1 },
      )
      .lean<Pick<PhotoDoc, 'fileId' | 'thumbnail'>[]>();
    const keep = new Set(
      held.flatMap((p) => [String(p.fileId), ...(p.thumbnail ? [String(p.thumbnail.fileId)] : [])]),
    );
    return candidates.map(String).filter((id) => !keep.has(id));
  }
}
