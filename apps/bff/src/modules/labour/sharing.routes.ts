import { sharingRoutes as r } from '@fugong/contracts';
import { route, type RouteDef } from '../../http/route';
import type { SharingService } from './sharing.service';

/** 用工调剂 routes; the literal `posts/mine` comes before any `/:id` path. */
export function sharingRoutesFor(s: SharingService): RouteDef[] {
  return [
    route(r.post, ({ actor, body }) => s.post(actor, body)),
    route(r.mine, ({ actor }) => s.mine(actor)),
    route(r.board, ({ query }) => s.board(query)),
    route(r.close, ({ actor, params }) => s.close(actor, params.id)),
    route(r.propose, ({ actor, body }) => s.propose(actor, body)),
    route(r.agreements, ({ actor }) => s.agreements(actor)),
    route(r.agree, ({ actor, params }) => s.agree(actor, params.id)),
    route(r.decline, ({ actor, params }) => s.decline(actor, params.id)),
    route(r.lent, ({ actor }) => s.lent(actor)),
    route(r.overview, ({ actor }) => s.overview(actor)),
  ];
}
