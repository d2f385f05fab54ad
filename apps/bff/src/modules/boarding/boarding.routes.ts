import { workerRoutes as r } from '@fugong/contracts';
import { route, type RouteDef } from '../../http/route';
import type { BoardingService } from './boarding.service';
import type { BoardingTokenService } from './boarding-token.service';
import { exportManifest } from './manifest-export';

/** The worker's offline boarding code, the marshal's boarding check, the passenger list and its export. */
export function boardingRoutes(boarding: BoardingService, tokens: BoardingTokenService): RouteDef[] {
  return [
    route(r.bookingsBoardingToken, ({ actor, params, body }) =>
      tokens.issue(actor, params.bookingId, body.deviceId),
    ),
    route(r.boardingBoard, ({ actor, params, body }) =>
      boarding.board(actor, params.tripId, body.token, body.temperature, body.scannedAt),
    ),
    route(r.tripsManifest, ({ params }) => boarding.manifest(params.tripId)),
    route(r.tripsManifestExport, async ({ actor, params, query, requestId }) => {
      const { trip, rows } = await boarding.exportRows(actor, params.tripId, query, requestId);
      return exportManifest(trip, rows, query.format, query.full);
    }),
  ];
}
