import type { Connection } from 'mongoose';
import type { Clock } from '../../clock';
import type { PiiCipher } from '../../crypto/pii';
import type { AuditRepository } from '../../audit/audit.repository';
import type { RouteDef } from '../../http/route';
import { RegionRepository } from '../regions/region.repository';
import { RegionService } from '../regions/region.service';
import { regionRoutes } from '../regions/region.routes';
import { ProfileRepository } from '../profile/profile.repository';
import { ProfileService, type EnterpriseLookup } from '../profile/profile.service';
import { profileRoutes } from '../profile/profile.routes';
import { CheckinRepository } from '../health-checkins/checkin.repository';
import { CheckinService } from '../health-checkins/checkin.service';
import { PassService } from '../health-checkins/pass.service';
import { createPassTokenSigner } from '../health-checkins/pass-token';
import { healthRoutes } from '../health-checkins/health.routes';
import { TripRepository } from '../trips/trip.repository';
import { TripService } from '../trips/trip.service';
import { TripNoticeService } from '../trips/trip-notices';
import { tripRoutes } from '../trips/trip.routes';
import { OutboxRepository } from '../notifications/outbox.repository';
import { NotificationService, type InboxCopy } from '../notifications/notification.service';
import { notificationRoutes } from '../notifications/notification.routes';
import type { NotificationSender } from '../notifications/sender';
import type { ConsentRepository } from '../notifications/consent.repository';
import { ConsentService } from '../notifications/consent.service';
import { BoardingService } from '../boarding/boarding.service';
import { boardingRoutes } from '../boarding/boarding.routes';
import { BookingRepository } from './booking.repository';
import { BookingService } from './booking.service';
import { SeatAllocator } from './seat-allocator';
import { BookingSweeper } from './booking-sweep';
import { bookingRoutes } from './booking.routes';
import { NO_LISTENERS, type RecordEventPublisher } from '../../events';
import type { SweepIsolation } from '../sweep-failures';

export interface WorkerJourneyDeps {
  conn: Connection;
  clock: Clock;
  pii: PiiCipher;
  audit: AuditRepository;
  enterprises: EnterpriseLookup;
  /** Secret the pass QR tokens are derived from (the JWT secret; a separate HKDF label). */
  secret: string;
  sender: NotificationSender;
  /** Subscribe consents (shared with the WeChat sender) and the templates a person may accept. */
  consents: ConsentRepository;
  subscribeTemplateIds: readonly string[];
  /** Where trip, seat and check-in writes are announced; nobody listens when absent. */
  events?: RecordEventPublisher;
  /** Keeps one bad booking or trip from stopping the sweep (failure counts in the database). */
  isolation: SweepIsolation;
  /** Copies every delivered notice into the in-app inbox; none when built without it. */
  inboxCopy?: InboxCopy;
}

/**
 * Builds the worker journey in dependency order: regions → passes → seats →
 * bookings → trips → boarding → sweeper. The container calls this once and exposes the result.
 */
export function buildWorkerJourney(d: WorkerJourneyDeps) {
  const events = d.events ?? NO_LISTENERS;
  const repos = {
    regions: RegionRepository.on(d.conn),
    people: ProfileRepository.on(d.conn),
    checkins: CheckinRepository.on(d.conn),
    trips: TripRepository.on(d.conn),
    bookings: BookingRepository.on(d.conn),
    outbox: OutboxRepository.on(d.conn),
  };
  const regions = new RegionService(repos.regions, d.audit, d.clock);
  const profiles = new ProfileService(repos.people, d.enterprises, d.pii, d.audit, d.clock);
  const passes = new PassService(repos.checkins, regions, createPassTokenSigner(d.secret), d.clock);
  const checkins = new CheckinService(repos.checkins, regions, d.clock, events);
  const seats = new SeatAllocator(repos.trips, repos.bookings, repos.outbox, d.clock, events);
  const notices = new TripNoticeService(repos.trips, repos.bookings, repos.outbox, d.clock);
  const notifications = new NotificationService(
    repos.outbox,
    d.sender,
    (id) => repos.people.openidOf(id),
    d.clock,
    d.inboxCopy ?? null,
  );
  const consents = new ConsentService(
    d.consents,
    (id) => repos.people.openidOf(id),
    d.subscribeTemplateIds,
    d.clock,
  );
  const bookings = new BookingService(repos.bookings, repos.trips, seats, passes, repos.people, d.clock);
  const trips = new TripService(repos.trips, repos.bookings, d.enterprises, seats, notices, d.clock, events);
  const boarding = new BoardingService(
    repos.trips,
    repos.bookings,
    seats,
    passes,
    repos.people,
    d.pii,
    d.audit,
    d.clock,
    events,
  );
  const sweeper = new BookingSweeper(
    repos.bookings,
    repos.trips,
    seats,
    passes,
    repos.outbox,
    notices,
    notifications,
    d.clock,
    d.isolation,
  );
  checkins.onPassChanged(sweeper);
  return {
    repos,
    events,
    sender: d.sender,
    services: {
      regions,
      profiles,
      passes,
      checkins,
      seats,
      bookings,
      trips,
      boarding,
      notifications,
      consents,
      sweeper,
    },
  };
}

export type WorkerJourney = ReturnType<typeof buildWorkerJourney>;

/** Every route of the worker journey. */
export function workerJourneyRoutes(w: WorkerJourney): RouteDef[] {
  const s = w.services;
  return [
    ...profileRoutes(s.profiles),
    ...regionRoutes(s.regions),
    ...healthRoutes(s.checkins, s.passes),
    ...tripRoutes(s.trips),
    ...bookingRoutes(s.bookings),
    ...boardingRoutes(s.boarding),
    ...notificationRoutes(s.notifications, s.consents),
  ];
}
