/**
 * Daily health check-ins and the pass (green/amber/red) they give. What other modules may use —
 * the builder, the routes, the pass service (bookings and boarding ask it whether a worker may
 * travel) and the pass-token signer. Publishes `checkin.saved`; tells a PassChangeListener (the
 * bookings sweep) when a worker's pass changed.
 */
import type { Connection } from 'mongoose';
import type { Clock } from '../../clock';
import type { RecordEventPublisher } from '../../events';
import type { RouteDef } from '../../http/route';
import type { RegionService } from '../regions';
import { CheckinRepository } from './checkin.repository';
import { CheckinService } from './checkin.service';
import { PassService } from './pass.service';
import { createPassTokenSigner } from './pass-token';
import { healthRoutes as healthRoutesFor } from './health.routes';

export { CheckinRepository } from './checkin.repository';
export { createPassTokenSigner, PASS_TOKEN_REFRESH_SEC, type PassTokenSigner } from './pass-token';
export type { PassChangeListener, CheckinService } from './checkin.service';
export type { PassService } from './pass.service';

export interface HealthCheckinDeps {
  conn: Connection;
  clock: Clock;
  regions: RegionService;
  /** Secret the pass QR tokens are derived from (the JWT secret; a separate HKDF label). */
  secret: string;
  events: RecordEventPublisher;
}

/** Builds the module once (the container calls this). */
export function buildHealthCheckins(d: HealthCheckinDeps) {
  const repos = { checkins: CheckinRepository.on(d.conn) };
  const passes = new PassService(repos.checkins, d.regions, createPassTokenSigner(d.secret), d.clock);
  const checkins = new CheckinService(repos.checkins, d.regions, d.clock, d.events);
  return { repos, services: { passes, checkins } };
}

export type HealthCheckins = ReturnType<typeof buildHealthCheckins>;

export function healthRoutes(h: HealthCheckins): RouteDef[] {
  return healthRoutesFor(h.services.checkins, h.services.passes);
}
