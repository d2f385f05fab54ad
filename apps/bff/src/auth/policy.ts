import type { Role } from '@fugong/contracts';

/**
 * How a route's records are scoped once the role check has passed. The role check happens in
 * the middleware from this table; the record check happens in the service, which filters by
 * the actor's scope in its repository queries (a liaison's queries always carry their
 * enterpriseId, an officer's their departmentId, a steward's their assigned enterprises).
 */
export type Scope =
  | 'none' // no records involved (health, sign-in)
  | 'self' // only the actor's own records
  | 'enterprise' // liaison: their enterprise; steward: assigned ones; command: all
  | 'department' // officer: their department's queue; command: all
  | 'all'; // any record (command/admin, transport for transport data)

export interface RoutePolicy {
  /** 'public': no session needed; 'any': any signed-in person; otherwise these roles only. */
  roles: 'public' | 'any' | readonly Role[];
  scope: Scope;
}

const ALL: readonly Role[] = ['worker', 'liaison', 'steward', 'officer', 'transport', 'admin'];

/**
 * THE authorization table: every route id → who may call it and how records are scoped.
 * A route without an entry refuses to mount (and the policy test fails), so nothing ships
 * unguarded by omission.
 */
export const POLICY: Record<string, RoutePolicy> = {
  health: { roles: 'public', scope: 'none' },
  ready: { roles: 'public', scope: 'none' },
  openapi: { roles: 'public', scope: 'none' },
  'auth.otp': { roles: 'public', scope: 'none' },
  'auth.phone': { roles: 'public', scope: 'none' },
  'auth.wechat': { roles: 'public', scope: 'none' },
  'auth.refresh': { roles: 'public', scope: 'none' },
  'auth.logout': { roles: ALL, scope: 'self' },
  me: { roles: ALL, scope: 'self' },
};

/** True when a session with these roles may call a route with this policy. */
export function rolesAllow(policy: RoutePolicy, roles: readonly Role[] | null): boolean {
  if (policy.roles === 'public') return true;
  if (!roles) return false;
  if (policy.roles === 'any') return roles.length > 0;
  return policy.roles.some((r) => roles.includes(r));
}
