import { Types, type Model } from 'mongoose';
import { oid } from '../../db/ids';
import type { ProjectLevel } from '@fugong/contracts';
import type { ProjectDoc } from './project.model';
import type { ReportDoc } from './report.model';
import type { Connection } from 'mongoose';
import { projectModel } from './project.model';
import { reportModel } from './report.model';

export type ProjectRecord = Omit<
  ProjectDoc,
  '_id' | 'enterpriseId' | 'agent' | 'contact' | 'milestones' | 'createdBy'
> & {
  id: string;
  enterpriseId: string;
  agent: { id: string; name: string };
  contact: { id: string; name: string };
  milestones: { id: string; title: string; plannedDate: string; doneDate: string | null }[];
};
export type ReportRecord = Omit<ReportDoc, '_id' | 'projectId' | 'reportedBy'> & {
  id: string;
  projectId: string;
};

const valid = (id: string) => Types.ObjectId.isValid(id);

function toProject(d: ProjectDoc): ProjectRecord {
  return {
    id: d._id.toHexString(),
    name: d.name,
    enterpriseId: d.enterpriseId.toHexString(),
    enterpriseName: d.enterpriseName,
    level: d.level,
    kind: d.kind,
    investmentWan: d.investmentWan,
    regionCode: d.regionCode,
    agent: { id: d.agent.id.toHexString(), name: d.agent.name },
    contact: { id: d.contact.id.toHexString(), name: d.contact.name },
    milestones: (d.milestones ?? []).map((m) => ({
      id: m._id.toHexString(),
      title: m.title,
      plannedDate: m.plannedDate,
      doneDate: m.doneDate ?? null,
    })),
    resumed: d.resumed,
    workersOnSite: d.workersOnSite,
    lastReportWeek: d.lastReportWeek ?? null,
    createdAt: d.createdAt,
  };
}

const toReport = (d: ReportDoc): ReportRecord => ({
  id: d._id.toHexString(),
  projectId: d.projectId.toHexString(),
  weekStart: d.weekStart,
  done: d.done,
  next: d.next,
  resumed: d.resumed,
  workersOnSite: d.workersOnSite,
  reportedAt: d.reportedAt,
});

export interface ProjectFilter {
  /** null: every project (the registry keeper and the command). */
  scope: null | { enterpriseId: string | null; staffId: string };
  level?: ProjectLevel;
  regionCode?: string;
}

export const MAX_MILESTONES = 30;
const LIST_LIMIT = 200;

