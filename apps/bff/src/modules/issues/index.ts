/**
 * 问题诉求 (issues): a firm's problem, dispatched to a department, with three deadline clocks, its
 * attachments and photos, and the common problems across firms. What other modules may use — the
 * builder, the routes, the issue repository and service, and the sweep names (the overdue rule,
 * `isIssueOverdue`, is a pure rule in @fugong/domain). Publishes `issue.moved` and (the deadline
 * sweep) `issue.deadline-marked`.
 */
import type { Connection } from 'mongoose';
import type { IssueSlaPolicy } from '@fugong/domain';
import type { AuditRepository } from '../../audit/audit.repository';
import type { Clock } from '../../clock';
import type { RecordEventPublisher } from '../../events';
import type { RouteDef } from '../../http/route';
import type { EnterpriseRepository, EnterpriseScope } from '../enterprises';
import type { AssignmentRepository } from '../assignments';
import type { SweepIsolation } from '../sweep-failures';
import type { IssueRepository } from './issue.repository';
import { AttachmentRepository } from './attachment.repository';
import { AttachmentService } from './attachment.service';
import { CommonProblemsService } from './common-problems.service';
import { IssueService } from './issue.service';
import { IssueSweep } from './issue-sweep';
import { issueRoutesFor } from './issue.routes';
import { PhotoRepository } from './photo.repository';
import { PhotoService } from './photo.service';
import { PhotoOrphanSweep } from './photo-orphan-sweep';

export { IssueRepository, type IssueRecord } from './issue.repository';
export type { IssueService } from './issue.service';
export { ISSUES_SWEEP } from './issue-sweep';
export { PHOTO_ORPHANS_SWEEP } from './photo-orphan-sweep';

export interface IssueDeps {
  conn: Connection;
  clock: Clock;
  audit: AuditRepository;
  /** Opened by the container: the enterprise-side modules and the alerts read it too. */
  repo: IssueRepository;
  enterprises: EnterpriseRepository;
  scope: EnterpriseScope;
  assignments: AssignmentRepository;
  /** Deadlines of the three issue clocks (working days in the configured calendar). */
  sla: IssueSlaPolicy;
  events: RecordEventPublisher;
  /** Keeps one bad issue from stopping the deadline sweep. */
  isolation: SweepIsolation;
}

/** Builds the module once (the container calls this). */
export function buildIssues(d: IssueDeps) {
  const repos = {
    issues: d.repo,
    attachments: AttachmentRepository.on(d.conn),
    photos: PhotoRepository.on(d.conn),
  };
  const issues = new IssueService({
    issues: repos.issues,
    enterprises: d.enterprises,
    scope: d.scope,
    assignments: d.assignments,
    attachments: repos.attachments,
    clock: d.clock,
    sla: d.sla,
    events: d.events,
  });
  const services = {
    issues,
    attachments: new AttachmentService(repos.attachments, repos.issues, d.scope, d.clock),
    common: new CommonProblemsService(repos.issues, issues),
    sweep: new IssueSweep(repos.issues, d.clock, d.sla, d.events, d.isolation),
    photos: new PhotoService(repos.photos, issues, d.audit, d.clock),
    photoOrphans: new PhotoOrphanSweep(repos.photos, d.clock),
  };
  return { repos, services, sla: d.sla };
}

export type Issues = ReturnType<typeof buildIssues>;

export function issueRoutes(i: Issues): RouteDef[] {
  return issueRoutesFor(i.services);
}
