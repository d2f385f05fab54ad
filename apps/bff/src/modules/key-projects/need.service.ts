import type { z } from 'zod';
import type {
  ActionItem,
  IssueCategory,
  NeedKind,
  ProjectNeed,
  ProjectSession,
  decisionInputSchema,
  needDispatchSchema,
  needInputSchema,
  projectSessionInputSchema,
} from '@fugong/contracts';
import { NEED_KIND_LABELS } from '@fugong/contracts';
import { actionDueProblem, actionItemDue, needHandleDue, type IssueSlaPolicy } from '@fugong/domain';
import { hasRole, type Actor } from '../../auth/actor';
import type { Clock } from '../../clock';
import { DomainError } from '../../errors';
import { isDuplicateKey } from '../../db/errors';
import type { NeedRecord, NeedRepository } from './need.repository';
import type { SessionRecord, SessionRepository } from './session.repository';
import type { ProjectService } from './project.service';
import { steers } from './project-access';
import { toItemView, toNeedView, toSessionView } from './project.view';

/** What a dispatched need becomes: an issue in the issues module, dispatched to one department. */
export interface NeedIssueDispatch {
  dispatch(
    actor: Actor,
    issue: {
      enterpriseId: string;
      category: IssueCategory;
      urgency: 'urgent' | 'normal';
      description: string;
      departmentCode: string;
      note: string;
    },
  ): Promise<{ id: string }>;
}

/** The issue category each 服务清单 kind is filed under (so the issue figures count it right). */
const ISSUE_CATEGORY_OF: Record<NeedKind, IssueCategory> = {
  resources: 'permits_land',
  finance: 'funding',
  labour: 'labour',
  logistics: 'logistics',
  materials: 'materials',
  approvals: 'permits_land',
};

export interface NeedServiceDeps {
  needs: NeedRepository;
  sessions: SessionRepository;
  projects: ProjectService;
  issues: NeedIssueDispatch;
  clock: Clock;
  sla: IssueSlaPolicy;
}

const needNotFound = () => new DomainError('NOT_FOUND', '未找到该需求');
const sessionNotFound = () => new DomainError('NOT_FOUND', '未找到该会办');

/** 项目服务清单 and 马上会办: needs, their dispatch or joint session, and the session's action items. */
export class NeedService {
  constructor(private readonly d: NeedServiceDeps) {}

  async raise(
    actor: Actor,
    projectId: string,
    input: z.output<typeof needInputSchema>,
  ): Promise<ProjectNeed> {
    const p = await this.d.projects.visible(actor, projectId);
    const now = this.d.clock.now();
    const n = await this.d.needs.create({
      projectId: p.id,
      projectName: p.name,
      enterpriseId: p.enterpriseId,
      kind: input.kind,
      description: input.description,
      raisedBy: actor.id,
      raisedAt: now,
      handleDueAt: needHandleDue(now, this.d.sla.calendar),
    });
    return toNeedView(n, now);
  }

  async ofProject(actor: Actor, projectId: string): Promise<{ items: ProjectNeed[] }> {
    const p = await this.d.projects.visible(actor, projectId);
    const now = this.d.clock.now();
    return { items: (await this.d.needs.ofProject(p.id)).map((n) => toNeedView(n, now)) };
  }

  /** One department can solve it: an issue dispatched to it, with the issue's own clocks. */
  async dispatch(
    actor: Actor,
    needId: string,
    input: z.output<typeof needDispatchSchema>,
  ): Promise<ProjectNeed> {
    const need = await this.steeredNeed(actor, needId);
    const now = this.d.clock.now();
    const claimed = await this.d.needs.claim(need.id, 'dispatched', now);
    if (!claimed) throw await this.alreadyHandled(need.id);
    let issue: { id: string };
    try {
      issue = await this.d.issues.dispatch(actor, {
        enterpriseId: need.enterpriseId,
        category: ISSUE_CATEGORY_OF[need.kind],
        urgency: input.urgency,
        description: `【重点项目·${NEED_KIND_LABELS[need.kind]}】${need.projectName}：${need.description}`,
        departmentCode: input.departmentCode,
        note: input.note,
      });
    } catch (err) {
      await this.d.needs.release(need.id, 'dispatched');
      throw err;
    }
    await this.d.needs.link(need.id, { issueId: issue.id });
    return toNeedView({ ...claimed, issueId: issue.id }, now);
  }

  /** 马上会办: several departments convened on one need; one session per need. */
  async convene(actor: Actor, input: z.output<typeof projectSessionInputSchema>): Promise<ProjectSession> {
    const need = await this.steeredNeed(actor, input.needId);
    const now = this.d.clock.now();
    const claimed = await this.d.needs.claim(need.id, 'convened', now);
    if (!claimed) throw await this.alreadyHandled(need.id);
    let s: SessionRecord;
    try {
      s = await this.d.sessions.create({
        projectId: need.projectId,
        projectName: need.projectName,
        needId: need.id,
        topic: input.topic,
        departments: input.departments,
        convenedBy: actor.id,
        convenedAt: now,
      });
    } catch (err) {
      await this.d.needs.release(need.id, 'convened');
      if (isDuplicateKey(err)) throw await this.alreadyHandled(need.id);
      throw err;
    }
    await this.d.needs.link(need.id, { sessionId: s.id });
    return toSessionView(s, []);
  }