export class ProjectRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): ProjectRepository {
    return new ProjectRepository(projectModel(conn), reportModel(conn));
  }

  constructor(
    private readonly projects: Model<ProjectDoc>,
    private readonly reports: Model<ReportDoc>,
  ) {}

  async create(p: {
    name: string;
    enterpriseId: string;
    enterpriseName: string;
    level: ProjectDoc['level'];
    kind: ProjectDoc['kind'];
    investmentWan: number;
    regionCode: string;
    agent: { id: string; name: string };
    contact: { id: string; name: string };
    milestones: { title: string; plannedDate: string }[];
    createdBy: string;
    createdAt: Date;
  }): Promise<ProjectRecord> {
    const doc = await this.projects.create({
      ...p,
      enterpriseId: oid(p.enterpriseId),
      agent: { id: oid(p.agent.id), name: p.agent.name },
      contact: { id: oid(p.contact.id), name: p.contact.name },
      milestones: p.milestones.map((m) => ({ ...m, doneDate: null })),
      createdBy: oid(p.createdBy),
    });
    return toProject(doc.toObject() as ProjectDoc);
  }

  async findById(id: string): Promise<ProjectRecord | null> {
    if (!valid(id)) return null;
    const doc = await this.projects.findById(id).lean<ProjectDoc>();
    return doc ? toProject(doc) : null;
  }

  async list(f: ProjectFilter): Promise<ProjectRecord[]> {
    const q: Record<string, unknown> = {};
    if (f.scope) {
      const or: Record<string, unknown>[] = [
        { 'agent.id': oid(f.scope.staffId) },
        { 'contact.id': oid(f.scope.staffId) },
      ];
      if (f.scope.enterpriseId) or.push({ enterpriseId: oid(f.scope.enterpriseId) });
      q.$or = or;
    }
    if (f.level) q.level = f.level;
    if (f.regionCode) q.regionCode = f.regionCode;
    const docs = await this.projects.find(q).sort({ createdAt: -1 }).limit(LIST_LIMIT).lean<ProjectDoc[]>();
    return docs.map(toProject);
  }

  /** Adds a node while the table has room: the size guard is in the filter, so two adds cannot pass 30. */
  async addMilestone(id: string, m: { title: string; plannedDate: string }): Promise<ProjectRecord | null> {
    const doc = await this.projects
      .findOneAndUpdate(
        { _id: oid(id), [`milestones.${MAX_MILESTONES - 1}`]: { $exists: false } },
        { $push: { milestones: { _id: new Types.ObjectId(), ...m, doneDate: null } } },
        { returnDocument: 'after' },
      )
      .lean<ProjectDoc>();
    return doc ? toProject(doc) : null;
  }

  /** Marks a node done once: the open state is in the filter, so a second tap changes nothing. */
  async completeMilestone(id: string, milestoneId: string, doneDate: string): Promise<ProjectRecord | null> {
    const doc = await this.projects
      .findOneAndUpdate(
        { _id: oid(id), milestones: { $elemMatch: { _id: oid(milestoneId), doneDate: null } } },
        { $set: { 'milestones.$.doneDate': doneDate } },
        { returnDocument: 'after' },
      )
      .lean<ProjectDoc>();
    return doc ? toProject(doc) : null;
  }

  /** Inserts the week's report; the unique (project, week) index refuses a second one. */
  async insertReport(r: Omit<ReportRecord, 'id'> & { reportedBy: string }): Promise<ReportRecord> {
    const doc = await this.reports.create({
      ...r,
      projectId: oid(r.projectId),
      reportedBy: oid(r.reportedBy),
    });
    return toReport(doc.toObject() as ReportDoc);
  }

  /** The project takes the state of its newest week only: an older week's report never overwrites it. */
  async applyReport(id: string, week: string, state: { resumed: boolean; workersOnSite: number }) {
    await this.projects.updateOne(
      { _id: oid(id), $or: [{ lastReportWeek: null }, { lastReportWeek: { $lt: week } }] },
      { $set: { ...state, lastReportWeek: week } },
    );
  }

  async reportsOf(projectId: string): Promise<ReportRecord[]> {
    const docs = await this.reports
      .find({ projectId: oid(projectId) })
      .sort({ weekStart: -1 })
      .limit(60)
      .lean<ReportDoc[]>();
    return docs.map(toReport);
  }

  /** Projects by level and region, with how many have resumed (the figures). */
  async resumedBy(field: 'level' | 'regionCode') {
    return this.projects.aggregate<{ _id: string; total: number; resumed: number }>([
      { $group: { _id: `$${field}`, total: { $sum: 1 }, resumed: { $sum: { $cond: ['$resumed', 1, 0] } } } },
      { $sort: { _id: 1 } },
    ]);
  }

  /** Every open milestone's planned day (lateness needs the working-day calendar, so it is counted in code). */
  async openMilestoneDays(): Promise<{ plannedDate: string; doneDate: string | null }[]> {
    const docs = await this.projects
      .find({}, { 'milestones.plannedDate': 1, 'milestones.doneDate': 1 })
      .lean<ProjectDoc[]>();
    return docs.flatMap((d) =>
      (d.milestones ?? []).map((m) => ({ plannedDate: m.plannedDate, doneDate: m.doneDate ?? null })),
    );
  }
}
