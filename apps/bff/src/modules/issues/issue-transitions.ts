import { departmentName } from '@fugong/contracts';
import { chinaDay, progressDue, type IssueAction, type IssueSlaPolicy } from '@fugong/domain';
import { DomainError } from '../../errors';
import type { IssueRecord } from './issue.repository';

/** The validated body of any lifecycle action (each route's contract decides which fields exist). */
export interface ActionBody {
  note?: string;
  departmentCode?: string;
  reason?: string;
  answer?: string;
  rating?: number;
  comment?: string;
}

const freshClock = (dueAt: Date | null) => ({ dueAt, metAt: null, remindedAt: null, escalatedAt: null });

function formatDue(d: Date): string {
  const local = new Date(d.getTime() + 8 * 3_600_000).toISOString();
  return `${chinaDay(d)} ${local.slice(11, 16)}`;
}

/**
 * The fields an action sets and the note it leaves in the timeline. Transfers restart the
 * progress clock for the receiving department (it could not have started earlier), while the
 * resolution clock keeps running from the report, so ping-pong between departments still shows.
 */
export function buildTransition(
  action: IssueAction,
  issue: IssueRecord,
  body: ActionBody,
  now: Date,
  sla: IssueSlaPolicy,
) {
  switch (action) {
    case 'accept':
      return { set: { 'clocks.firstResponse.metAt': now }, note: body.note ?? '', departmentCode: null };
    case 'dispatch': {
      const due = progressDue(now, issue, sla);
      const set: Record<string, unknown> = {
        departmentCode: body.departmentCode,
        'clocks.progress': freshClock(due),
      };
      return {
        set,
        note: `派至${departmentName(body.departmentCode!)}，限 ${formatDue(due)} 前答复${body.note ? `；${body.note}` : ''}`,
        departmentCode: body.departmentCode!,
      };
    }
    case 'transfer': {
      if (body.departmentCode === issue.departmentCode)
        throw new DomainError('BUSINESS_RULE', '已在该部门办理，无需转办', [
          { path: 'departmentCode', message: '与当前部门相同', code: 'same_department' },
        ]);
      const due = progressDue(now, issue, sla);
      return {
        set: { departmentCode: body.departmentCode, 'clocks.progress': freshClock(due) },
        note: `由${departmentName(issue.departmentCode ?? '')}转至${departmentName(body.departmentCode!)}：${body.reason}`,
        departmentCode: body.departmentCode!,
      };
    }
    case 'answer':
      return {
        set: { answer: body.answer, 'clocks.progress.metAt': now },
        note: body.answer!,
        departmentCode: issue.departmentCode,
      };
    case 'confirm':
      return {
        set: { rating: body.rating, 'clocks.resolution.metAt': now },
        note: `评分 ${body.rating} 分${body.comment ? `：${body.comment}` : ''}`,
        departmentCode: issue.departmentCode,
      };
    case 'reopen':
      return {
        set: { answer: null, 'clocks.progress': freshClock(null) },
        note: body.reason!,
        departmentCode: issue.departmentCode,
      };
  }
}
