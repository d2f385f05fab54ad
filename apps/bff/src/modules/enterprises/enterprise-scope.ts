import type { Actor } from '../../auth/actor';
import { hasRole } from '../../auth/actor';
import { DomainError } from '../../errors';
import type { AssignmentRepository } from '../assignments';
import type { EnterpriseRepository } from './enterprise.repository';

/**
 * Which enterprises a person may see: the command all of them, a liaison their own, a steward
 * those currently assigned (read live from the assignments, so a reassignment takes effect at
 * once, not at the next sign-in). Services pass the result into their repository queries.
 */
export class EnterpriseScope {
  constructor(
    private readonly assignments: AssignmentRepository,
    private readonly enterprises: EnterpriseRepository,
  ) {}

  async enterpriseIds(actor: Actor): Promise<'all' | string[]> {
    if (hasRole(actor, 'admin')) return 'all';
    const ids = new Set<string>();
    if (hasRole(actor, 'liaison') && actor.enterpriseId) ids.add(actor.enterpriseId);
    if (hasRole(actor, 'steward'))
      for (const id of await this.assignments.enterpriseIdsOfSteward(actor.id)) ids.add(id);
    return [...ids];
  }

  async canAccess(actor: Actor, enterpriseId: string): Promise<boolean> {
    const ids = await this.enterpriseIds(actor);
    return ids === 'all' || ids.includes(enterpriseId);
  }

  /**
   * Throws FORBIDDEN unless the actor may act for this enterprise, and NOT_FOUND when it does
   * not exist — so the command asking for an unknown firm hears "no such firm", not an empty list.
   */
  async assertAccess(actor: Actor, enterpriseId: string): Promise<void> {
    const ids = await this.enterpriseIds(actor);
    if (ids !== 'all' && !ids.includes(enterpriseId))
      throw new DomainError('FORBIDDEN', '您无权查看或办理该企业的事项');
    if (ids === 'all') await this.assertExists(enterpriseId);
  }

  /** Throws NOT_FOUND for an enterprise id that is not in the registry. */
  async assertExists(enterpriseId: string): Promise<void> {
    if (!(await this.enterprises.findById(enterpriseId))) throw new DomainError('NOT_FOUND', '未找到该企业');
  }

  /** True when the actor is this enterprise's liaison or its current steward (not merely the command). */
  async actsForEnterprise(actor: Actor, enterpriseId: string): Promise<boolean> {
    if (hasRole(actor, 'liaison') && actor.enterpriseId === enterpriseId) return true;
    if (!hasRole(actor, 'steward')) return false;
    return (await this.assignments.enterpriseIdsOfSteward(actor.id)).includes(enterpriseId);
  }
}
