/**
 * Reminders and escalations that reach people: the issue sweep's marks become deliveries (an
 * outbox, one row per event and person) to the inbox, then WeChat where consented or SMS, each
 * noted on the issue's timeline. Also who the department heads are. Everything it needs of other
 * modules comes in as narrow callbacks from the container.
 */
import type { Connection } from 'mongoose';
import type { AuditRepository } from '../../audit/audit.repository';
import type { Clock } from '../../clock';
import type { RouteDef } from '../../http/route';
import { AlertRepository } from './alert.repository';
import { AlertService, type AlertServiceDeps } from './alert.service';
import { DepartmentHeadRepository } from './department-head.repository';
import { DepartmentHeadService, type StaffLookup } from './department-head.service';
import { departmentHeadRoutesFor } from './alert.routes';

export type { IssueAlert, AlertPeople } from './alert-recipients';
export { listenForIssueAlerts, type AlertIssueLookup } from './alert-listeners';

/** The drain job's name (its lease and metrics). */
export const ALERTS_DRAIN = 'alerts.drain';

export interface AlertsDeps extends Omit<AlertServiceDeps, 'alerts' | 'heads'> {
  conn: Connection;
  audit: AuditRepository;
  staffOf: StaffLookup;
  clock: Clock;
}

/** Builds the module once (the container calls this). */
export function buildAlerts(d: AlertsDeps) {
  const { conn, audit, staffOf, ...deps } = d;
  const repos = {
    alerts: AlertRepository.on(conn),
    heads: DepartmentHeadRepository.on(conn),
  };
  return {
    repos,
    services: {
      alerts: new AlertService({ ...deps, alerts: repos.alerts, heads: repos.heads }),
      heads: new DepartmentHeadService(repos.heads, staffOf, audit, d.clock),
    },
  };
}

export type Alerts = ReturnType<typeof buildAlerts>;

export function alertRoutes(a: Alerts): RouteDef[] {
  return departmentHeadRoutesFor(a.services.heads);
}
