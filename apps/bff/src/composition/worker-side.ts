/**
 * Part of the composition root (`container.ts` calls this once): the modules a worker travels
 * through, in dependency order — who they are, the notices they get, their pass, the trips, the
 * seats they book, boarding, and the sweep that keeps seats and the waitlist moving. Each module is
 * built from its own index.ts; this file only says which module gets which of another's pieces.
 */
import type { Connection } from 'mongoose';
import type { AuditRepository } from '../audit/audit.repository';
import type { Clock } from '../clock';
import type { PiiCipher } from '../crypto/pii';
import type { RecordEventPublisher } from '../events';
import { buildBoarding } from '../modules/boarding';
import { buildBookings, buildBookingSweeper } from '../modules/bookings';
import { buildHealthCheckins } from '../modules/health-checkins';
import {
  buildNotifications,
  type ConsentRepository,
  type InboxCopy,
  type NotificationSender,
} from '../modules/notifications';
import { buildProfile, type EnterpriseLookup } from '../modules/profile';
import { buildRegions, type DivisionLookup } from '../modules/regions';
import type { SweepIsolation } from '../modules/sweep-failures';
import { buildTrips, TripRepository } from '../modules/trips';

export interface WorkerSideDeps {
  conn: Connection;
  clock: Clock;
  pii: PiiCipher;
  audit: AuditRepository;
  enterprises: EnterpriseLookup;
  /** Where trip, seat and check-in writes are announced (the rollups listen). */
  events: RecordEventPublisher;
  /** Keeps one bad booking or trip from stopping the bookings sweep. */
  isolation: SweepIsolation;
  /** The GB/T 2260 data a town's risk level is checked against. */
  divisionOf: DivisionLookup;
  /** Secret the pass QR tokens are derived from (the JWT secret; a separate HKDF label). */
  secret: string;
  sender: NotificationSender;
  consents: ConsentRepository;
  subscribeTemplateIds: readonly string[];
  inboxCopy: InboxCopy;
}

export function composeWorkerSide(d: WorkerSideDeps) {
  const { conn, clock, pii, audit, events } = d;

  // Who a worker is (profile, employer) and how risky the region they come from is.
  const profile = buildProfile({ conn, enterprises: d.enterprises, pii, audit, clock });
  const regions = buildRegions({ conn, audit, clock, divisionOf: d.divisionOf });
  const people = profile.repos.people;

  // The outbox every notice goes through, to WeChat and the in-app inbox.
  const notifications = buildNotifications({
    conn,
    clock,
    sender: d.sender,
    people,
    consents: d.consents,
    subscribeTemplateIds: d.subscribeTemplateIds,
    inboxCopy: d.inboxCopy,
  });
  const outbox = notifications.repos.outbox;

  // Daily check-ins and the pass they give (bookings and boarding ask it whether a worker may travel).
  const healthCheckins = buildHealthCheckins({
    conn,
    clock,
    regions: regions.services.regions,
    secret: d.secret,
    events,
  });
  const passes = healthCheckins.services.passes;

  // The booking path. ONE trip repository and one booking repository serve trips, bookings,
  // boarding and the sweep: the trip snapshots and the batched reads and writes live in those
  // instances (docs/booking-path.md). Bookings own the seat allocator that trips move seats with.
  const tripRepo = TripRepository.on(conn);
  const bookings = buildBookings({ conn, clock, trips: tripRepo, outbox, passes, people, events });
  const trips = buildTrips({
    repo: tripRepo,
    bookings: bookings.repos.bookings,
    outbox,
    seats: bookings.services.seats,
    enterprises: d.enterprises,
    clock,
    events,
  });
  const boarding = buildBoarding({
    trips: tripRepo,
    bookings: bookings.repos.bookings,
    seats: bookings.services.seats,
    passes,
    people,
    pii,
    audit,
    clock,
    events,
    secret: d.secret,
  });

  // The bookings sweep (waitlist promotion, seat release, reminders) sends the trips' notices; a
  // changed pass re-checks the worker's bookings at once.
  const bookingSweeper = buildBookingSweeper({
    bookings,
    trips: tripRepo,
    passes,
    outbox,
    notices: trips.services.notices,
    notifications: notifications.services.notifications,
    clock,
    isolation: d.isolation,
  });
  healthCheckins.services.checkins.onPassChanged(bookingSweeper);

  return { profile, regions, notifications, healthCheckins, trips, bookings, boarding, bookingSweeper };
}
