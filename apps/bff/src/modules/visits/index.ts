/**
 * 走访 (steward visits): a steward's record of a visit to a firm, which may raise issues. What other
 * modules may use — the builder, the service (the stewards' routes mount it) and the repository.
 * Publishes `visit.recorded`.
 */
import type { Clock } from '../../clock';
import type { RecordEventPublisher } from '../../events';
import type { EnterpriseScope } from '../enterprises';
import type { IssueService } from '../issues';
import type { AssignmentRepository } from '../assignments';
import type { VisitRepository } from './visit.repository';
import { VisitService } from './visit.service';

export { VisitRepository, type VisitRecord } from './visit.repository';
export type { VisitService } from './visit.service';

export interface VisitDeps {
  /** Opened by the container: the firm's card and the stewards read it too. */
  repo: VisitRepository;
  assignments: AssignmentRepository;
  scope: EnterpriseScope;
  issues: IssueService;
  clock: Clock;
  events: RecordEventPublisher;
}

/** Builds the module once (the container calls this). */
export function buildVisits(d: VisitDeps) {
  const visits = new VisitService(d.repo, d.assignments, d.scope, d.issues, d.clock, d.events);
  return { repos: { visits: d.repo }, services: { visits } };
}

export type Visits = ReturnType<typeof buildVisits>;
