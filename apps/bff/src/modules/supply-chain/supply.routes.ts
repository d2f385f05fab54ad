import { supplyRoutes as r } from '@fugong/contracts';
import { route, type RouteDef } from '../../http/route';
import type { SupplyService } from './supply.service';

/** Supply-chain routes; literal paths before `/:id`. */
export function supplyRoutesFor(s: SupplyService): RouteDef[] {
  return [
    route(r.createPost, ({ actor, body }) => s.createPost(actor, body)),
    route(r.posts, ({ actor }) => s.posts(actor)),
    route(r.candidates, ({ actor, params }) => s.candidates(actor, params.id)),
    route(r.propose, ({ actor, body }) => s.propose(actor, body.postId, body.counterpartId)),
    route(r.matches, ({ actor }) => s.matches(actor)),
    route(r.confirm, ({ actor, params }) => s.confirm(actor, params.id)),
    route(r.contact, ({ actor, params, requestId }) => s.contact(actor, params.id, requestId)),
    route(r.figures, () => s.figures()),
    route(r.addSupplier, ({ actor, body }) => s.addSupplier(actor, body)),
    route(r.suppliers, ({ actor, params }) => s.suppliers(actor, params.id)),
    route(r.coordinate, ({ actor, params, body }) => s.coordinate(actor, params.id, body.note)),
  ];
}
