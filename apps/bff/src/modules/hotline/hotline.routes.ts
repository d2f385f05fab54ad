import { hotlineRoutes as r } from '@fugong/contracts';
import { route, type RouteDef } from '../../http/route';
import type { HotlineService } from './hotline.service';

/** Hotline routes; literal paths before `/:id`. */
export function hotlineRoutesFor(s: HotlineService): RouteDef[] {
  return [
    route(r.record, ({ actor, body }) => s.record(actor, body)),
    route(r.list, ({ query }) => s.list(query)),
    route(r.figures, ({ query }) => s.figures(query)),
    route(r.enterprises, ({ query }) => s.enterprises(query.q)),
    route(r.get, ({ params }) => s.get(params.id)),
    route(r.callerPhone, ({ actor, params, requestId }) => s.callerPhone(actor, params.id, requestId)),
    route(r.callback, ({ actor, params, body }) => s.callback(actor, params.id, body.satisfaction)),
  ];
}
