import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { dashboardRoutes } from '@fugong/contracts';
import type { Clock } from '../../clock';
import { route, type RouteDef } from '../../http/route';
import type { StaffRepository } from '../enterprises/staff.repository';
import { RollupRepository } from '../rollups/rollup.repository';
import { RollupSources } from '../rollups/rollup-sources';
import { RollupService } from '../rollups/rollup.service';
import { rebuildRollups, type RebuildProgress } from '../rollups/rollup-rebuild';
import { ExportService } from '../exports/export.service';
import { DashboardService } from './dashboard.service';

/**
 * The rollups come first (every writing module gets their hooks); the dashboard and exports,
 * which read them, are completed once the staff repository exists.
 */
export function buildRollups(d: { conn: Connection; clock: Clock; logger: Logger | null }) {
  const repo = RollupRepository.on(d.conn);
  const sources = new RollupSources(d.conn);
  const service = new RollupService(repo, sources, d.clock, d.logger);
  return {
    repo,
    sources,
    service,
    /** Recounts every rollup from raw data and reports drift (the CLI and tests call this). */
    rebuild: (progress?: RebuildProgress) => rebuildRollups(repo, sources, d.clock, progress),
  };
}

export type Rollups = ReturnType<typeof buildRollups>;

/** The command dashboard and its exports on top of the rollups. */
export function buildDashboardFeature(d: {
  rollups: Rollups;
  staff: StaffRepository;
  clock: Clock;
  logger: Logger | null;
  cacheMs?: number;
}) {
  const dashboard = new DashboardService(d.rollups.repo, d.staff, d.clock, d.cacheMs);
  const exports = new ExportService(dashboard, d.rollups.sources, d.logger);
  return { rollups: d.rollups, dashboard, exports };
}

export type DashboardFeature = ReturnType<typeof buildDashboardFeature>;

/** Routes of the command dashboard. */
export function dashboardFeatureRoutes(f: DashboardFeature): RouteDef[] {
  // Trip counter syncs are coalesced for up to a second (RollupService.syncTripSoon); the ones
  // this instance has scheduled land before it answers, so an official sees their own writes.
  const landed = () => f.rollups.service.flushPending();
  return [
    route(dashboardRoutes.summary, async ({ query }) => {
      await landed();
      return f.dashboard.summary(query);
    }),
    route(dashboardRoutes.export, async ({ query }) => {
      await landed();
      return f.exports.export(query, query.format);
    }),
    route(dashboardRoutes.rebuild, async () => {
      await landed();
      return f.rollups.rebuild();
    }),
  ];
}
