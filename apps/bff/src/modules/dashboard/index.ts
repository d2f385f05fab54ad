/**
 * The command dashboard (指挥大屏): the summary of every figure, read from the rollups. What other
 * modules may use — the builder and the routes (which also mount the rollups' rebuild; the export
 * mounts its own route). Publishes no events.
 */
import { dashboardRoutes as r } from '@fugong/contracts';
import type { Clock } from '../../clock';
import { route, type RouteDef } from '../../http/route';
import type { StaffRepository } from '../enterprises';
import type { Rollups } from '../rollups';
import { DashboardService } from './dashboard.service';

export { DashboardService, type SummaryQuery } from './dashboard.service';

export interface DashboardDeps {
  rollups: Rollups;
  /** Whose figures an official may see (their department and region). */
  staff: StaffRepository;
  clock: Clock;
  /** How long one read of the rollup documents serves further summaries; see DashboardService. */
  cacheMs?: number;
}

/** Builds the module once (the container calls this). */
export function buildDashboard(d: DashboardDeps) {
  return { services: { dashboard: new DashboardService(d.rollups.repo, d.staff, d.clock, d.cacheMs) } };
}

export type Dashboard = ReturnType<typeof buildDashboard>;

/** Routes of the command dashboard: the summary and the rollups' rebuild. */
export function dashboardRoutes(d: Dashboard, rollups: Rollups): RouteDef[] {
  // Trip counter syncs are coalesced for up to a second (RollupService.syncTripSoon); the ones
  // this instance has scheduled land before it answers, so an official sees their own writes.
  const landed = () => rollups.service.flushPending();
  return [
    route(r.summary, async ({ query }) => {
      await landed();
      return d.services.dashboard.summary(query);
    }),
    route(r.rebuild, async () => {
      await landed();
      return rollups.rebuild();
    }),
  ];
}
