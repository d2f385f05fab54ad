import { departmentName, pageLink, SHARED_PAGES } from '@fugong/contracts';
import type { NewAlert } from './alert.repository';
import type { DepartmentHeadRepository } from './department-head.repository';

/**
 * A reminder or escalation the issue sweep recorded, as far as delivering it needs (the sweep's
 * own alert type is wider; the container connects the two).
 */
export interface IssueAlert {
  type: 'reminded' | 'escalated';
  clock: 'firstResponse' | 'progress' | 'resolution';
  clockLabel: string;
  note: string;
  issue: {
    id: string;
    number: string;
    enterpriseId: string;
    enterpriseName: string;
    description: string;
    departmentCode: string | null;
  };
}

/** Who works an issue, as the alerts need to know: read live from the enterprise side. */
export interface AlertPeople {
  /** Officers holding a department's queue. */
  officersOf(departmentCode: string): Promise<string[]>;
  /** The steward assigned to the enterprise now, if any. */
  stewardOf(enterpriseId: string): Promise<string | null>;
}

interface Target {
  userId: string;
  label: string;
  kind: 'issue_reminder' | 'issue_escalated' | 'issue_overdue';
}

/**
 * The people an alert reaches: before a deadline, whoever must act now — the steward
 * while the issue waits for acceptance, the department's officers once dispatched; after it,
 * the department head (when one is named) and, for any overdue issue of their enterprise, the
 * steward. Nobody is told twice about the same event.
 */
export async function targetsOf(
  a: IssueAlert,
  people: AlertPeople,
  heads: DepartmentHeadRepository,
): Promise<Target[]> {
  const dept = a.clock === 'firstResponse' ? null : a.issue.departmentCode;
  const steward = await people.stewardOf(a.issue.enterpriseId);
  const targets: Target[] = [];
  if (a.type === 'reminded') {
    if (dept) {
      for (const id of await people.officersOf(dept))
        targets.push({ userId: id, label: `${departmentName(dept)}办理人`, kind: 'issue_reminder' });
    } else if (steward) targets.push({ userId: steward, label: '复工管家', kind: 'issue_reminder' });
  } else {
    const head = dept ? await heads.of(dept) : null;
    if (head && dept)
      targets.push({ userId: head.userId, label: `${departmentName(dept)}负责人`, kind: 'issue_escalated' });
    if (steward) targets.push({ userId: steward, label: '复工管家', kind: 'issue_overdue' });
  }
  const seen = new Set<string>();
  return targets.filter((t) => (seen.has(t.userId) ? false : (seen.add(t.userId), true)));
}

/** The outbox rows of an alert: one per target, its id naming the event and the person. */
export function alertsFor(a: IssueAlert, targets: Target[]): NewAlert[] {
  const issue = a.issue;
  const subject = [...issue.description].slice(0, 24).join('');
  const title =
    a.type === 'reminded'
      ? `${a.clockLabel}即将到期：${issue.number}`
      : `${a.clockLabel}已超期：${issue.number}`;
  return targets.map((t) => ({
    id: `issue:${issue.id}:${a.type}:${a.clock}:${t.userId}`,
    userId: t.userId,
    issueId: issue.id,
    recipientLabel: t.label,
    kind: t.kind,
    title,
    body: `${issue.enterpriseName}「${subject}」${a.note}`,
    page: pageLink(SHARED_PAGES.issueDetail, { id: issue.id }),
  }));
}
