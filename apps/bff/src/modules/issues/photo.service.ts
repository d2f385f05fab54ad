import { PHOTO_MAX_BYTES, THUMBNAIL_MAX_BYTES, type IssuePhoto } from '@fugong/contracts';
import { Readable } from 'node:stream';
import type { Actor } from '../../auth/actor';
import type { Clock } from '../../clock';
import type { AuditRepository } from '../../audit/audit.repository';
import { DomainError } from '../../errors';
import type { FilePart, MultipartBody } from '../../http/multipart';
import type { RawResponse } from '../../http/route';
import type { IssueAccess } from './issue.service';
import type { PhotoRecord, PhotoRepository } from './photo.repository';
import { looksComplete, PHOTO_HEAD_BYTES, photoTypeOf, type PhotoType } from './photo-type';

/** WeChat's chooseMedia picks at most 9 images at a time; an issue keeps at most that many. */
export const PHOTOS_PER_ISSUE = 9;

const RULES = {
  file: { maxBytes: PHOTO_MAX_BYTES, types: ['image/jpeg', 'image/png', 'image/webp', 'image/heic'] },
  // compressImage on the phone writes JPEG (PNG/WebP accepted for the browser's canvas).
  thumbnail: { maxBytes: THUMBNAIL_MAX_BYTES, types: ['image/jpeg', 'image/png', 'image/webp'] },
} as const;
type Field = keyof typeof RULES;

const tooLarge = (field: Field) =>
  new DomainError(
    'ATTACHMENT_TOO_LARGE',
    field === 'file'
      ? `照片超过 ${PHOTO_MAX_BYTES / 1024 / 1024} MB，请压缩后再上传`
      : `缩略图超过 ${THUMBNAIL_MAX_BYTES / 1024} KB`,
    { field, maxBytes: RULES[field].maxBytes },
  );
const wrongType = (field: Field) =>
  new DomainError(
    'ATTACHMENT_TYPE_INVALID',
    field === 'file' ? '只能上传 JPG、PNG、WebP 或 HEIC 照片' : '缩略图只能是 JPG、PNG 或 WebP',
    { field },
  );
const cutOff = (field: Field) =>
  new DomainError('VALIDATION_ERROR', '照片文件不完整，请重新拍摄或选择', [
    { path: field, message: '文件不完整', code: 'truncated' },
  ]);

/**
 * Reads a file part, yielding its bytes only after the first ones proved an accepted image type,
 * and refusing it once it passes the size cap or when it ends short of a whole image. What it
 * refuses never reaches GridFS beyond the chunks the repository then deletes.
 */
async function* checkedBytes(part: FilePart, field: Field, found: { type: PhotoType | null }) {
  const rule = RULES[field];
  let head = Buffer.alloc(0);
  let tail = Buffer.alloc(0);
  let size = 0;
  let checked = false;
  for await (const raw of part.stream) {
    const chunk = raw as Buffer;
    size += chunk.length;
    if (size > rule.maxBytes || part.truncated()) throw tooLarge(field);
    tail = Buffer.concat([tail, chunk]).subarray(-16);
    if (!checked) {
      head = Buffer.concat([head, chunk]);
      if (head.length < PHOTO_HEAD_BYTES) continue;
      found.type = photoTypeOf(head);
      if (!found.type || !(rule.types as readonly string[]).includes(found.type)) throw wrongType(field);
      checked = true;
      yield head;
      continue;
    }
    yield chunk;
  }
  if (part.truncated()) throw tooLarge(field);
  if (!checked) {
    found.type = photoTypeOf(head);
    if (!found.type || !(rule.types as readonly string[]).includes(found.type)) throw wrongType(field);
    yield head;
  }
  if (!looksComplete(found.type!, head, tail, size)) throw cutOff(field);
}

/** Reads a part to its end and keeps nothing (a replayed retry's body). */
async function drain(part: FilePart): Promise<void> {
  for await (const chunk of part.stream) void chunk;
}

/** The thumbnail as weapp sends it: base64 text in uploadFile's formData (one file per request). */
const THUMBNAIL_TEXT_MAX = Math.ceil((THUMBNAIL_MAX_BYTES * 4) / 3) + 4;

/** A text field's bytes as a one-part stream for the same checks as a file part. */
function textPart(field: Field, base64: string): FilePart {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64))
    throw new DomainError('VALIDATION_ERROR', '缩略图不是有效的 base64', [
      { path: field, message: '不是有效的 base64', code: 'invalid_format' },
    ]);
  return {
    field,
    filename: `${field}.jpg`,
    stream: Readable.from([Buffer.from(base64, 'base64')]),
    truncated: () => false,
  };
}

const UPLOAD_LIMITS = {
  maxFileBytes: PHOTO_MAX_BYTES,
  maxFiles: 2,
  fields: ['file', 'thumbnail'],
  textFields: { thumbnail: THUMBNAIL_TEXT_MAX },
};

/**
 * Issue photos: multipart upload into GridFS (original up to 10 MB plus the thumbnail the phone
 * compressed), per-issue access, audited reads of the original.
 */
