/**
 * 复工申报 (reopening reports): a firm's daily report of staff back at work. What other modules
 * may use — the builder, the routes and the repository (stewards and the firm's card read the
 * latest report). Publishes `enterprise.changed`.
 */
import type { Clock } from '../../clock';
import type { RecordEventPublisher } from '../../events';
import type { RouteDef } from '../../http/route';
import type { EnterpriseScope } from '../enterprises';
import type { ReopeningRepository } from './reopening.repository';
import { ReopeningService } from './reopening.service';
import { reopeningRoutes as reopeningRoutesFor } from './reopening.routes';

export { ReopeningRepository, type ReopeningRecord, type ReportRow } from './reopening.repository';

export interface ReopeningDeps {
  /** Opened by the container: the enterprise-side modules read it too. */
  repo: ReopeningRepository;
  scope: EnterpriseScope;
  clock: Clock;
  events: RecordEventPublisher;
}

/** Builds the module once (the container calls this). */
export function buildReopening(d: ReopeningDeps) {
  const reopening = new ReopeningService(d.repo, d.scope, d.clock, d.events);
  return { repos: { reopening: d.repo }, services: { reopening } };
}

export type Reopening = ReturnType<typeof buildReopening>;

export function reopeningRoutes(r: Reopening): RouteDef[] {
  return reopeningRoutesFor(r.services.reopening);
}
