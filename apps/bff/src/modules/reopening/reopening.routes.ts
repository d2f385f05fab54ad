import { enterpriseRoutes as r } from '@fugong/contracts';
import { route, type RouteDef } from '../../http/route';
import type { ReopeningService } from './reopening.service';

/** Today's reopening report and its history. */
export function reopeningRoutes(s: ReopeningService): RouteDef[] {
  return [
    route(r.reopeningReport, ({ actor, params, body }) => s.reportToday(actor, params.id, body)),
    route(r.reopeningHistory, ({ actor, params, query }) =>
      s.history(actor, params.id, query.from, query.to),
    ),
  ];
}
