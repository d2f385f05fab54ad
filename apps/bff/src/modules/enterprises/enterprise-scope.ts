import type { Actor } from '../../auth/actor';
import { hasRole } from '../../auth/actor';
import { AppError } from '../../http/app-error';
import type { AssignmentRepository } from '../stewards/assignment.repository';

/**
 * Which enterprises a person may see: the command all of them, a liaison their own, a steward
 * those currently assigned (read live from the assignments, so a reassignment takes effect at
 * once, not at the next sign-in). Services pass the result into their repository queries.
 */
export class EnterpriseScope {
  constructor(private readonly assignments: AssignmentRepository) {}

  async enterpriseIds(actor: Actor): Promise<'all' | string[]> {
    if (hasRole(actor, 'admin')) return 'all';
    const ids = new Set<string>();
    if (hasRole(actor, 'liaison') && actor.enterpriseId) ids.add(actor.enterpriseId);
    if (hasRole(actor, 'steward')) for (const id of await this.assignments.enterpriseIdsOfSteward(actor.id)) ids.add(id);
    return [...ids];
  }

  async canAccess(actor: Actor, enterpriseId: string): Promise<boolean> {
    const ids = await this.enterpriseIds(actor);
    return ids === 'all' || ids.includes(enterpriseId);
  }

  /** Throws FORBIDDEN unless the actor may act for this enterprise. */
  async assertAccess(actor: Actor, enterpriseId: string): Promise<void> {
    if (!(await this.canAccess(actor, enterpriseId))) throw new AppError('FORBIDDEN', '您无权查看或办理该企业的事项');
  }

  /** True when the actor is this enterprise's liaison or its current steward (not merely the command). */
  async actsForEnterprise(actor: Actor, enterpriseId: string): Promise<boolean> {
    if (hasRole(actor, 'liaison') && actor.enterpriseId === enterpriseId) return true;
    if (!hasRole(actor, 'steward')) return false;
    return (await this.assignments.enterpriseIdsOfSteward(actor.id)).includes(enterpriseId);
  }
}
