import { allowedIssueActions, type IssueAction } from '@fugong/domain';
import type { Actor } from '../../auth/actor';
import { hasRole } from '../../auth/actor';
import type { IssueRecord } from './issue.repository';

/** How the caller relates to one issue; decided once per request from the scope services. */
export interface IssueRelation {
  /** The command (指挥部): sees and may steer everything. */
  command: boolean;
  /** The enterprise's liaison or its current steward. */
  forEnterprise: boolean;
  /** The steward of the enterprise (accepts and dispatches). */
  steward: boolean;
  /** An officer of the department the issue currently sits with. */
  department: boolean;
}

/** Who may do what, on top of the state machine (which decides when). */
const ACTION_RULES: Record<IssueAction, (r: IssueRelation) => boolean> = {
  accept: (r) => r.command || r.steward,
  dispatch: (r) => r.command || r.steward,
  transfer: (r) => r.command || r.department,
  answer: (r) => r.command || r.department,
  confirm: (r) => r.forEnterprise,
  reopen: (r) => r.forEnterprise,
};

/** The relation of an actor to an issue, given whether they act for its enterprise as liaison/steward. */
export function relationOf(
  actor: Actor,
  issue: IssueRecord,
  ctx: { forEnterprise: boolean; steward: boolean },
): IssueRelation {
  return {
    command: hasRole(actor, 'admin'),
    forEnterprise: ctx.forEnterprise,
    steward: ctx.steward,
    department:
      hasRole(actor, 'officer') && actor.departmentId !== null && actor.departmentId === issue.departmentCode,
  };
}

/** True when the relation lets the actor see the issue at all. */
export function canSee(r: IssueRelation): boolean {
  return r.command || r.forEnterprise || r.department;
}

/** True when the actor may perform the action (ignoring state; the state machine adds that). */
export function mayPerform(r: IssueRelation, action: IssueAction): boolean {
  return ACTION_RULES[action](r);
}

/** The actions both the state and the caller's relation allow: what the page shows as buttons. */
export function actionsFor(r: IssueRelation, issue: IssueRecord): IssueAction[] {
  // An officer answers only what is dispatched to them; answering from accepted/reopened is the command's shortcut.
  return allowedIssueActions(issue.state).filter(
    (a) => mayPerform(r, a) && !(a === 'answer' && !r.command && issue.state !== 'dispatched'),
  );
}

/** The role label written into the timeline for this actor's part. */
export function timelineRole(r: IssueRelation, actor: Actor): string {
  if (r.department) return 'officer';
  if (r.steward) return 'steward';
  if (r.forEnterprise && hasRole(actor, 'liaison')) return 'liaison';
  if (r.command) return 'admin';
  return actor.roles[0] ?? 'unknown';
}