  async session(actor: Actor, id: string): Promise<ProjectSession> {
    const s = await this.visibleSession(actor, id);
    return this.sessionView(s);
  }

  /** Records a decision and its tasks: each owned by one convened department, due on a real day. */
  async decide(
    actor: Actor,
    id: string,
    input: z.output<typeof decisionInputSchema>,
  ): Promise<ProjectSession> {
    const s = await this.visibleSession(actor, id);
    const p = await this.d.projects.findById(s.projectId);
    if (!steers(actor, p)) throw new DomainError('FORBIDDEN', '会办决定由代办负责人、联络员或发改委记录');
    const now = this.d.clock.now();
    const problems = input.actionItems.flatMap((item, i) => {
      const out: { path: string; message: string; code: string }[] = [];
      if (!s.departments.includes(item.departmentCode))
        out.push({
          path: `actionItems.${i}.departmentCode`,
          message: '责任部门须为参加会办的部门',
          code: 'not_convened',
        });
      const due = actionDueProblem(item.dueDate, now);
      if (due) out.push({ path: `actionItems.${i}.dueDate`, message: due, code: 'due_out_of_range' });
      return out;
    });
    if (problems.length) throw new DomainError('VALIDATION_ERROR', problems[0].message, problems);
    const updated = await this.d.sessions.addDecision(s.id, { text: input.text, at: now, by: actor.id });
    if (!updated)
      throw new DomainError('INVALID_TRANSITION', '该会办已办结，不能再记录决定', { status: 'closed' });
    await this.d.sessions.insertItems(
      input.actionItems.map((item) => ({
        sessionId: s.id,
        projectId: s.projectId,
        projectName: s.projectName,
        departmentCode: item.departmentCode,
        task: item.task,
        dueAt: actionItemDue(item.dueDate),
        createdAt: now,
      })),
    );
    return this.sessionView(updated);
  }

  /** An officer's department's items; the command sees every department's. */
  async myActions(actor: Actor): Promise<{ items: ActionItem[] }> {
    if (!hasRole(actor, 'admin') && !actor.departmentId) return { items: [] };
    const items = await this.d.sessions.itemsOfDepartment(
      hasRole(actor, 'admin') ? null : actor.departmentId,
    );
    const now = this.d.clock.now();
    return { items: items.map((i) => toItemView(i, now, this.d.sla.reminderLeadHours)) };
  }

  /**
   * The owning department closes its item (guarded: a second close is a 409, one effect). When the
   * last open item of a session closes, the session closes and its need is resolved — each once.
   */
  async closeAction(actor: Actor, id: string, note: string): Promise<ActionItem> {
    const item = await this.d.sessions.findItem(id);
    const mine = item && hasRole(actor, 'officer') && actor.departmentId === item.departmentCode;
    if (!item || !mine) throw new DomainError('NOT_FOUND', '未找到本部门的该项任务');
    const now = this.d.clock.now();
    const closed = await this.d.sessions.closeItem(id, item.departmentCode, actor.id, now, note);
    if (!closed)
      throw new DomainError('INVALID_TRANSITION', '该任务已办结', { state: 'closed', allowed: [] });
    if (
      (await this.d.sessions.openItemCount(item.sessionId)) === 0 &&
      (await this.d.sessions.closeSession(item.sessionId, now))
    ) {
      const s = await this.d.sessions.findById(item.sessionId);
      if (s) await this.d.needs.resolve(s.needId, now);
    }
    return toItemView(closed, now, this.d.sla.reminderLeadHours);
  }

  /** The escalation sweep: open items past their deadline are marked for the command, each once. */
  async escalateOverdue(): Promise<number> {
    return this.d.sessions.escalateOverdue(this.d.clock.now());
  }

  private async sessionView(s: SessionRecord): Promise<ProjectSession> {
    const now = this.d.clock.now();
    const items = await this.d.sessions.itemsOf(s.id);
    return toSessionView(
      s,
      items.map((i) => toItemView(i, now, this.d.sla.reminderLeadHours)),
    );
  }

  /** Staff of the project and officers of a convened department may open a session. */
  private async visibleSession(actor: Actor, id: string): Promise<SessionRecord> {
    const s = await this.d.sessions.findById(id);
    if (!s) throw sessionNotFound();
    const convened =
      hasRole(actor, 'officer') && !!actor.departmentId && s.departments.includes(actor.departmentId);
    if (convened) return s;
    const p = await this.d.projects.findById(s.projectId);
    if (!steers(actor, p)) throw sessionNotFound();
    return s;
  }

  private async steeredNeed(actor: Actor, needId: string): Promise<NeedRecord> {
    const need = await this.d.needs.findById(needId);
    if (!need) throw needNotFound();
    await this.d.projects.steered(actor, need.projectId);
    return need;
  }

  private async alreadyHandled(id: string): Promise<DomainError> {
    const fresh = await this.d.needs.findById(id);
    return new DomainError('INVALID_TRANSITION', '该需求已派单或已列入会办', {
      status: fresh?.status ?? null,
      allowed: [],
    });
  }
}
