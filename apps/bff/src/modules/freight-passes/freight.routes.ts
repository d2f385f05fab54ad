import { freightRoutes as r } from '@fugong/contracts';
import { route, type RouteDef } from '../../http/route';
import type { FreightPassService } from './freight-pass.service';
import type { FreightCheckService } from './freight-check.service';

/** Freight pass routes; the literal paths come before `/:id` so they are never read as an id. */
export function freightRoutesFor(passes: FreightPassService, checks: FreightCheckService): RouteDef[] {
  return [
    route(r.apply, ({ actor, body }) => passes.apply(actor, body)),
    route(r.list, ({ actor, query }) => passes.list(actor, query.status)),
    route(r.queue, () => passes.queue()),
    route(r.driving, ({ actor }) => checks.driving(actor)),
    route(r.figures, () => checks.figures()),
    route(r.get, ({ actor, params }) => passes.get(actor, params.id)),
    route(r.driverFull, ({ actor, params, requestId }) => passes.driverFull(actor, params.id, requestId)),
    route(r.token, ({ actor, params }) => checks.token(actor, params.id)),
    route(r.approve, ({ actor, params, body }) => passes.approve(actor, params.id, body.note)),
    route(r.refuse, ({ actor, params, body }) => passes.refuse(actor, params.id, body.reason)),
    route(r.revoke, ({ actor, params, body }) => passes.revoke(actor, params.id, body.reason)),
    route(r.check, ({ actor, body }) => checks.check(actor, body)),
  ];
}
