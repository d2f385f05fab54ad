import type { z } from 'zod';
import {
  maskPhone,
  type Agency,
  type AgencyAccount,
  type agencyGrantSchema,
  type Role,
} from '@fugong/contracts';
import { hasRole, type Actor } from '../../auth/actor';
import type { AuditRepository } from '../../audit/audit.repository';
import type { Clock } from '../../clock';
import { isDuplicateKey } from '../../db/errors';
import { businessRule, conflict, forbidden, notFound } from '../../errors';
import type { AgencyRepository } from './agency.repository';
import { LabourAccess } from './labour-access';
import type { LabourEnterpriseLookup } from './vacancy.service';

/** Who holds which roles, and whose account a phone signs in to: the auth module's records, through the container. */
export interface LabourRoles {
  rolesOf(userId: string): Promise<readonly Role[] | null>;
  userIdByPhone(phone: string): Promise<string | null>;
}

/**
 * 人社局 lets a 人力资源服务机构 act for named firms (seed 000 §一(一)): the agency's account is
 * given the role by the command's console; this is where its firms are named. Audited, because
 * from then on the agency sees those firms' applicants.
 */
export class AgencyService {
  constructor(
    private readonly d: {
      agencies: AgencyRepository;
      enterprises: LabourEnterpriseLookup;
      people: LabourRoles;
      audit: AuditRepository;
      clock: Clock;
    },
  ) {}

  /**
   * The account a phone signs in to, for 人社局 to name its firms: the phone comes back masked (the
   * officer typed it), and the firms it already serves by name.
   */
  async find(actor: Actor, phone: string): Promise<AgencyAccount> {
    this.assertGrantor(actor);
    const userId = await this.d.people.userIdByPhone(phone);
    const roles = userId ? await this.d.people.rolesOf(userId) : null;
    if (!userId || !roles) throw notFound('该手机号的账号');
    const grant = await this.d.agencies.grantOf(userId);
    const firms = await Promise.all(
      (grant?.enterpriseIds ?? []).map((id) => this.d.enterprises.findById(id)),
    );
    return {
      userId,
      phoneMasked: maskPhone(phone),
      isAgency: roles.includes('hr_agency'),
      name: grant?.name ?? null,
      enterprises: firms.flatMap((f) => (f ? [{ id: f.id, name: f.name }] : [])),
    };
  }

  async grant(
    actor: Actor,
    userId: string,
    input: z.output<typeof agencyGrantSchema>,
    requestId: string,
  ): Promise<Agency> {
    this.assertGrantor(actor);
    const roles = await this.d.people.rolesOf(userId);
    if (!roles) throw notFound('该用户');
    if (!roles.includes('hr_agency'))
      throw businessRule('该账号还不是人力资源服务机构，请先由指挥部授予角色', [
        { path: 'userId', message: '该账号没有人力资源服务机构角色' },
      ]);
    const firms = await Promise.all(input.enterpriseIds.map((id) => this.d.enterprises.findById(id)));
    const missing = input.enterpriseIds.filter((_, i) => !firms[i]);
    if (missing.length) throw notFound(`企业（${missing.length} 家）`);
    try {
      const saved = await this.d.agencies.grant(
        userId,
        input.name,
        input.enterpriseIds,
        actor.id,
        this.d.clock.now(),
      );
      await this.d.audit.append({
        at: this.d.clock.now(),
        actorId: actor.id,
        action: 'labour.agency.grant',
        subjectType: 'user',
        subjectId: userId,
        fields: saved.enterpriseIds,
        requestId,
      });
      return saved;
    } catch (err) {
      if (isDuplicateKey(err)) throw conflict('该机构正在被同时指定，请刷新后重试');
      throw err;
    }
  }

  private assertGrantor(actor: Actor): void {
    if (!hasRole(actor, 'admin') && !LabourAccess.isLabourOfficer(actor))
      throw forbidden('人力资源服务机构由人社局指定');
  }
}
