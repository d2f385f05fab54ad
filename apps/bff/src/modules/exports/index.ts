/**
 * The dashboard's export (xlsx/csv, streamed): the summary's figures plus per-enterprise sheets.
 * What other modules may use — the builder and its route. Publishes no events.
 */
import type { Logger } from 'pino';
import { dashboardRoutes as r } from '@fugong/contracts';
import { route, type RouteDef } from '../../http/route';
import type { Rollups } from '../rollups';
import type { DashboardService } from '../dashboard';
import { ExportService, type ExportSources } from './export.service';

export type { ExportService, ExportSources };

/** Builds the module once (the container calls this). */
export function buildExports(d: {
  dashboard: DashboardService;
  /** The registry and the reopening reports, read through their repositories. */
  sources: ExportSources;
  logger: Logger | null;
}) {
  return { services: { exports: new ExportService(d.dashboard, d.sources, d.logger) } };
}

export type Exports = ReturnType<typeof buildExports>;

/** The dashboard's export route (its contract sits with the dashboard's, under /api/dashboard). */
export function exportRoutes(e: Exports, rollups: Rollups): RouteDef[] {
  return [
    route(r.export, async ({ query }) => {
      // Like the summary: the coalesced trip counter syncs this instance scheduled land first.
      await rollups.service.flushPending();
      return e.services.exports.export(query, query.format);
    }),
  ];
}
