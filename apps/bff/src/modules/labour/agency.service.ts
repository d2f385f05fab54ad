import type { z } from 'zod';
import type { Agency, agencyGrantSchema, Role } from '@fugong/contracts';
import { hasRole, type Actor } from '../../auth/actor';
import type { AuditRepository } from '../../audit/audit.repository';
import type { Clock } from '../../clock';
import { isDuplicateKey } from '../../db/errors';
import { businessRule, conflict, forbidden, notFound } from '../../errors';
import type { AgencyRepository } from './agency.repository';
import { LabourAccess } from './labour-access';
import type { LabourEnterpriseLookup } from './vacancy.service';

/** Who holds which roles: the auth module's record, through the container. */
export interface LabourRoles {
  rolesOf(userId: string): Promise<readonly Role[] | null>;
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

  async grant(
    actor: Actor,
    userId: string,
    input: z.output<typeof agencyGrantSchema>,
    requestId: string,
  ): Promise<Agency> {
    if (!hasRole(actor, 'admin') && !LabourAccess.isLabourOfficer(actor))
      throw forbidden('人力资源服务机构由人社局指定');
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
}
