import type { Connection } from 'mongoose';
import { DEFAULT_ISSUE_SLA, type IssueSlaPolicy } from '@fugong/domain';
import type { Clock } from '../../clock';
import type { PiiCipher } from '../../crypto/pii';
import type { RouteDef } from '../../http/route';
import { userModel } from '../auth/user.model';
import type { EnterpriseRepository } from './enterprise.repository';
import { EnterpriseScope } from './enterprise-scope';
import { StaffRepository } from './staff.repository';
import { EnterpriseService } from './enterprise.service';
import { enterpriseRoutesFor } from './enterprise.routes';
import { assignmentModel } from '../stewards/assignment.model';
import { AssignmentRepository } from '../stewards/assignment.repository';
import { StewardService } from '../stewards/steward.service';
import { stewardRoutesFor } from '../stewards/steward.routes';
import { visitModel } from '../visits/visit.model';
import { VisitRepository } from '../visits/visit.repository';
import { VisitService } from '../visits/visit.service';
import { callbackModel } from '../callbacks/callback.model';
import { CallbackRepository } from '../callbacks/callback.repository';
import { CallbackService } from '../callbacks/callback.service';
import { reopeningModel } from '../reopening/reopening.model';
import { ReopeningRepository } from '../reopening/reopening.repository';
import { ReopeningService } from '../reopening/reopening.service';
import { reopeningRoutes } from '../reopening/reopening.routes';
import { charterModel } from '../charters/charter.model';
import { CharterRepository } from '../charters/charter.repository';
import { CharterService } from '../charters/charter.service';
import { charterRoutes } from '../charters/charter.routes';
import { CharterConversion, type TripCreator } from '../charters/charter-conversion';
import { issueModel } from '../issues/issue.model';
import { IssueRepository } from '../issues/issue.repository';
import { IssueService } from '../issues/issue.service';
import { IssueSweep } from '../issues/issue-sweep';
import { attachmentModel } from '../issues/attachment.model';
import { AttachmentRepository } from '../issues/attachment.repository';
import { AttachmentService } from '../issues/attachment.service';
import { CommonProblemsService } from '../issues/common-problems.service';
import { issueRoutesFor } from '../issues/issue.routes';
import { photoModel } from '../issues/photo.model';
import { PhotoRepository } from '../issues/photo.repository';
import { PhotoService } from '../issues/photo.service';
import { PhotoOrphanSweep } from '../issues/photo-orphan-sweep';
import type { AuditRepository } from '../../audit/audit.repository';
import { departmentRoutes } from '../departments/department.routes';
import { NO_ROLLUPS, type RollupHooks } from '../rollups/rollup-hooks';
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
  rollups?: RollupHooks;
  /** Keeps one bad issue from stopping the deadline sweep; none = a failure stops the run. */
  isolation?: SweepIsolation;
}

/**
 * Builds the enterprise side (enterprises, reopening, charters, stewards, visits, call-backs, issues) in
 * dependency order. The container calls this once; the app mounts `enterpriseFeatureRoutes`.
 */
export function buildEnterpriseFeature(d: EnterpriseFeatureDeps) {
  const sla = d.sla ?? DEFAULT_ISSUE_SLA;
  const rollups = d.rollups ?? NO_ROLLUPS;
  const repos = {
    enterprises: d.enterprises,
    staff: new StaffRepository(userModel(d.conn)),
    assignments: new AssignmentRepository(assignmentModel(d.conn), d.conn),
    visits: new VisitRepository(visitModel(d.conn)),
    callbacks: new CallbackRepository(callbackModel(d.conn)),
    reopening: new ReopeningRepository(reopeningModel(d.conn)),
    charters: new CharterRepository(charterModel(d.conn)),
    issues: new IssueRepository(issueModel(d.conn)),
    attachments: new AttachmentRepository(attachmentModel(d.conn)),
    photos: new PhotoRepository(photoModel(d.conn), d.conn),
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
    rollups,
  });
  const services = {
    scope,
    issues,
    enterprises: new EnterpriseService({ ...repos, scope, clock: d.clock, rollups }),
    reopening: new ReopeningService(repos.reopening, scope, d.clock, rollups),
    charters: new CharterService({
      charters: repos.charters,
      enterprises: repos.enterprises,
      scope,
      pii: d.pii,
      clock: d.clock,
    }),
    conversion: new CharterConversion(repos.charters, repos.enterprises, d.trips),
    stewards: new StewardService({ ...repos, scope, clock: d.clock, rollups }),
    visits: new VisitService(repos.visits, repos.assignments, scope, issues, d.clock, rollups),
    callbacks: new CallbackService(repos.callbacks, repos.enterprises, repos.assignments, d.clock, rollups),
    attachments: new AttachmentService(repos.attachments, repos.issues, scope, d.clock),
    common: new CommonProblemsService(repos.issues, issues),
    sweep: new IssueSweep(repos.issues, d.clock, sla, rollups, d.isolation ?? null),
    photos: new PhotoService(repos.photos, issues, d.audit, d.clock),
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
    ...reopeningRoutes(s.reopening),
    ...charterRoutes(s.charters, s.conversion),
    ...stewardRoutesFor(s),
    ...issueRoutesFor(s),
  ];
}
