import type { BookingStatus } from '@fugong/contracts';

/**
 * What a trip needs of its bookings, declared on the trips side: the bookings module's repository
 * and seat allocator fit these shapes and the container passes them in. Bookings depend on trips
 * (a booking is for a trip), so trips name no bookings type and the two modules do not import
 * each other.
 */
export interface TripBookings {
  /** How many workers wait for each trip. */
  waitlistCounts(tripIds: string[]): Promise<Map<string, number>>;
  /** Cancels every live booking of a cancelled trip; the number cancelled. */
  cancelAllForTrip(tripId: string, now: Date): Promise<number>;
  listByTrip(tripId: string, statuses: BookingStatus[]): Promise<TripBooking[]>;
}

/** The parts of a booking a trip's notices read. */
export interface TripBooking {
  workerId: string;
  status: BookingStatus;
  cancelReason: string | null;
  createdAt: Date;
}

/** The seat allocator, as a trip that grows calls it. */
export interface TripSeats {
  /** Moves waiting workers onto seats the trip now has; the number promoted. */
  promote(tripId: string): Promise<number>;
}
