import { supplyRoutes as r } from '@fugong/contracts';
import { route, type RouteDef } from '../../http/route';
import type { SupplyService } from './supply.service';
import type { SupplierService } from './supplier.service';
import type { SupplyBrowseService } from './supply-browse.service';

/** Supply-chain routes; literal paths before `/:id`. */
export function supplyRoutesFor(
  s: SupplyService,
  suppliers: SupplierService,
  browse: SupplyBrowseService,
): RouteDef[] {
  return [
    route(r.createPost, ({ actor, body }) => s.createPost(actor, body)),
    route(r.posts, ({ actor }) => s.posts(actor)),
    route(r.close, ({ actor, params, requestId }) => s.closePost(actor, params.id, requestId)),
    route(r.candidates, ({ actor, params }) => s.candidates(actor, params.id)),
    route(r.propose, ({ actor, body }) => s.propose(actor, body.postId, body.counterpartId)),
    route(r.matches, ({ actor }) => s.matches(actor)),
    route(r.confirm, ({ actor, params }) => s.confirm(actor, params.id)),
    route(r.contact, ({ actor, params, requestId }) => s.contact(actor, params.id, requestId)),
    route(r.browsePosts, ({ actor, query }) => browse.posts(actor, query)),
    route(r.browseMatches, ({ actor, query }) => browse.matches(actor, query)),
    route(r.figures, ({ actor }) => browse.figures(actor)),
    route(r.addSupplier, ({ actor, body }) => suppliers.addSupplier(actor, body)),
    route(r.suppliers, ({ actor, params }) => suppliers.suppliers(actor, params.id)),
    route(r.coordinate, ({ actor, params, body }) => suppliers.coordinate(actor, params.id, body.note)),
  ];
}
