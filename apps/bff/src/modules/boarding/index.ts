/**
 * Boarding: the driver's passenger manifest, the worker's offline boarding code, and the scan at
 * the door. What
 * other modules may use — the builder and the routes. Publishes `trip.counters-moved`.
 */
import type { Clock } from '../../clock';
import type { AuditRepository } from '../../audit/audit.repository';
import type { PiiCipher } from '../../crypto/pii';
import type { RecordEventPublisher } from '../../events';
import type { RouteDef } from '../../http/route';
import type { BookingRepository, SeatAllocator } from '../bookings';
import type { PassService } from '../health-checkins';
import type { ProfileRepository } from '../profile';
import type { TripRepository } from '../trips';
import { BoardingService } from './boarding.service';
import { boardingRoutes as boardingRoutesFor } from './boarding.routes';
import { createBoardingTokenSigner } from './boarding-token';
import { BoardingTokenService } from './boarding-token.service';

export interface BoardingDeps {
  trips: TripRepository;
  bookings: BookingRepository;
  seats: SeatAllocator;
  passes: PassService;
  people: ProfileRepository;
  pii: PiiCipher;
  audit: AuditRepository;
  clock: Clock;
  events: RecordEventPublisher;
  /** Secret the offline boarding codes are derived from (the JWT secret; a separate HKDF label). */
  secret: string;
}

/** Builds the module once (the container calls this). */
export function buildBoarding(d: BoardingDeps) {
  const tokens = createBoardingTokenSigner(d.secret);
  const boardingTokens = new BoardingTokenService(d.trips, d.bookings, d.seats, tokens, d.clock);
  const boarding = new BoardingService(
    d.trips,
    d.bookings,
    d.seats,
    d.passes,
    d.people,
    d.pii,
    d.audit,
    d.clock,
    tokens,
    d.events,
  );
  return { services: { boarding, boardingTokens } };
}

export type Boarding = ReturnType<typeof buildBoarding>;

export function boardingRoutes(b: Boarding): RouteDef[] {
  return boardingRoutesFor(b.services.boarding, b.services.boardingTokens);
}
