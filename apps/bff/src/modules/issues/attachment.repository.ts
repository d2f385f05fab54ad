import { Types, type Model } from 'mongoose';
import type { AttachmentDoc } from './attachment.model';
import type { Connection } from 'mongoose';
import { attachmentModel } from './attachment.model';
import { oid } from '../../db/ids';

export interface AttachmentRecord {
  id: string;
  enterpriseId: string;
  uploaderId: string;
  issueId: string | null;
  filename: string;
  contentType: string;
  size: number;
}

const toRecord = (d: AttachmentDoc): AttachmentRecord => ({
  id: d._id.toHexString(),
  enterpriseId: d.enterpriseId.toHexString(),
  uploaderId: d.uploaderId.toHexString(),
  issueId: d.issueId ? d.issueId.toHexString() : null,
  filename: d.filename,
  contentType: d.contentType,
  size: d.size,
});

export class AttachmentRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): AttachmentRepository {
    return new AttachmentRepository(attachmentModel(conn));
  }

  constructor(private readonly model: Model<AttachmentDoc>) {}

  async create(
    input: Omit<AttachmentRecord, 'id' | 'issueId'> & { data: Buffer; createdAt: Date },
  ): Promise<AttachmentRecord> {
    const doc = await this.model.create({
      ...input,
      enterpriseId: oid(input.enterpriseId),
      uploaderId: oid(input.uploaderId),
      issueId: null,
    });
    return toRecord(doc.toObject() as AttachmentDoc);
  }

  /** How many of these uploads this person made for this enterprise and has not yet used. */
  async countClaimable(ids: string[], uploaderId: string, enterpriseId: string): Promise<number> {
    return this.model.countDocuments({
      _id: { $in: ids.map(oid) },
      uploaderId: oid(uploaderId),
      enterpriseId: oid(enterpriseId),
      issueId: null,
    });
  }

  /** Attaches uploads to an issue; guarded on issueId: null so an image is claimed once. */
  async claim(ids: string[], uploaderId: string, issueId: string): Promise<number> {
    const res = await this.model.updateMany(
      { _id: { $in: ids.map(oid) }, uploaderId: oid(uploaderId), issueId: null },
      { $set: { issueId: oid(issueId) } },
    );
    return res.modifiedCount;
  }

  async findWithData(id: string): Promise<(AttachmentRecord & { data: Buffer }) | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const doc = await this.model.findById(id).lean<AttachmentDoc>();
    if (!doc) return null;
    const raw = doc.data as unknown as Buffer | { buffer: ArrayBuffer | Buffer };
    const data = Buffer.isBuffer(raw) ? raw : Buffer.from((raw as { buffer: Buffer }).buffer);
    return { ...toRecord(doc), data };
  }
}
