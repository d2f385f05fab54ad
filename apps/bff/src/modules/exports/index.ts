/**
 * The dashboard's export (xlsx/csv, streamed): the summary's figures plus per-enterprise sheets.
 * What other modules may use — the builder (the dashboard's routes mount its service). Publishes
 * no events.
 */
import type { Logger } from 'pino';
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
