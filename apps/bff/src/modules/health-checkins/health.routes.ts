import { workerRoutes as r } from '@fugong/contracts';
import { route, type RouteDef } from '../../http/route';
import type { CheckinService } from './checkin.service';
import type { PassService } from './pass.service';

/** Check-in, pass and the pass QR token: always the signed-in worker's own. */
export function healthRoutes(checkins: CheckinService, passes: PassService): RouteDef[] {
  return [
    route(r.checkinSubmit, ({ actor, body }) => checkins.submit(actor, body)),
    route(r.checkinLatest, ({ actor }) => checkins.latest(actor)),
    route(r.passGet, ({ actor }) => passes.view(actor.id)),
    route(r.passToken, ({ actor }) => passes.token(actor.id)),
  ];
}
