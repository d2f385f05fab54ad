import {
  departmentName,
  type ActionItem,
  type Project,
  type ProjectNeed,
  type ProjectSession,
  type WeeklyReport,
} from '@fugong/contracts';
import { actionItemClock, chinaDay, milestoneLateness, type WorkCalendar } from '@fugong/domain';
import type { ProjectRecord, ReportRecord } from './project.repository';
import type { NeedRecord } from './need.repository';
import type { ActionItemRecord, SessionRecord } from './session.repository';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toProjectView(p: ProjectRecord, now: Date, calendar: WorkCalendar): Project {
  const today = chinaDay(now);
  const milestones = p.milestones.map((m) => ({ ...m, ...milestoneLateness(m, today, calendar) }));
  return {
    id: p.id,
    name: p.name,
    enterpriseId: p.enterpriseId,
    enterpriseName: p.enterpriseName,
    level: p.level,
    kind: p.kind,
    investmentWan: p.investmentWan,
    regionCode: p.regionCode,
    agent: p.agent,
    contact: p.contact,
    milestones,
    lateMilestones: milestones.filter((m) => m.late && m.doneDate === null).length,
    resumed: p.resumed,
    workersOnSite: p.workersOnSite,
    lastReportWeek: p.lastReportWeek,
    createdAt: p.createdAt.toISOString(),
  };
}

export const toReportView = (r: ReportRecord): WeeklyReport => ({
  ...r,
  reportedAt: r.reportedAt.toISOString(),
});

export const toNeedView = (n: NeedRecord, now: Date): ProjectNeed => ({
  id: n.id,
  projectId: n.projectId,
  projectName: n.projectName,
  kind: n.kind,
  description: n.description,
  status: n.status,
  raisedAt: n.raisedAt.toISOString(),
  handleDueAt: n.handleDueAt.toISOString(),
  overdue: (n.handledAt ?? now).getTime() > n.handleDueAt.getTime(),
  issueId: n.issueId,
  sessionId: n.sessionId,
});

export function toItemView(i: ActionItemRecord, now: Date, reminderLeadHours: number): ActionItem {
  return {
    id: i.id,
    sessionId: i.sessionId,
    projectId: i.projectId,
    projectName: i.projectName,
    departmentCode: i.departmentCode,
    departmentName: departmentName(i.departmentCode),
    task: i.task,
    dueAt: i.dueAt.toISOString(),
    state: i.state,
    overdue: actionItemClock(i, now, { reminderLeadHours }).overdue,
    escalatedAt: iso(i.escalatedAt),
    closedAt: iso(i.closedAt),
    closingNote: i.closingNote,
  };
}

export function toSessionView(s: SessionRecord, items: ActionItem[]): ProjectSession {
  return {
    id: s.id,
    projectId: s.projectId,
    projectName: s.projectName,
    needId: s.needId,
    topic: s.topic,
    departments: s.departments.map((code) => ({ code, name: departmentName(code) })),
    status: s.status,
    convenedAt: s.convenedAt.toISOString(),
    closedAt: iso(s.closedAt),
    decisions: s.decisions.map((d) => ({ text: d.text, at: d.at.toISOString() })),
    actionItems: items,
  };
}
