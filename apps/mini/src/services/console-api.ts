/** Calls of the command's console pages (people and roles, 电话回访), typed by the shared route contracts. */
import {
  callbackConsoleRoutes as cb,
  issueRoutes as ir,
  registryImportRoutes as ri,
  workerRoutes as w,
  type BodyOf,
  type RoleGrant,
} from '@fugong/contracts';
import { callRoute, type CallOptions } from './call-route';

export const consoleApi = {
  /** The person with this phone, phone masked (the full number is read only through an audited route). */
  findByPhone: (phone: string) => callRoute(w.adminUserFind, { query: { phone } }),
  grantRoles: (userId: string, body: RoleGrant, o?: CallOptions) =>
    callRoute(w.adminUserRoles, { params: { userId }, body }, o),
  /** Firms with a steward not called back for `days` days, never-called first. */
  callbacksDue: (days: number) => callRoute(cb.callbacksDue, { query: { days } }),
  /** Each steward's visits, call-backs, ratings and findings over the last `days` days. */
  scorecard: (days: number) => callRoute(cb.callbackScorecard, { query: { days } }),
  recordCallback: (body: BodyOf<typeof ir.callbackCreate>, o?: CallOptions) =>
    callRoute(ir.callbackCreate, { body }, o),
  /** Registry imports, newest first (a running one shows its rows so far). */
  registryImports: () => callRoute(ri.list),
};
