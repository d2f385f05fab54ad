import { enterpriseRoutes as r } from '@fugong/contracts';
import { route, type RouteDef } from '../../http/route';
import type { CharterService } from './charter.service';
import type { CharterConversion } from './charter-conversion';

/** Charter requests and the transport officer's grouped view. */
export function charterRoutes(s: CharterService, conversion: CharterConversion): RouteDef[] {
  return [
    route(r.charterGroups, ({ query }) => s.groups(query)),
    route(r.charterConvert, ({ actor, body }) => conversion.convert(actor, body)),
    route(r.charterCreate, ({ actor, body }) => s.create(actor, body)),
    route(r.charterList, ({ actor, query }) => s.list(actor, query)),
    route(r.charterGet, ({ actor, params }) => s.get(actor, params.id)),
    route(r.charterJoin, ({ actor, params, body }) => s.join(actor, params.id, body)),
    route(r.charterCancel, ({ actor, params }) => s.cancel(actor, params.id)),
  ];
}
