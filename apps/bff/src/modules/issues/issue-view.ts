import { isClockOverdue } from '@fugong/domain';
import type { Issue, IssueDetail } from '@fugong/contracts';
import type { ClockRecord, IssueRecord } from './issue.repository';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function clockView(c: ClockRecord, now: Date) {
  return { dueAt: iso(c.dueAt), metAt: iso(c.metAt), overdue: isClockOverdue(c, now) };
}

/** The list shape of an issue, with the actions this caller may take. */
export function toIssueView(issue: IssueRecord, now: Date, allowedActions: string[]): Issue {
  return {
    id: issue.id,
    number: issue.number,
    enterpriseId: issue.enterpriseId,
    enterpriseName: issue.enterpriseName,
    category: issue.category,
    urgency: issue.urgency,
    description: issue.description,
    attachmentIds: issue.attachmentIds,
    state: issue.state,
    departmentCode: issue.departmentCode,
    answer: issue.answer,
    rating: issue.rating,
    source: issue.source,
    reportedAt: issue.reportedAt.toISOString(),
    clocks: {
      firstResponse: clockView(issue.clocks.firstResponse, now),
      progress: clockView(issue.clocks.progress, now),
      resolution: clockView(issue.clocks.resolution, now),
    },
    escalated: issue.escalated,
    allowedActions,
  };
}

/** The detail shape: the list shape plus the whole timeline, oldest first. */
export function toIssueDetail(issue: IssueRecord, now: Date, allowedActions: string[]): IssueDetail {
  return {
    ...toIssueView(issue, now, allowedActions),
    timeline: issue.timeline.map((e) => ({
      at: e.at.toISOString(),
      type: e.type as IssueDetail['timeline'][number]['type'],
      actorId: e.actorId,
      actorRole: e.actorRole,
      fromState: e.fromState,
      toState: e.toState,
      departmentCode: e.departmentCode,
      note: e.note,
    })),
  };
}
