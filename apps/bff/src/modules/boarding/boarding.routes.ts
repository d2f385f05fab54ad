import { workerRoutes as r } from '@fugong/contracts';
import { route, type RouteDef } from '../../http/route';
import type { BoardingService } from './boarding.service';
import { exportManifest } from './manifest-export';

/** Marshal's boarding check and the passenger list with its export. */
export function boardingRoutes(boarding: BoardingService): RouteDef[] {
  return [
    route(r.boardingBoard, ({ actor, params, body }) =>
      boarding.board(actor, params.tripId, body.token, body.temperature),
    ),
    route(r.tripsManifest, ({ params }) => boarding.manifest(params.tripId)),
    route(r.tripsManifestExport, async ({ actor, params, query, requestId }) => {
      const { trip, rows } = await boarding.exportRows(actor, params.tripId, query, requestId);
      return exportManifest(trip, rows, query.format, query.full);
    }),
  ];
}
