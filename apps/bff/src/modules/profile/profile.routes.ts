import { roleGrantImportRoutes as g, workerRoutes as r } from '@fugong/contracts';
import { multipartRoute } from '../../http/multipart';
import { route, type RouteDef } from '../../http/route';
import type { ProfileService } from './profile.service';
import type { RoleGrantImportService } from './role-grant-import.service';

/** Own profile (masked; full read audited) and the admin's user and role management, one by one or from a sheet. */
export function profileRoutes(profiles: ProfileService, grants: RoleGrantImportService): RouteDef[] {
  return [
    route(r.profileGet, ({ actor }) => profiles.get(actor)),
    route(r.profileUpdate, ({ actor, body }) => profiles.update(actor, body)),
    route(r.profileFull, ({ actor, requestId }) => profiles.fullSelf(actor, requestId)),
    route(r.adminUserFind, ({ query }) => profiles.findByPhone(query.phone)),
    route(r.adminUserFull, ({ actor, params, requestId }) => profiles.full(actor, params.userId, requestId)),
    route(r.adminUserRoles, ({ actor, params, body, requestId }) =>
      profiles.grantRoles(actor, params.userId, body, requestId),
    ),
    multipartRoute(g.upload, ({ actor, query, upload, requestId }) =>
      grants.upload(actor, query.encoding, upload, requestId),
    ),
    route(g.report, ({ actor, params, requestId }) => grants.report(actor, params.id, requestId)),
  ];
}
