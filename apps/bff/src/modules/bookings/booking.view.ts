import type { Booking } from '@fugong/contracts';
import type { TripRecord } from '../trips';
import type { BookingRecord } from './booking.repository';

/** The contract shape of a booking, with its trip summary and waitlist place. */
export function toBookingView(
  b: BookingRecord,
  trip: TripRecord | null,
  waitlistPosition: number | null,
): Booking {
  return {
    id: b.id,
    tripId: b.tripId,
    workerId: b.workerId,
    travelDay: b.travelDay,
    status: b.status,
    pickupPoint: b.pickupPoint,
    waitlistPosition: b.status === 'waitlisted' ? waitlistPosition : null,
    flag: b.flag
      ? { color: b.flag.color, reasons: b.flag.reasons, at: new Date(b.flag.at).toISOString() }
      : null,
    seatNo: b.seatNo,
    bookedBy: b.bookedBy,
    createdAt: b.createdAt.toISOString(),
    cancelledAt: b.cancelledAt ? b.cancelledAt.toISOString() : null,
    arrivedAt: b.arrivedAt ? b.arrivedAt.toISOString() : null,
    trip: trip
      ? {
          originName: trip.originName,
          destinationNames: trip.destinations.map((d) => d.enterpriseName),
          departureAt: trip.departureAt.toISOString(),
          plate: trip.vehicle.plate,
          status: trip.status,
        }
      : null,
  };
}
