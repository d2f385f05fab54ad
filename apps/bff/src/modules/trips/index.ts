/**
 * 包车/班车 trips: published by transport officers, searched and booked by workers. What other
 * modules may use — the builder, the routes, the trip repository (the booking path shares one
 * instance: its trip snapshots and batched reads live in it) and the trip notices. Publishes
 * `trip.changed`.
 */
import type { Clock } from '../../clock';
import type { RecordEventPublisher } from '../../events';
import type { RouteDef } from '../../http/route';
import type { OutboxRepository } from '../notifications';
import type { EnterpriseLookup } from '../profile';
import type { TripRepository } from './trip.repository';
import type { TripBookings, TripSeats } from './trip-bookings';
import { TripNoticeService } from './trip-notices';
import { TripService } from './trip.service';
import { tripRoutes as tripRoutesFor } from './trip.routes';

export { TripRepository, type TripRecord, type NewTrip } from './trip.repository';
export type { TripNoticeService } from './trip-notices';
export type { TripService } from './trip.service';
export type { TripBookings, TripBooking, TripSeats } from './trip-bookings';

export interface TripDeps {
  /** The one trip repository of the booking path (opened by the container, shared with bookings and boarding). */
  repo: TripRepository;
  /** The bookings module's repository (trips read waitlists and cancel or notify the booked). */
  bookings: TripBookings;
  outbox: OutboxRepository;
  /** The bookings module's seat allocator: cancelling or shrinking a trip moves its seats. */
  seats: TripSeats;
  enterprises: EnterpriseLookup;
  clock: Clock;
  events: RecordEventPublisher;
}

/** Builds the module once (the container calls this). */
export function buildTrips(d: TripDeps) {
  const notices = new TripNoticeService(d.repo, d.bookings, d.outbox, d.clock);
  const trips = new TripService(d.repo, d.bookings, d.enterprises, d.seats, notices, d.clock, d.events);
  return { repos: { trips: d.repo }, services: { trips, notices } };
}

export type Trips = ReturnType<typeof buildTrips>;

export function tripRoutes(t: Trips): RouteDef[] {
  return tripRoutesFor(t.services.trips);
}
