import { hasRole, type Actor } from '../../auth/actor';
import { DomainError } from '../../errors';
import type { DivisionLookup } from '../divisions';
import type { AgencyRepository } from './agency.repository';

/** The department that runs labour services (人社局): grants agencies, reads the figures. */
export const LABOUR_DEPARTMENT = 'rsj';

/**
 * The firms an actor acts for: a liaison their own; an agency those 人社局 granted it (read live,
 * so a withdrawn grant takes effect at once); nobody else any. And where they may place a
 * vacancy, a seeker or a sharing post: in a real county.
 */
export class LabourAccess {
  constructor(
    private readonly agencies: AgencyRepository,
    private readonly divisions: Pick<DivisionLookup, 'knows'>,
  ) {}

  /**
   * Every code must name a county of GB/T 2260: the shared schemas let a province or city through
   * (330000, 330200), but a vacancy, a seeker's home and a sharing post sit in one county.
   */
  assertCounties(codes: string[]): void {
    const unknown = codes.filter((c) => !this.divisions.knows(c, ['county']));
    if (unknown.length > 0)
      throw new DomainError('VALIDATION_ERROR', '行政区划代码不存在', {
        fields: unknown.map((c) => ({
          path: 'regionCode',
          message: `${c} 不是有效的县级行政区划代码`,
          code: 'custom',
        })),
      });
  }

  async firmsOf(actor: Actor): Promise<string[]> {
    const firms: string[] = [];
    if (hasRole(actor, 'liaison') && actor.enterpriseId) firms.push(actor.enterpriseId);
    if (hasRole(actor, 'hr_agency')) firms.push(...(await this.agencies.firmsOf(actor.id)));
    return [...new Set(firms)];
  }

  /** The one firm a write is for: the named one if the actor serves it, else their only one. */
  async firmFor(actor: Actor, named?: string): Promise<string> {
    const firms = await this.firmsOf(actor);
    if (named) {
      if (!firms.includes(named)) throw new DomainError('FORBIDDEN', '您不能为该企业办理');
      return named;
    }
    if (firms.length === 1) return firms[0];
    throw new DomainError('FORBIDDEN', firms.length === 0 ? '您没有可服务的企业' : '请选择企业');
  }

  static isLabourOfficer(actor: Actor): boolean {
    return hasRole(actor, 'officer') && actor.departmentId === LABOUR_DEPARTMENT;
  }
}
