/**
 * 包车需求 (charter requests): firms ask for a chartered bus; transport officers turn requests into
 * trips. What other modules may use — the builder and the routes. Publishes no events (the trips
 * it creates are announced by the trips module).
 */
import type { Connection } from 'mongoose';
import type { Clock } from '../../clock';
import type { PiiCipher } from '../../crypto/pii';
import type { RouteDef } from '../../http/route';
import type { EnterpriseRepository, EnterpriseScope } from '../enterprises';
import { CharterRepository } from './charter.repository';
import { CharterService } from './charter.service';
import { charterRoutes as charterRoutesFor } from './charter.routes';
import { CharterConversion, type TripCreator } from './charter-conversion';

export type { TripCreator };

export interface CharterDeps {
  conn: Connection;
  clock: Clock;
  pii: PiiCipher;
  enterprises: EnterpriseRepository;
  scope: EnterpriseScope;
  /** The trips module's service: converted requests become its trips. */
  trips: TripCreator;
}

/** Builds the module once (the container calls this). */
export function buildCharters(d: CharterDeps) {
  const repos = { charters: CharterRepository.on(d.conn) };
  const charters = new CharterService({
    charters: repos.charters,
    enterprises: d.enterprises,
    scope: d.scope,
    pii: d.pii,
    clock: d.clock,
  });
  const conversion = new CharterConversion(repos.charters, d.enterprises, d.trips);
  return { repos, services: { charters, conversion } };
}

export type Charters = ReturnType<typeof buildCharters>;

export function charterRoutes(c: Charters): RouteDef[] {
  return charterRoutesFor(c.services.charters, c.services.conversion);
}
