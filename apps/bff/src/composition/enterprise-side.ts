/**
 * Part of the composition root (`container.ts` calls this once): the modules around a firm, in
 * dependency order — the steward assignments, the registry and its scope rule, reopening reports,
 * issues, steward visits and call-backs, the stewards themselves, and charter requests. Each
 * module is built from its own index.ts and imports only the ones before it; this file only says
 * which module gets which of another's pieces (and fills the registry's `FirmCardReads` with the
 * repositories of the modules above it).
 */
import type { Connection } from 'mongoose';
import type { IssueSlaPolicy } from '@fugong/domain';
import type { AuditRepository } from '../audit/audit.repository';
import type { Clock } from '../clock';
import type { PiiCipher } from '../crypto/pii';
import type { RecordEventPublisher } from '../events';
import { AssignmentRepository } from '../modules/assignments';
import { buildCallbacks, CallbackRepository } from '../modules/callbacks';
import { buildCharters, type TripCreator } from '../modules/charters';
import { buildEnterprises, type EnterpriseRepository } from '../modules/enterprises';
import { buildIssues, IssueRepository } from '../modules/issues';
import { buildReopening, ReopeningRepository } from '../modules/reopening';
import { buildStewards } from '../modules/stewards';
import type { SweepIsolation } from '../modules/sweep-failures';
import { buildVisits, VisitRepository } from '../modules/visits';

export interface EnterpriseSideDeps {
  conn: Connection;
  clock: Clock;
  pii: PiiCipher;
  audit: AuditRepository;
  enterprises: EnterpriseRepository;
  /** The trips module's service: charter requests become its trips. */
  trips: TripCreator;
  /** Deadlines of the three issue clocks. */
  sla: IssueSlaPolicy;
  /** Where enterprise-side writes are announced (the rollups and the alerts listen). */
  events: RecordEventPublisher;
  /** Keeps one bad issue from stopping the deadline sweep. */
  isolation: SweepIsolation;
}

export function composeEnterpriseSide(d: EnterpriseSideDeps) {
  const { conn, clock, events } = d;

  // These modules read each other's records (a firm's card and a steward's list show its
  // assignment, visits, issues and latest reopening report), so the repositories they share are
  // opened first, once each, and handed to every module that reads them — a module above by its
  // type, the registry below them through the narrow shape it declares.
  const shared = {
    assignments: AssignmentRepository.on(conn),
    visits: VisitRepository.on(conn),
    callbacks: CallbackRepository.on(conn),
    reopening: ReopeningRepository.on(conn),
    issues: IssueRepository.on(conn),
  };

  // The registry, its staff, its import, and the scope rule (which firms a person acts for).
  const enterprises = buildEnterprises({
    conn,
    clock,
    audit: d.audit,
    enterprises: d.enterprises,
    assignments: shared.assignments,
    card: { visits: shared.visits, issues: shared.issues, reopening: shared.reopening },
    events,
  });
  const scope = enterprises.services.scope;

  // 复工申报: a firm's daily report.
  const reopening = buildReopening({ repo: shared.reopening, scope, clock, events });

  // 问题诉求: issues with their clocks, attachments, photos and the deadline sweep.
  const issues = buildIssues({
    conn,
    clock,
    audit: d.audit,
    repo: shared.issues,
    enterprises: d.enterprises,
    scope,
    assignments: shared.assignments,
    sla: d.sla,
    events,
    isolation: d.isolation,
  });

  // A steward's visits (which may raise issues) and call-backs, then the stewards themselves.
  const visits = buildVisits({
    repo: shared.visits,
    assignments: shared.assignments,
    scope,
    issues: issues.services.issues,
    clock,
    events,
  });
  const callbacks = buildCallbacks({
    repo: shared.callbacks,
    enterprises: d.enterprises,
    assignments: shared.assignments,
    staff: enterprises.repos.staff,
    visits: shared.visits,
    clock,
    events,
  });
  const stewards = buildStewards({
    repo: shared.assignments,
    enterprises: d.enterprises,
    staff: enterprises.repos.staff,
    scope,
    visits: shared.visits,
    issues: shared.issues,
    reopening: shared.reopening,
    callbacks: shared.callbacks,
    audit: d.audit,
    clock,
    events,
  });

  // 包车需求: requests a transport officer turns into trips.
  const charters = buildCharters({
    conn,
    clock,
    pii: d.pii,
    enterprises: d.enterprises,
    scope,
    trips: d.trips,
  });

  return { enterprises, reopening, issues, visits, callbacks, stewards, charters };
}
