import type { Connection } from 'mongoose';
import { DEFAULT_ISSUE_SLA, type IssueSlaPolicy } from '@fugong/domain';
import type { Clock } from '../../clock';
import type { PiiCipher } from '../../crypto/pii';
import type { RouteDef } from '../../http/route';
import type { EnterpriseRepository } from './enterprise.repository';
import { EnterpriseScope } from './enterprise-scope';
import { RegistryImportRepository } from './registry-import.repository';
import { RegistryImportService } from './registry-import.service';
import { registryImportRoutesFor } from './registry-import.routes';
import { StaffRepository } from './staff.repository';
import { EnterpriseService } from './enterprise.service';
import { enterpriseRoutesFor } from './enterprise.routes';
import { AssignmentRepository } from '../stewards/assignment.repository';
import { StewardService } from '../stewards/steward.service';
import { stewardRoutesFor } from '../stewards/steward.routes';
import { VisitRepository } from '../visits/visit.repository';
import { VisitService } from '../visits/visit.service';
import { CallbackRepository } from '../callbacks/callback.repository';
import { CallbackService } from '../callbacks/callback.service';
import { ReopeningRepository } from '../reopening/reopening.repository';
import { ReopeningService } from '../reopening/reopening.service';
import { reopeningRoutes } from '../reopening/reopening.routes';
import { CharterRepository } from '../charters/charter.repository';
import { CharterService } from '../charters/charter.service';
import { charterRoutes } from '../charters/charter.routes';
import { CharterConversion, type TripCreator } from '../charters/charter-conversion';
import { IssueRepository } from '../issues/issue.repository';
import { IssueService } from '../issues/issue.service';
import { IssueSweep } from '../issues/issue-sweep';
import { AttachmentRepository } from '../issues/attachment.repository';
import { AttachmentService } from '../issues/attachment.service';
import { CommonProblemsService } from '../issues/common-problems.service';
import { issueRoutesFor } from '../issues/issue.routes';
import { PhotoRepository } from '../issues/photo.repository';
import { PhotoService } from '../issues/photo.service';
import { PhotoOrphanSweep } from '../issues/photo-orphan-sweep';
import type { AuditRepository } from '../../audit/audit.repository';
import { departmentRoutes } from '../departments/department.routes';
import { NO_LISTENERS, type RecordEventPublisher } from '../../events';
import type { SweepIsolation } from '../sweep-failures';

export interface EnterpriseFeatureDeps {
  conn: Connection;
  clock: Clock;
  pii: PiiCipher;
  enterprises: EnterpriseRepository;
  /** Append-only audit log (reads of issue photos). */
  audit: AuditRepository;
  /** The worker journey's trip service: charter requests become its trips. */
  trips: TripCreator;
  /** Deadlines of the three issue clocks; defaults to DEFAULT_ISSUE_SLA (no configured holidays). */
  sla?: IssueSlaPolicy;
  /** The dashboard's rollup hooks; none when built without the dashboard. */
  events?: RecordEventPublisher;
  /** Keeps one bad issue from stopping the deadline sweep; none = a failure stops the run. */
  isolation?: SweepIsolation;
}

/**
 * Builds the enterprise side (enterprises, reopening, charters, stewards, visits, call-backs, issues) in
 * dependency order. The container calls this once; the app mounts `enterpriseFeatureRoutes`.
 */
export function buildEnterpriseFeature(d: EnterpriseFeatureDeps) {
  const sla = d.sla ?? DEFAULT_ISSUE_SLA;
  const events = d.events ?? NO_LISTENERS;
  const repos = {
    enterprises: d.enterprises,
    staff: StaffRepository.on(d.conn),
    assignments: AssignmentRepository.on(d.conn),
    visits: VisitRepository.on(d.conn),
    callbacks: CallbackRepository.on(d.conn),
    reopening: ReopeningRepository.on(d.conn),
    charters: CharterRepository.on(d.conn),
    issues: IssueRepository.on(d.conn),
    attachments: AttachmentRepository.on(d.conn),
    photos: PhotoRepository.on(d.conn),
    registryImports: RegistryImportRepository.on(d.conn),
  };
  const scope = new EnterpriseScope(repos.assignments, repos.enterprises);
  const issues = new IssueService({
    issues: repos.issues,
    enterprises: repos.enterprises,
    scope,
    assignments: repos.assignments,
    attachments: repos.attachments,
    clock: d.clock,
    sla,
    events,
  });
  const services = {
    scope,
    issues,
    enterprises: new EnterpriseService({ ...repos, scope, clock: d.clock, events }),
    reopening: new ReopeningService(repos.reopening, scope, d.clock, events),
    charters: new CharterService({
      charters: repos.charters,
      enterprises: repos.enterprises,
      scope,
      pii: d.pii,
      clock: d.clock,
    }),
    conversion: new CharterConversion(repos.charters, repos.enterprises, d.trips),
    stewards: new StewardService({ ...repos, scope, clock: d.clock, events }),
    visits: new VisitService(repos.visits, repos.assignments, scope, issues, d.clock, events),
    callbacks: new CallbackService(repos.callbacks, repos.enterprises, repos.assignments, d.clock, events),
    attachments: new AttachmentService(repos.attachments, repos.issues, scope, d.clock),
    common: new CommonProblemsService(repos.issues, issues),
    sweep: new IssueSweep(repos.issues, d.clock, sla, events, d.isolation ?? null),
    photos: new PhotoService(repos.photos, issues, d.audit, d.clock),
    registryImport: new RegistryImportService(repos.registryImports, repos.enterprises, d.audit, d.clock),
    photoOrphans: new PhotoOrphanSweep(repos.photos, d.clock),
  };
  return { repos, services, sla };
}

export type EnterpriseFeature = ReturnType<typeof buildEnterpriseFeature>;

/** Every route of the enterprise side; list order matters where a literal path shadows `/:id`. */
export function enterpriseFeatureRoutes(f: EnterpriseFeature): RouteDef[] {
  const s = f.services;
  return [
    ...departmentRoutes(),
    ...enterpriseRoutesFor(s.enterprises),
    ...registryImportRoutesFor(s.registryImport),
    ...reopeningRoutes(s.reopening),
    ...charterRoutes(s.charters, s.conversion),
    ...stewardRoutesFor(s),
    ...issueRoutesFor(s),
  ];
}
