import { callbackConsoleRoutes as r } from '@fugong/contracts';
import { route, type RouteDef } from '../../http/route';
import type { CallbackService } from './callback.service';

/** The supervisors' console: the call list and the stewards' scorecard (recording is a steward route). */
export function callbackConsoleRoutesFor(callbacks: CallbackService): RouteDef[] {
  return [
    route(r.callbacksDue, ({ query }) => callbacks.due(query)),
    route(r.callbackScorecard, ({ query }) => callbacks.scorecard(query)),
  ];
}
