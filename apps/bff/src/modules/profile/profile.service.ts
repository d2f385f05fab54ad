import { maskIdNumber, maskPhone, type Profile, type ProfileFull, type Role } from '@fugong/contracts';
import type { z } from 'zod';
import type { profileUpdateSchema, roleGrantSchema } from '@fugong/contracts';
import type { Actor } from '../../auth/actor';
import type { Clock } from '../../clock';
import type { PiiCipher } from '../../crypto/pii';
import type { AuditRepository } from '../../audit/audit.repository';
import { DomainError, notFound } from '../../errors';
import type { PersonRecord, ProfileRepository } from './profile.repository';

/** The slice of the enterprise registry (the enterprises module) that profiles and trips need. */
export interface EnterpriseLookup {
  findById(id: string): Promise<{ id: string; name: string } | null>;
  listByIds(ids: string[]): Promise<Array<{ id: string; name: string }>>;
  /** A liaison's firm named in a bulk-grant sheet by its 统一社会信用代码. */
  findByCreditCode(creditCode: string): Promise<{ id: string; name: string } | null>;
}

/** Worker profile, masked by default; full reads go through audited methods only. */
export class ProfileService {
  constructor(
    private readonly repo: ProfileRepository,
    private readonly enterprises: EnterpriseLookup,
    private readonly pii: PiiCipher,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
  ) {}

  async get(actor: Actor): Promise<Profile> {
    return this.view(await this.mustFind(actor.id));
  }

  /**
   * One guarded write (see ProfileRepository.saveProfile): the rules that depend on what is on
   * file (a liaison keeps their enterprise, a first save carries the ID number) are in its
   * filter, so a save that applies needs no read before it. Only a refused save reads the
   * person, to say why, in the order the rules are listed.
   */
  async update(actor: Actor, input: z.output<typeof profileUpdateSchema>): Promise<Profile> {
    if (input.enterpriseId && !(await this.enterprises.findById(input.enterpriseId))) {
      this.refuseMove(await this.mustFind(actor.id), input);
      throw notFound('该企业');
    }
    const idNumber = input.idNumber;
    const id = idNumber
      ? { idNumberEnc: this.pii.encrypt(idNumber), idNumberHash: this.pii.lookupHash(idNumber) }
      : null;
    const save = { name: input.name, id, homeRegion: input.homeRegion, enterpriseId: input.enterpriseId };
    // A second try only when the person changed between the refused write and the read.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const saved = await this.repo.saveProfile(actor.id, save);
      if (saved) return this.view(saved);
      const current = await this.mustFind(actor.id);
      this.refuseMove(current, input);
      if (!idNumber && !current.idNumberEnc) throw idNumberMissing();
    }
    throw new DomainError('CONFLICT', '账号状态已变化，请重试');
  }

  /** A liaison's enterprise is their authorization scope: only an admin may move it. */
  private refuseMove(current: PersonRecord, input: { enterpriseId: string | null }): void {
    if (current.roles.includes('liaison') && input.enterpriseId !== current.enterpriseId) {
      throw new DomainError('FORBIDDEN', '企业联络员的所属企业由管理员设置');
    }
  }

  /** The worker reads their own full ID number and phone; the read is audited all the same. */
  async fullSelf(actor: Actor, requestId: string): Promise<ProfileFull> {
    return this.full(actor, actor.id, requestId);
  }

  /** An admin reads someone's full personal data (e.g. an epidemic trace); always audited. */
  async full(actor: Actor, userId: string, requestId: string): Promise<ProfileFull> {
    const p = await this.repo.findById(userId);
    if (!p) throw notFound('该用户');
    // Written before the data leaves: if the audit write fails, nothing is disclosed.
    await this.audit.append({
      at: this.clock.now(),
      actorId: actor.id,
      action: 'pii.read',
      subjectType: 'user',
      subjectId: userId,
      fields: ['phone', 'idNumber'],
      requestId,
    });
    return {
      id: p.id,
      name: p.name,
      phone: p.phoneEnc ? this.pii.decrypt(p.phoneEnc) : null,
      idNumber: p.idNumberEnc ? this.pii.decrypt(p.idNumberEnc) : null,
    };
  }

  async findByPhone(phone: string): Promise<Profile> {
    const p = await this.repo.findByPhoneHash(this.pii.lookupHash(phone));
    if (!p) throw notFound('该手机号对应的用户');
    return this.view(p);
  }

  async grantRoles(
    actor: Actor,
    userId: string,
    g: z.output<typeof roleGrantSchema>,
    requestId: string,
  ): Promise<Profile> {
    if (g.enterpriseId && !(await this.enterprises.findById(g.enterpriseId))) throw notFound('该企业');
    if (userId === actor.id && !g.roles.includes('admin')) {
      throw new DomainError('BUSINESS_RULE', '不能取消自己的指挥部（管理员）角色');
    }
    const roles = [...new Set<Role>(g.roles)];
    const saved = await this.repo.setRoles(userId, roles, g.enterpriseId, g.departmentId);
    if (!saved) throw notFound('该用户');
    await this.audit.append({
      at: this.clock.now(),
      actorId: actor.id,
      action: 'roles.grant',
      subjectType: 'user',
      subjectId: userId,
      fields: roles,
      requestId,
    });
    return this.view(saved);
  }

  private async mustFind(id: string): Promise<PersonRecord> {
    const p = await this.repo.findById(id);
    if (!p) throw new DomainError('UNAUTHENTICATED', '账号不存在，请重新登录');
    return p;
  }

  private async view(p: PersonRecord): Promise<Profile> {
    const ent = p.enterpriseId ? await this.enterprises.findById(p.enterpriseId) : null;
    return {
      id: p.id,
      name: p.name,
      phoneMasked: p.phoneEnc ? maskPhone(this.pii.decrypt(p.phoneEnc)) : null,
      idNumberMasked: p.idNumberEnc ? maskIdNumber(this.pii.decrypt(p.idNumberEnc)) : null,
      homeRegion: p.homeRegion
        ? { province: p.homeRegion.province, city: p.homeRegion.city, county: p.homeRegion.county }
        : null,
      enterprise: ent ? { id: ent.id, name: ent.name } : null,
      roles: p.roles,
      complete: Boolean(p.name && p.idNumberEnc && p.homeRegion),
    };
  }
}

/** A first save must carry the ID number; later saves may leave it out to keep the one on file. */
function idNumberMissing(): DomainError {
  return new DomainError('VALIDATION_ERROR', '请填写身份证号', [
    { path: 'idNumber', message: '请填写 18 位身份证号', code: 'required' },
  ]);
}
