import { workerRoutes as r } from '@fugong/contracts';
import { replayed, route, type RouteDef } from '../../http/route';
import type { CheckinService } from './checkin.service';
import type { PassService } from './pass.service';

/** Check-in, pass and the pass QR token: always the signed-in worker's own. */
export function healthRoutes(checkins: CheckinService, passes: PassService): RouteDef[] {
  return [
    route(
      r.checkinSubmit,
      async ({ actor, body, idempotencyKey }) => {
        const { replayed: again, ...saved } = await checkins.submit(actor, body, idempotencyKey);
        return again ? replayed(saved) : saved;
      },
      // The day's check-in record keeps the key (one write instead of three per check-in).
      { keyStoredByHandler: true },
    ),
    route(r.checkinLatest, ({ actor }) => checkins.latest(actor)),
    route(r.passGet, ({ actor }) => passes.view(actor.id)),
    route(r.passToken, ({ actor }) => passes.token(actor.id)),
  ];
}
