import type { IssueCategory, IssueState, IssueUrgency } from '@fugong/contracts';
import { HOUR_MS } from '../time/china-day';
import { addWorkingDays, type WorkCalendar } from '../calendar/working-days';

/**
 * How long each of the three clocks runs (事事有回音、件件有着落). All configurable; the defaults
 * follow the issue: dispatched work is due in 24 h when urgent or a policy question, else in 3
 * working days.
 */
export interface IssueSlaPolicy {
  /** Submitted → accepted (first response), in hours. */
  firstResponseHours: Record<IssueUrgency, number>;
  /** Dispatched → answered (progress). */
  progress: { urgentHours: number; policyHours: number; normalWorkingDays: number };
  /** Reported → confirmed (resolution), in working days. */
  resolutionWorkingDays: Record<IssueUrgency, number>;
  /** A reminder goes out this long before any deadline. */
  reminderLeadHours: number;
  calendar: WorkCalendar;
}

export const DEFAULT_ISSUE_SLA: IssueSlaPolicy = {
  firstResponseHours: { urgent: 4, normal: 24 },
  progress: { urgentHours: 24, policyHours: 24, normalWorkingDays: 3 },
  resolutionWorkingDays: { urgent: 3, normal: 7 },
  reminderLeadHours: 4,
  calendar: { holidays: [] },
};

/** When the issue must have been accepted. */
export function firstResponseDue(reportedAt: Date, urgency: IssueUrgency, policy: IssueSlaPolicy): Date {
  return new Date(reportedAt.getTime() + policy.firstResponseHours[urgency] * HOUR_MS);
}

/** When the department must have answered, counted from dispatch (or transfer). */
export function progressDue(
  dispatchedAt: Date,
  issue: { urgency: IssueUrgency; category: IssueCategory },
  policy: IssueSlaPolicy,
): Date {
  if (issue.urgency === 'urgent')
    return new Date(dispatchedAt.getTime() + policy.progress.urgentHours * HOUR_MS);
  if (issue.category === 'policy')
    return new Date(dispatchedAt.getTime() + policy.progress.policyHours * HOUR_MS);
  return addWorkingDays(dispatchedAt, policy.progress.normalWorkingDays, policy.calendar);
}

/** When the enterprise should have confirmed a solution. */
export function resolutionDue(reportedAt: Date, urgency: IssueUrgency, policy: IssueSlaPolicy): Date {
  return addWorkingDays(reportedAt, policy.resolutionWorkingDays[urgency], policy.calendar);
}

/** When the reminder for a deadline is due. */
export function reminderAt(dueAt: Date, policy: IssueSlaPolicy): Date {
  return new Date(dueAt.getTime() - policy.reminderLeadHours * HOUR_MS);
}

/** A clock as stored: its deadline and when it was met (null while running). */
export interface SlaClock {
  dueAt: Date | null;
  metAt: Date | null;
}

/** Overdue means: still running past its deadline, or met only after it. */
export function isClockOverdue(clock: SlaClock, now: Date): boolean {
  if (!clock.dueAt) return false;
  return (clock.metAt ?? now).getTime() > clock.dueAt.getTime();
}

/**
 * True when any running clock of an unconfirmed issue has passed its deadline (a clock met late
 * no longer counts: the issue has moved on). What a firm's card and a steward's list call 超期.
 */
export function isIssueOverdue(
  issue: { state: IssueState; clocks: Record<string, SlaClock> },
  now: Date,
): boolean {
  if (issue.state === 'confirmed') return false;
  return Object.values(issue.clocks).some((c) => c.metAt === null && isClockOverdue(c, now));
}
