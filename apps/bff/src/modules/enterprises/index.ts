/**
 * The enterprise registry (企业库): firms, their liaisons and staff, the registry import, and the
 * scope rule that says which firms a person acts for. What other modules may use — the builder,
 * the routes, the enterprise and staff repositories, the scope, and the CSV/sheet readers other
 * imports reuse. Publishes `enterprise.changed` and `enterprises.imported`. It stands on the
 * assignments only (the scope rule reads them); reopening, issues, visits, call-backs and the
 * stewards stand on it, so what a firm's card shows of them comes in as `FirmCardReads`, a shape
 * declared here that the container fills with their repositories.
 */
import type { Connection } from 'mongoose';
import type { AuditRepository } from '../../audit/audit.repository';
import type { Clock } from '../../clock';
import type { RecordEventPublisher } from '../../events';
import type { RouteDef } from '../../http/route';
import type { AssignmentRepository } from '../assignments';
import type { EnterpriseRepository } from './enterprise.repository';
import { EnterpriseScope } from './enterprise-scope';
import { EnterpriseService, type FirmCardReads } from './enterprise.service';
import { enterpriseRoutesFor } from './enterprise.routes';
import { RegistryImportRepository } from './registry-import.repository';
import { RegistryImportService } from './registry-import.service';
import { registryImportRoutesFor } from './registry-import.routes';
import { StaffRepository } from './staff.repository';

export {
  EnterpriseRepository,
  type EnterpriseBrief,
  type EnterpriseRecord,
  type RegistryRow,
} from './enterprise.repository';
export type { StaffRecord, StaffRepository } from './staff.repository';
export type { EnterpriseScope } from './enterprise-scope';
export { parseCsv } from './csv';
export { readRows, type SheetRow } from './enterprise-import';
export { csvRows, sheetFormatOf, xlsxRows } from './sheet-stream';

export interface EnterpriseDeps {
  conn: Connection;
  clock: Clock;
  audit: AuditRepository;
  /** The registry itself, opened once by the container (most modules read it). */
  enterprises: EnterpriseRepository;
  /** Who serves which firm: the scope rule and the firm's card read it (the module below this one). */
  assignments: AssignmentRepository;
  /** What a firm's card shows of the modules above the registry (visits, issues, reopening). */
  card: FirmCardReads;
  events: RecordEventPublisher;
}

/** Builds the module once (the container calls this). */
export function buildEnterprises(d: EnterpriseDeps) {
  const repos = {
    enterprises: d.enterprises,
    staff: StaffRepository.on(d.conn),
    registryImports: RegistryImportRepository.on(d.conn),
  };
  const scope = new EnterpriseScope(d.assignments, repos.enterprises);
  const enterprises = new EnterpriseService({
    enterprises: repos.enterprises,
    staff: repos.staff,
    assignments: d.assignments,
    card: d.card,
    scope,
    clock: d.clock,
    events: d.events,
  });
  const registryImport = new RegistryImportService(
    repos.registryImports,
    repos.enterprises,
    d.audit,
    d.clock,
  );
  return { repos, services: { scope, enterprises, registryImport } };
}

export type Enterprises = ReturnType<typeof buildEnterprises>;

/** The registry's routes, then the registry import's. */
export function enterpriseRoutes(e: Enterprises): RouteDef[] {
  return [
    ...enterpriseRoutesFor(e.services.enterprises),
    ...registryImportRoutesFor(e.services.registryImport),
  ];
}
