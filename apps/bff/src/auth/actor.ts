import type { Role } from '@fugong/contracts';

/**
 * The signed-in person as services see them: identity, roles and the scope those roles are
 * bound to. Services take an Actor, never a Koa context.
 */
export interface Actor {
  id: string;
  roles: Role[];
  enterpriseId: string | null;
  departmentId: string | null;
}

/** True when the actor holds any of the roles. */
export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((r) => actor.roles.includes(r));
}
