import type { z } from 'zod';
import type {
  milestoneInputSchema,
  Project,
  ProjectLevel,
  projectInputSchema,
  WeeklyReport,
  weeklyReportInputSchema,
} from '@fugong/contracts';
import { chinaDay, reportWeekOf, type WorkCalendar } from '@fugong/domain';
import { hasRole, type Actor } from '../../auth/actor';
import type { Clock } from '../../clock';
import { DomainError } from '../../errors';
import { isDuplicateKey } from '../../db/errors';
import type { ProjectRepository } from './project.repository';
import { keepsRegistry, ownsFirm, projectNotFound, steers, visibleOr404 } from './project-access';
import { toProjectView, toReportView } from './project.view';

/** The registry's view of a firm: a project's owner is a registry enterprise. */
export interface ProjectEnterpriseLookup {
  findById(id: string): Promise<{ id: string; name: string } | null>;
}
/** Staff accounts (代办负责人、联络员 must be stewards or officers). */
export interface ProjectStaffLookup {
  findById(id: string): Promise<{ id: string; name: string | null; roles: string[] } | null>;
}

export interface ProjectServiceDeps {
  projects: ProjectRepository;
  enterprises: ProjectEnterpriseLookup;
  staff: ProjectStaffLookup;
  clock: Clock;
  calendar: WorkCalendar;
}

type ProjectInput = z.output<typeof projectInputSchema>;
type MilestoneInput = z.output<typeof milestoneInputSchema>;
type ReportInput = z.output<typeof weeklyReportInputSchema>;

/** 重点项目: the registry, the 序时进度表 and the 周报. */
export class ProjectService {
  constructor(private readonly d: ProjectServiceDeps) {}

  async create(actor: Actor, input: ProjectInput): Promise<Project> {
    if (!keepsRegistry(actor)) throw new DomainError('FORBIDDEN', '重点项目由发改委（或指挥部）登记');
    const firm = await this.d.enterprises.findById(input.enterpriseId);
    if (!firm) throw new DomainError('NOT_FOUND', '未找到项目单位（企业）');
    const agent = await this.staffMember(input.agentId, 'agentId', '代办负责人');
    const contact = await this.staffMember(input.contactId, 'contactId', '联络员');
    const created = await this.d.projects.create({
      name: input.name,
      enterpriseId: firm.id,
      enterpriseName: firm.name,
      level: input.level,
      kind: input.kind,
      investmentWan: input.investmentWan,
      regionCode: input.regionCode,
      agent,
      contact,
      milestones: input.milestones,
      createdBy: actor.id,
      createdAt: this.d.clock.now(),
    });
    return this.view(created);
  }

  /** Registry keeper: all; staff: the projects they serve; a liaison: their firm's. */
  async list(actor: Actor, q: { level?: ProjectLevel; regionCode?: string }): Promise<{ items: Project[] }> {
    const scope = keepsRegistry(actor)
      ? null
      : { enterpriseId: hasRole(actor, 'liaison') ? actor.enterpriseId : null, staffId: actor.id };
    const items = await this.d.projects.list({ scope, ...q });
    return { items: items.map((p) => this.view(p)) };
  }

  async get(actor: Actor, id: string): Promise<Project> {
    return this.view(visibleOr404(actor, await this.d.projects.findById(id)));
  }

  async addMilestone(actor: Actor, id: string, m: MilestoneInput): Promise<Project> {
    const p = visibleOr404(actor, await this.d.projects.findById(id));
    if (!steers(actor, p)) throw new DomainError('FORBIDDEN', '序时进度表由代办负责人、联络员或发改委维护');
    const updated = await this.d.projects.addMilestone(id, m);
    if (!updated)
      throw new DomainError('BUSINESS_RULE', '进度节点最多 30 个', [{ path: 'title', code: 'too_many' }]);
    return this.view(updated);
  }

  async completeMilestone(actor: Actor, id: string, milestoneId: string, doneDate: string): Promise<Project> {
    const p = visibleOr404(actor, await this.d.projects.findById(id));
    if (!steers(actor, p) && !ownsFirm(actor, p)) throw new DomainError('FORBIDDEN');
    const m = p.milestones.find((x) => x.id === milestoneId);
    if (!m) throw new DomainError('NOT_FOUND', '未找到该进度节点');
    if (doneDate > chinaDay(this.d.clock.now()))
      throw new DomainError('VALIDATION_ERROR', '完成日期不能晚于今天', [
        { path: 'doneDate', message: '完成日期不能晚于今天' },
      ]);
    const updated = await this.d.projects.completeMilestone(id, milestoneId, doneDate);
    if (!updated)
      throw new DomainError('INVALID_TRANSITION', `该节点已于 ${m.doneDate ?? ''} 完成`, {
        doneDate: m.doneDate,
      });
    return this.view(updated);
  }

  /** This week's 周报 by the firm's liaison or the project's staff; one per week (409 for a second). */
  async report(actor: Actor, id: string, input: ReportInput): Promise<WeeklyReport> {
    const p = visibleOr404(actor, await this.d.projects.findById(id));
    if (!ownsFirm(actor, p) && p.agent.id !== actor.id && p.contact.id !== actor.id)
      throw new DomainError('FORBIDDEN', '周报由项目单位联络员或代办负责人、联络员填报');
    const now = this.d.clock.now();
    const weekStart = reportWeekOf(now);
    try {
      const r = await this.d.projects.insertReport({
        projectId: p.id,
        weekStart,
        ...input,
        reportedBy: actor.id,
        reportedAt: now,
      });
      // Only after the week's one report is stored does the project take its state.
      await this.d.projects.applyReport(p.id, weekStart, {
        resumed: input.resumed,
        workersOnSite: input.workersOnSite,
      });
      return toReportView(r);
    } catch (err) {
      if (isDuplicateKey(err))
        throw new DomainError('CONFLICT', `本周（${weekStart} 起）的周报已填报`, { weekStart });
      throw err;
    }
  }

  async reports(actor: Actor, id: string): Promise<{ items: WeeklyReport[] }> {
    const p = visibleOr404(actor, await this.d.projects.findById(id));
    return { items: (await this.d.projects.reportsOf(p.id)).map(toReportView) };
  }

  /** A project the actor steers (for the need service), or 404/403. */
  async steered(actor: Actor, id: string) {
    const p = visibleOr404(actor, await this.d.projects.findById(id));
    if (!steers(actor, p)) throw new DomainError('FORBIDDEN', '由代办负责人、联络员或发改委处理');
    return p;
  }

  async visible(actor: Actor, id: string) {
    return visibleOr404(actor, await this.d.projects.findById(id));
  }

  async findById(id: string) {
    const p = await this.d.projects.findById(id);
    if (!p) throw projectNotFound();
    return p;
  }

  view(p: Parameters<typeof toProjectView>[0]): Project {
    return toProjectView(p, this.d.clock.now(), this.d.calendar);
  }

  private async staffMember(id: string, path: string, what: string) {
    const u = await this.d.staff.findById(id);
    if (!u || !u.roles.some((r) => r === 'steward' || r === 'officer'))
      throw new DomainError('VALIDATION_ERROR', `${what}须为复工管家或部门工作人员`, [
        { path, message: `${what}无效`, code: 'not_staff' },
      ]);
    return { id: u.id, name: u.name ?? what };
  }
}
