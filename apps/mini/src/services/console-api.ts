/** Calls of the command's console pages, typed by the shared route contracts. */
import {
  auditLogRoutes as audit,
  callbackConsoleRoutes as cb,
  callbackRoutes as callbacks,
  registryImportRoutes as ri,
  stewardConsoleRoutes as stewards,
  stewardRoutes as roster,
  workerRoutes as w,
  type AuditFilter,
  type BodyOf,
  type BulkAssign,
  type FirmFilter,
  type Rebalance,
  type RoleGrant,
} from '@fugong/contracts';
import { callRoute, type CallOptions } from './call-route';
import { downloadRoute, type OnProgress } from './download';

/** A filter as query parameters: fields left empty are not sent. */
const asQuery = (f: Record<string, string | number | boolean | undefined>) =>
  Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== ''));

export const consoleApi = {
  /** The person with this phone, phone masked (the full number is read only through an audited route). */
  findByPhone: (phone: string) => callRoute(w.adminUserFind, { query: { phone } }),
  grantRoles: (userId: string, body: RoleGrant, o?: CallOptions) =>
    callRoute(w.adminUserRoles, { params: { userId }, body }, o),
  /** Firms with a steward not called back for `days` days, never-called first. */
  callbacksDue: (days: number) => callRoute(cb.callbacksDue, { query: { days } }),
  /** Each steward's visits, call-backs, ratings and findings over the last `days` days. */
  scorecard: (days: number) => callRoute(cb.callbackScorecard, { query: { days } }),
  recordCallback: (body: BodyOf<typeof callbacks.create>, o?: CallOptions) =>
    callRoute(callbacks.create, { body }, o),
  /** Registry imports, newest first (a running one shows its rows so far). */
  registryImports: () => callRoute(ri.list),
  /** The stewards with how many firms each serves today. */
  stewards: () => callRoute(roster.list),
  previewAssignment: (filter: FirmFilter) =>
    callRoute(stewards.preview, { query: asQuery({ ...filter, onlyUnassigned: 'true' }) }),
  bulkAssign: (body: BulkAssign, o?: CallOptions) => callRoute(stewards.bulk, { body }, o),
  rebalance: (body: Rebalance, o?: CallOptions) => callRoute(stewards.rebalance, { body }, o),
  coverage: (filter: FirmFilter, lapseDays: number) =>
    callRoute(stewards.coverage, { query: asQuery({ ...filter, lapseDays }) }),
  auditLog: (filter: AuditFilter, page: number) =>
    callRoute(audit.list, { query: asQuery({ ...filter, page, pageSize: 20 }) }),
  /** Every county's risk level, the day it took effect and its reopening strategy. */
  regions: () => callRoute(w.regionsList),
  setRegionRisk: (code: string, body: BodyOf<typeof w.regionsUpsert>, o?: CallOptions) =>
    callRoute(w.regionsUpsert, { params: { code }, body }, o),
  exportAuditLog: (filter: AuditFilter, onProgress: OnProgress) =>
    downloadRoute(
      audit.export,
      { query: asQuery(filter) },
      `审计日志-${filter.from}-${filter.to}.csv`,
      onProgress,
    ),
};
