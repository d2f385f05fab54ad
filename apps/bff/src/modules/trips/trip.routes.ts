import { workerRoutes as r } from '@fugong/contracts';
import { route, type RouteDef } from '../../http/route';
import type { TripService } from './trip.service';

/** Trips: search and detail for everyone signed in; management for transport officers. */
export function tripRoutes(trips: TripService): RouteDef[] {
  return [
    route(r.tripsCreate, ({ actor, body }) => trips.create(actor, body)),
    route(r.tripsSearch, ({ actor, query }) => trips.search(actor, query)),
    route(r.tripsGet, ({ actor, params }) => trips.get(actor, params.tripId)),
    route(r.tripsUpdate, ({ params, body }) => trips.change(params.tripId, body)),
    route(r.tripsPublish, ({ params }) => trips.publish(params.tripId)),
    route(r.tripsCancel, ({ params, body }) => trips.cancel(params.tripId, body.reason)),
  ];
}