export class PhotoService {
  constructor(
    private readonly photos: PhotoRepository,
    private readonly access: IssueAccess,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Stores a photo for an issue the actor reports for (its liaison or steward). With an
   * Idempotency-Key, a retry of an upload that was stored (the phone lost the answer) reads the
   * body to its end and answers the first photo; twins racing meet on the key's unique index,
   * and the loser deletes the files it wrote.
   */
  async upload(
    actor: Actor,
    issueId: string,
    body: MultipartBody,
    uploadKey?: string,
  ): Promise<{ photo: IssuePhoto; replayed: boolean }> {
    const found = await this.access.relationTo(actor, issueId);
    if (!found || !found.relation.forEnterprise) throw new DomainError('NOT_FOUND', '未找到该问题');
    const earlier = uploadKey ? await this.photos.findByUploadKey(actor.id, uploadKey) : null;
    if (earlier) {
      if (earlier.issueId !== issueId)
        throw new DomainError('IDEMPOTENCY_MISMATCH', '该上传编号已用于另一个问题的照片');
      await body.files(drain, UPLOAD_LIMITS, () => undefined);
      return { photo: toView(earlier), replayed: true };
    }
    if ((await this.photos.countForIssue(issueId)) >= PHOTOS_PER_ISSUE)
      throw new DomainError('BUSINESS_RULE', `每个问题最多 ${PHOTOS_PER_ISSUE} 张照片`);
    const stored = new Map<Field, { fileId: string; size: number; type: PhotoType; filename: string }>();
    const save = async (part: FilePart) => {
      const field = part.field as Field;
      if (stored.has(field)) throw new DomainError('VALIDATION_ERROR', `字段 ${field} 只能有一个文件`);
      const seen = { type: null as PhotoType | null };
      const saved = await this.photos.saveFile(checkedBytes(part, field, seen), {
        filename: part.filename.slice(0, 120),
        contentType: 'application/octet-stream',
        issueId,
      });
      stored.set(field, { ...saved, type: seen.type!, filename: part.filename.slice(0, 120) });
    };
    let thumbText: string | null = null;
    try {
      await body.files(save, UPLOAD_LIMITS, (_field, value) => {
        thumbText = value;
      });
      if (thumbText !== null) await save(textPart('thumbnail', thumbText));
      const original = stored.get('file');
      if (!original)
        throw new DomainError('VALIDATION_ERROR', '缺少照片文件', [
          { path: 'file', message: '请选择照片', code: 'required' },
        ]);
      const thumb = stored.get('thumbnail');
      const rec = await this.photos.create(
        {
          issueId,
          enterpriseId: found.issue.enterpriseId,
          uploaderId: actor.id,
          filename: original.filename,
          contentType: original.type,
          size: original.size,
          fileId: original.fileId,
          thumbnail: thumb ? { fileId: thumb.fileId, contentType: thumb.type, size: thumb.size } : null,
          createdAt: this.clock.now(),
        },
        uploadKey,
      );
      if (rec === 'duplicate') {
        for (const s of stored.values()) await this.photos.deleteFile(s.fileId);
        const winner = await this.photos.findByUploadKey(actor.id, uploadKey!);
        return { photo: toView(winner!), replayed: true };
      }
      return { photo: toView(rec), replayed: false };
    } catch (err) {
      for (const s of stored.values()) await this.photos.deleteFile(s.fileId);
      throw err;
    }
  }

  async list(actor: Actor, issueId: string): Promise<{ items: IssuePhoto[] }> {
    const found = await this.access.relationTo(actor, issueId);
    if (!found) throw new DomainError('NOT_FOUND', '未找到该问题');
    return { items: (await this.photos.listForIssue(issueId)).map(toView) };
  }

  /** The original, for whoever may see the issue; every read is appended to the audit log first. */
  async original(actor: Actor, id: string, requestId: string | null): Promise<RawResponse> {
    const photo = await this.visible(actor, id);
    await this.audit.append({
      at: this.clock.now(),
      actorId: actor.id,
      action: 'photo.read',
      subjectType: 'issue_photo',
      subjectId: photo.id,
      fields: [`issue:${photo.issueId}`],
      requestId,
    });
    return { raw: true, contentType: photo.contentType, body: this.photos.openFile(photo.fileId) };
  }

  /** The phone-made thumbnail for lists (not audited: it is what the list shows everyone who sees it). */
  async thumbnail(actor: Actor, id: string): Promise<RawResponse> {
    const photo = await this.visible(actor, id);
    if (!photo.thumbnail) throw new DomainError('NOT_FOUND', '该照片没有缩略图');
    return {
      raw: true,
      contentType: photo.thumbnail.contentType,
      body: this.photos.openFile(photo.thumbnail.fileId),
    };
  }

  private async visible(actor: Actor, id: string): Promise<PhotoRecord> {
    const photo = await this.photos.findById(id);
    const found = photo ? await this.access.relationTo(actor, photo.issueId) : null;
    if (!photo || !found) throw new DomainError('NOT_FOUND', '未找到该照片');
    return photo;
  }
}

function toView(r: PhotoRecord): IssuePhoto {
  return {
    id: r.id,
    issueId: r.issueId,
    contentType: r.contentType,
    size: r.size,
    filename: r.filename,
    hasThumbnail: r.thumbnail !== null,
  };
}
