/**
 * Seat bookings: a worker books, cancels or waits for a seat; the sweep promotes the waitlist and
 * releases unconfirmed seats. What other modules may use — the builders, the routes, the booking
 * repository and the seat allocator (trips and boarding move seats through it). Publishes
 * `trip.counters-moved`. The booking path's performance design is in docs/booking-path.md.
 */
import type { Connection } from 'mongoose';
import type { Clock } from '../../clock';
import type { RecordEventPublisher } from '../../events';
import type { RouteDef } from '../../http/route';
import type { PassService } from '../health-checkins';
import type { NotificationService, OutboxRepository } from '../notifications';
import type { ProfileRepository } from '../profile';
import type { SweepIsolation } from '../sweep-failures';
import type { TripNoticeService, TripRepository } from '../trips';
import { BookingRepository } from './booking.repository';
import { BookingService } from './booking.service';
import { SeatAllocator } from './seat-allocator';
import { BookingSweeper } from './booking-sweep';
import { bookingRoutes as bookingRoutesFor } from './booking.routes';

export { BookingRepository, type BookingRecord } from './booking.repository';
export type { SeatAllocator } from './seat-allocator';
export type { BookingSweeper } from './booking-sweep';
export { BOOKINGS_SWEEP } from './booking-sweep';

export interface BookingDeps {
  conn: Connection;
  clock: Clock;
  /** The one trip repository of the booking path (shared with trips and boarding). */
  trips: TripRepository;
  outbox: OutboxRepository;
  passes: PassService;
  people: ProfileRepository;
  events: RecordEventPublisher;
}

/** Builds the booking repository, the seat allocator and the booking service (the container calls this). */
export function buildBookings(d: BookingDeps) {
  const repos = { bookings: BookingRepository.on(d.conn) };
  const seats = new SeatAllocator(d.trips, repos.bookings, d.outbox, d.clock, d.events);
  const bookings = new BookingService(repos.bookings, d.trips, seats, d.passes, d.people, d.clock);
  return { repos, services: { seats, bookings } };
}

export type Bookings = ReturnType<typeof buildBookings>;

export interface BookingSweepDeps {
  bookings: Bookings;
  trips: TripRepository;
  passes: PassService;
  outbox: OutboxRepository;
  notices: TripNoticeService;
  notifications: NotificationService;
  clock: Clock;
  /** Keeps one bad booking or trip from stopping the sweep (failure counts in the database). */
  isolation: SweepIsolation;
}

/**
 * The bookings sweep (waitlist promotion, seat release, departure reminders). Built after the
 * trips module, whose notices it sends; the container subscribes it to pass changes.
 */
export function buildBookingSweeper(d: BookingSweepDeps): BookingSweeper {
  return new BookingSweeper(
    d.bookings.repos.bookings,
    d.trips,
    d.bookings.services.seats,
    d.passes,
    d.outbox,
    d.notices,
    d.notifications,
    d.clock,
    d.isolation,
  );
}

export function bookingRoutes(b: Bookings): RouteDef[] {
  return bookingRoutesFor(b.services.bookings);
}
