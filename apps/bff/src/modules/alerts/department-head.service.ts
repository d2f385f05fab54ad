import { departmentName, type DepartmentCode, type DepartmentHead } from '@fugong/contracts';
import type { Actor } from '../../auth/actor';
import type { AuditRepository } from '../../audit/audit.repository';
import type { Clock } from '../../clock';
import { businessRule, notFound } from '../../errors';
import type { DepartmentHeadRecord, DepartmentHeadRepository } from './department-head.repository';

/** What the service needs to know of a person: roles, department and name. */
export type StaffLookup = (
  userId: string,
) => Promise<{ name: string | null; roles: string[]; departmentId: string | null } | null>;

/** The command names each department's head; escalations of that department's issues reach them. */
export class DepartmentHeadService {
  constructor(
    private readonly heads: DepartmentHeadRepository,
    private readonly staffOf: StaffLookup,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<{ items: DepartmentHead[] }> {
    const all = await this.heads.all();
    return { items: await Promise.all(all.map((h) => this.view(h))) };
  }

  /** Only an officer of that same department can be its head; the choice is audited. */
  async set(actor: Actor, code: DepartmentCode, userId: string, requestId: string): Promise<DepartmentHead> {
    const person = await this.staffOf(userId);
    if (!person) throw notFound('该用户');
    if (!person.roles.includes('officer') || person.departmentId !== code)
      throw businessRule(`负责人须是${departmentName(code)}的部门办理人`, {
        departmentId: person.departmentId,
      });
    const saved = await this.heads.set(code, userId, actor.id, this.clock.now());
    await this.audit.append({
      at: this.clock.now(),
      actorId: actor.id,
      action: 'departments.head.set',
      subjectType: 'department',
      subjectId: code,
      fields: [userId],
      requestId,
    });
    return { ...(await this.view(saved)), name: person.name };
  }

  private async view(h: DepartmentHeadRecord): Promise<DepartmentHead> {
    return {
      departmentCode: h.departmentCode as DepartmentCode,
      userId: h.userId,
      name: (await this.staffOf(h.userId))?.name ?? null,
      setAt: h.setAt.toISOString(),
    };
  }
}
