/** Calls of the command's console pages (people and roles), typed by the shared route contracts. */
import { workerRoutes as w, type RoleGrant } from '@fugong/contracts';
import { callRoute, type CallOptions } from './call-route';

export const consoleApi = {
  /** The person with this phone, phone masked (the full number is read only through an audited route). */
  findByPhone: (phone: string) => callRoute(w.adminUserFind, { query: { phone } }),
  grantRoles: (userId: string, body: RoleGrant, o?: CallOptions) =>
    callRoute(w.adminUserRoles, { params: { userId }, body }, o),
};
