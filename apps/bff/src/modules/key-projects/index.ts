/**
 * 重点项目服务 (key projects, seed 000 三): what the rest of the BFF may use of this module — its
 * builder, its routes and its demo section. Nothing else reaches into the folder.
 */
import type { Connection } from 'mongoose';
import { DEFAULT_ISSUE_SLA, type IssueSlaPolicy } from '@fugong/domain';
import type { Clock } from '../../clock';
import type { RouteDef } from '../../http/route';
import { ProjectRepository } from './project.repository';
import { NeedRepository } from './need.repository';
import { SessionRepository } from './session.repository';
import { ProjectService, type ProjectEnterpriseLookup, type ProjectStaffLookup } from './project.service';
import { NeedService, type NeedIssueDispatch } from './need.service';
import { ProjectFiguresService } from './project-figures.service';
import { keyProjectRoutesFor } from './key-projects.routes';

export type { NeedIssueDispatch } from './need.service';

/** The lease name of the escalation sweep of overdue 会办 tasks. */
export const KEY_PROJECTS_SWEEP = 'key-projects.sweep';

export interface KeyProjectDeps {
  conn: Connection;
  clock: Clock;
  enterprises: ProjectEnterpriseLookup;
  staff: ProjectStaffLookup;
  /** Dispatches a need as an issue (the issues module, through the container). */
  issues: NeedIssueDispatch;
  /** Working days and reminder lead of the issue SLA; DEFAULT_ISSUE_SLA by default. */
  sla?: IssueSlaPolicy;
}

/** Builds the module once (the container calls this). */
export function buildKeyProjects(d: KeyProjectDeps) {
  const sla = d.sla ?? DEFAULT_ISSUE_SLA;
  const repos = {
    projects: ProjectRepository.on(d.conn),
    needs: NeedRepository.on(d.conn),
    sessions: SessionRepository.on(d.conn),
  };
  const projects = new ProjectService({
    projects: repos.projects,
    enterprises: d.enterprises,
    staff: d.staff,
    clock: d.clock,
    calendar: sla.calendar,
  });
  const services = {
    projects,
    needs: new NeedService({ ...repos, projects, issues: d.issues, clock: d.clock, sla }),
    figures: new ProjectFiguresService({ ...repos, clock: d.clock, calendar: sla.calendar }),
  };
  return { repos, services };
}

export type KeyProjects = ReturnType<typeof buildKeyProjects>;

/** Every key-project route. */
export function keyProjectRoutes(k: KeyProjects): RouteDef[] {
  return keyProjectRoutesFor(k.services.projects, k.services.needs, k.services.figures);
}
