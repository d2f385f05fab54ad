import { workerRoutes as r } from '@fugong/contracts';
import { replayed, route, type RouteDef } from '../../http/route';
import type { BookingService } from './booking.service';

/** Seat booking: workers for themselves; liaisons for their enterprise's staff. */
export function bookingRoutes(bookings: BookingService): RouteDef[] {
  return [
    // The key is stored in the booking itself (its id derives from it): see BookingService.book.
    route(
      r.bookingsCreate,
      async ({ actor, body, idempotencyKey }) => {
        const placed = await bookings.book(actor, body.tripId, body.pickupIndex, idempotencyKey);
        return placed.replayed ? replayed(placed.booking) : placed.booking;
      },
      { keyStoredByHandler: true },
    ),
    route(r.bookingsMine, ({ actor }) => bookings.mine(actor)),
    route(r.bookingsCancel, ({ actor, params }) => bookings.cancel(actor, params.bookingId)),
    route(r.bookingsArrive, ({ actor, params }) => bookings.arrive(actor, params.bookingId)),
    route(r.bookingsStaff, ({ actor, params, body }) =>
      bookings.bookStaff(actor, params.tripId, body.staffIds, body.pickupIndex),
    ),
  ];
}
