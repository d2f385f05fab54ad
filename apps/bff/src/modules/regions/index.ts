/**
 * 地区风险 (region risk levels of counties and their towns): what other modules may use — the builder, the routes and the
 * service passes and check-ins read a region's level from. Publishes no events.
 */
import type { Connection } from 'mongoose';
import type { AuditRepository } from '../../audit/audit.repository';
import type { Clock } from '../../clock';
import type { RouteDef } from '../../http/route';
import { RegionRepository } from './region.repository';
import { RegionService, type DivisionLookup } from './region.service';
import { regionRoutes as regionRoutesFor } from './region.routes';

export type { DivisionLookup, RegionService } from './region.service';

/** Builds the module once (the container calls this). */
export function buildRegions(d: {
  conn: Connection;
  audit: AuditRepository;
  clock: Clock;
  /** The GB/T 2260 data a town's code is checked against. */
  divisionOf: DivisionLookup;
}) {
  const repos = { regions: RegionRepository.on(d.conn) };
  return {
    repos,
    services: { regions: new RegionService(repos.regions, d.audit, d.clock, d.divisionOf) },
  };
}

export type Regions = ReturnType<typeof buildRegions>;

export function regionRoutes(r: Regions): RouteDef[] {
  return regionRoutesFor(r.services.regions);
}
