import { enterpriseRoutes as r } from '@fugong/contracts';
import { route, type RouteDef } from '../../http/route';
import type { EnterpriseService } from './enterprise.service';

/** Registry, import, invite codes, liaison binding, overview, staff names, the directory. */
export function enterpriseRoutesFor(s: EnterpriseService): RouteDef[] {
  return [
    route(r.list, ({ actor, query }) => s.list(actor, query)),
    route(r.create, ({ body }) => s.create(body)),
    route(r.import, ({ body }) => s.import(body.format, body.dataBase64)),
    route(r.bind, ({ actor, body }) => s.bind(actor, body.inviteCode)),
    // Before `/:id`, whose id check would refuse the literal path.
    route(r.directory, ({ query }) => s.directory(query.q)),
    route(r.get, ({ actor, params }) => s.get(actor, params.id)),
    route(r.update, ({ params, body }) => s.update(params.id, body)),
    route(r.invite, ({ params }) => s.newInviteCode(params.id)),
    route(r.overview, ({ actor, params }) => s.overview(actor, params.id)),
    route(r.staff, ({ actor, params }) => s.staff(actor, params.id)),
  ];
}
