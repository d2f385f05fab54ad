/**
 * 地区风险 (region risk levels): what other modules may use — the builder, the routes and the
 * service passes and check-ins read a region's level from. Publishes no events.
 */
import type { Connection } from 'mongoose';
import type { AuditRepository } from '../../audit/audit.repository';
import type { Clock } from '../../clock';
import type { RouteDef } from '../../http/route';
import { RegionRepository } from './region.repository';
import { RegionService } from './region.service';
import { regionRoutes as regionRoutesFor } from './region.routes';

export type { RegionService } from './region.service';

/** Builds the module once (the container calls this). */
export function buildRegions(d: { conn: Connection; audit: AuditRepository; clock: Clock }) {
  const repos = { regions: RegionRepository.on(d.conn) };
  return { repos, services: { regions: new RegionService(repos.regions, d.audit, d.clock) } };
}

export type Regions = ReturnType<typeof buildRegions>;

export function regionRoutes(r: Regions): RouteDef[] {
  return regionRoutesFor(r.services.regions);
}
