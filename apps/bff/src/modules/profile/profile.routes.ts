import { workerRoutes as r } from '@fugong/contracts';
import { route, type RouteDef } from '../../http/route';
import type { ProfileService } from './profile.service';

/** Own profile (masked; full read audited) and the admin's user and role management. */
export function profileRoutes(profiles: ProfileService): RouteDef[] {
  return [
    route(r.profileGet, ({ actor }) => profiles.get(actor)),
    route(r.profileUpdate, ({ actor, body }) => profiles.update(actor, body)),
    route(r.profileFull, ({ actor, requestId }) => profiles.fullSelf(actor, requestId)),
    route(r.adminUserFind, ({ query }) => profiles.findByPhone(query.phone)),
    route(r.adminUserFull, ({ actor, params, requestId }) => profiles.full(actor, params.userId, requestId)),
    route(r.adminUserRoles, ({ actor, params, body, requestId }) =>
      profiles.grantRoles(actor, params.userId, body, requestId),
    ),
  ];
}
