import { workerRoutes as r } from '@fugong/contracts';
import { route, type RouteDef } from '../../http/route';
import type { BookingService } from './booking.service';

/** Seat booking: workers for themselves; liaisons for their enterprise's staff. */
export function bookingRoutes(bookings: BookingService): RouteDef[] {
  return [
    route(r.bookingsCreate, ({ actor, body }) => bookings.book(actor, body.tripId, body.pickupIndex)),
    route(r.bookingsMine, ({ actor }) => bookings.mine(actor)),
    route(r.bookingsCancel, ({ actor, params }) => bookings.cancel(actor, params.bookingId)),
    route(r.bookingsStaff, ({ actor, params, body }) =>
      bookings.bookStaff(actor, params.tripId, body.staffIds, body.pickupIndex),
    ),
  ];
}
