/**
 * 复工管家 (stewards): assigning stewards to firms (one by one and the command's console), "my
 * enterprises" and what needs attention. The top of the enterprise side: it reads the registry,
 * the assignments, visits, issues, reopening reports and call-backs, and no module reads it. What
 * other modules may use — the builder and the routes (which also mount the visits' and
 * call-backs' services). The assignments themselves are the `assignments` module's. Publishes
 * `enterprise.changed`.
 */
import type { AuditRepository } from '../../audit/audit.repository';
import type { Clock } from '../../clock';
import type { RecordEventPublisher } from '../../events';
import type { RouteDef } from '../../http/route';
import type { CallbackRepository, Callbacks } from '../callbacks';
import type { EnterpriseRepository, EnterpriseScope, StaffRepository } from '../enterprises';
import type { IssueRepository } from '../issues';
import type { ReopeningRepository } from '../reopening';
import type { VisitRepository, Visits } from '../visits';
import type { AssignmentRepository } from '../assignments';
import { AssignmentConsoleService } from './assignment-console.service';
import { StewardService } from './steward.service';
import { stewardRoutesFor } from './steward.routes';

export interface StewardDeps {
  /** Opened by the container: scope, issues, visits and call-backs read the assignments too. */
  repo: AssignmentRepository;
  enterprises: EnterpriseRepository;
  staff: StaffRepository;
  scope: EnterpriseScope;
  /** What a steward's firms need: their visits, issues, reopening reports and call-backs. */
  visits: VisitRepository;
  issues: IssueRepository;
  reopening: ReopeningRepository;
  callbacks: CallbackRepository;
  /** Where every assignment, bulk assignment and hand-over is recorded. */
  audit: AuditRepository;
  clock: Clock;
  events: RecordEventPublisher;
}

/** Builds the module once (the container calls this). */
export function buildStewards(d: StewardDeps) {
  const stewards = new StewardService({
    assignments: d.repo,
    enterprises: d.enterprises,
    staff: d.staff,
    scope: d.scope,
    visits: d.visits,
    issues: d.issues,
    reopening: d.reopening,
    callbacks: d.callbacks,
    audit: d.audit,
    clock: d.clock,
    events: d.events,
  });
  const assignmentConsole = new AssignmentConsoleService({
    assignments: d.repo,
    enterprises: d.enterprises,
    staff: d.staff,
    visits: d.visits,
    audit: d.audit,
    clock: d.clock,
    events: d.events,
  });
  return { repos: { assignments: d.repo }, services: { stewards, assignmentConsole } };
}

export type Stewards = ReturnType<typeof buildStewards>;

/** Steward assignments (one by one and the console's bulk ones), then visits and call-backs. */
export function stewardRoutes(s: Stewards, visits: Visits, callbacks: Callbacks): RouteDef[] {
  return stewardRoutesFor({
    stewards: s.services.stewards,
    assignmentConsole: s.services.assignmentConsole,
    visits: visits.services.visits,
    callbacks: callbacks.services.callbacks,
  });
}
