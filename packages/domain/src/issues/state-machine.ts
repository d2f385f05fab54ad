import type { IssueState } from '@fugong/contracts';

/** What can be done to an issue. `transfer` keeps it dispatched but changes the department. */
export type IssueAction = 'accept' | 'dispatch' | 'transfer' | 'answer' | 'confirm' | 'reopen';

/**
 * THE issue lifecycle (派单 → 答复 → 确认). `answer` from accepted/reopened exists so the command can
 * reply to a policy question (or a batch of 共性问题) without a round trip through a department.
 */
const TRANSITIONS: Record<IssueState, Partial<Record<IssueAction, IssueState>>> = {
  submitted: { accept: 'accepted' },
  accepted: { dispatch: 'dispatched', answer: 'answered' },
  dispatched: { transfer: 'dispatched', answer: 'answered' },
  answered: { confirm: 'confirmed', reopen: 'reopened' },
  reopened: { dispatch: 'dispatched', answer: 'answered' },
  confirmed: {},
};

/** States in which an issue still needs somebody to act. */
export const OPEN_ISSUE_STATES: readonly IssueState[] = [
  'submitted',
  'accepted',
  'dispatched',
  'answered',
  'reopened',
];

/** Thrown for an action the current state does not allow; carries the allowed ones. */
export class InvalidTransitionError extends Error {
  readonly code = 'INVALID_TRANSITION' as const;
  constructor(
    readonly from: IssueState,
    readonly action: IssueAction,
    readonly allowed: IssueAction[],
  ) {
    super(`cannot ${action} an issue that is ${from}`);
    this.name = 'InvalidTransitionError';
  }
}

/** The actions the state allows, in lifecycle order. */
export function allowedIssueActions(from: IssueState): IssueAction[] {
  return Object.keys(TRANSITIONS[from]) as IssueAction[];
}

/** The state an action leads to, or an InvalidTransitionError naming what is allowed instead. */
export function nextIssueState(from: IssueState, action: IssueAction): IssueState {
  const to = TRANSITIONS[from][action];
  if (!to) throw new InvalidTransitionError(from, action, allowedIssueActions(from));
  return to;
}

/** Every state an action may start from: the guard of the atomic update that performs it. */
export function statesAllowing(action: IssueAction): IssueState[] {
  return (Object.keys(TRANSITIONS) as IssueState[]).filter((s) => TRANSITIONS[s][action] !== undefined);
}
