import { ATTACHMENT_MAX_BYTES } from '@fugong/contracts';
import type { Actor } from '../../auth/actor';
import { hasRole } from '../../auth/actor';
import type { Clock } from '../../clock';
import { DomainError } from '../../errors';
import type { RawResponse } from '../../http/route';
import type { EnterpriseScope } from '../enterprises';
import type { AttachmentRepository } from './attachment.repository';
import type { IssueRepository } from './issue.repository';

/** The first bytes each accepted type must start with: the extension and the header can lie, these cannot. */
const MAGIC: Record<string, number[]> = {
  'image/jpeg': [0xff, 0xd8, 0xff],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};

/** True when the bytes start with the signature of the declared type. */
export function matchesMagic(data: Buffer, contentType: string): boolean {
  const magic = MAGIC[contentType];
  return !!magic && data.length >= magic.length && magic.every((b, i) => data[i] === b);
}

/**
 * Issue images. Uploaded one per request before the issue is sent (a retry of a failed upload
 * costs one image, not the whole form), at most ATTACHMENT_MAX_BYTES each so a request stays under
 * the BFF's JSON body limit; the phone compresses photos before sending.
 */
export class AttachmentService {
  constructor(
    private readonly repo: AttachmentRepository,
    private readonly issues: IssueRepository,
    private readonly scope: EnterpriseScope,
    private readonly clock: Clock,
  ) {}

  async upload(
    actor: Actor,
    input: { enterpriseId: string; filename: string; contentType: string; dataBase64: string },
  ) {
    if (!(await this.scope.actsForEnterprise(actor, input.enterpriseId)))
      throw new DomainError('FORBIDDEN', '只能为本企业（或您服务的企业）上传图片');
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(input.dataBase64)) {
      throw new DomainError('VALIDATION_ERROR', '图片内容不是有效的 base64', [
        { path: 'dataBase64', message: '不是有效的 base64', code: 'invalid_format' },
      ]);
    }
    const data = Buffer.from(input.dataBase64, 'base64');
    if (data.length > ATTACHMENT_MAX_BYTES) {
      throw new DomainError(
        'ATTACHMENT_TOO_LARGE',
        `图片过大（${Math.ceil(data.length / 1024)} KB），请压缩到 ${ATTACHMENT_MAX_BYTES / 1024} KB 以内`,
        { maxBytes: ATTACHMENT_MAX_BYTES, size: data.length },
      );
    }
    if (!matchesMagic(data, input.contentType))
      throw new DomainError('ATTACHMENT_TYPE_INVALID', '文件内容不是 JPG 或 PNG 图片');
    const rec = await this.repo.create({
      enterpriseId: input.enterpriseId,
      uploaderId: actor.id,
      filename: input.filename,
      contentType: input.contentType,
      size: data.length,
      data,
      createdAt: this.clock.now(),
    });
    return { id: rec.id, contentType: rec.contentType, size: rec.size, filename: rec.filename };
  }

  /** The image bytes, for whoever may see the enterprise — or the officer whose department has the issue. */
  async read(actor: Actor, id: string): Promise<RawResponse> {
    const att = await this.repo.findWithData(id);
    if (!att) throw new DomainError('NOT_FOUND', '未找到该图片');
    let allowed = att.uploaderId === actor.id || (await this.scope.canAccess(actor, att.enterpriseId));
    if (!allowed && hasRole(actor, 'officer') && att.issueId) {
      const issue = await this.issues.findById(att.issueId);
      allowed = !!issue && issue.departmentCode === actor.departmentId;
    }
    if (!allowed) throw new DomainError('NOT_FOUND', '未找到该图片');
    return { raw: true, contentType: att.contentType, body: att.data };
  }
}
