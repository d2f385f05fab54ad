import {
  SUBSIDY_IMPORT_POLICY,
  SUBSIDY_PAYING_DEPARTMENT,
  SUBSIDY_POLICIES,
  SUBSIDY_POLICY_DEPARTMENTS,
  type SubsidyPolicyCode,
} from '@fugong/contracts';
import { hasRole, type Actor } from '../../auth/actor';
import { DomainError } from '../../errors';

/**
 * Who may do what with a policy's lists. The role check (officer/admin) is in the policy table;
 * this is the record check: an officer works only the policies of their own department — the
 * lead department (人社局, 交通局 for charters) computes, reviews and publishes, 财政局 pays, and
 * the command (admin) may read everything but decides nothing.
 */
export function readablePolicies(actor: Actor): SubsidyPolicyCode[] {
  if (hasRole(actor, 'admin')) return [...SUBSIDY_POLICIES];
  if (!hasRole(actor, 'officer') || !actor.departmentId) return [];
  return SUBSIDY_POLICIES.filter((p) => SUBSIDY_POLICY_DEPARTMENTS[p].includes(actor.departmentId!));
}

/** A list the actor may not read is answered as not found, so its existence does not leak. */
export function assertReadable(actor: Actor, policy: SubsidyPolicyCode): void {
  if (!readablePolicies(actor).includes(policy)) throw new DomainError('NOT_FOUND', '未找到该名单');
}

/** Computing, reviewing, publishing and deciding objections: the policy's lead department only. */
export function assertManages(actor: Actor, policy: SubsidyPolicyCode): void {
  assertReadable(actor, policy);
  if (!hasRole(actor, 'officer') || actor.departmentId !== SUBSIDY_POLICY_DEPARTMENTS[policy][0])
    throw new DomainError('FORBIDDEN', '只有该政策的主管部门可以办理');
}

/** Payment lists and marking payments: 财政局 only. */
export function assertPays(actor: Actor, policy: SubsidyPolicyCode): void {
  assertReadable(actor, policy);
  if (!hasRole(actor, 'officer') || actor.departmentId !== SUBSIDY_PAYING_DEPARTMENT)
    throw new DomainError('FORBIDDEN', '支付由财政局办理');
}

/** Which policy an import kind feeds: its lead department may import it. */
export const IMPORT_POLICY = SUBSIDY_IMPORT_POLICY;
