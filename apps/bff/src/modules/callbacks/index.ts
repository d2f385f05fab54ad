/**
 * 回访 (call-backs): a supervisor's call to a firm about the steward serving it. What other
 * modules may use — the builder, the service (the stewards' routes mount its recording), the
 * console routes, the repository and the flag listener. Publishes `callback.recorded`.
 */
import type { Clock } from '../../clock';
import type { RouteDef } from '../../http/route';
import type { RecordEventPublisher } from '../../events';
import type { EnterpriseRepository, StaffRepository } from '../enterprises';
import type { AssignmentRepository } from '../assignments';
import type { VisitRepository } from '../visits';
import type { CallbackRepository } from './callback.repository';
import { CallbackService } from './callback.service';
import { callbackConsoleRoutesFor } from './callback.routes';

export { CallbackRepository, type CallbackRecord } from './callback.repository';
export type { CallbackService } from './callback.service';
export { listenForCallbackFlags } from './callback-flag-notices';

export interface CallbackDeps {
  /** Opened by the container: the stewards read it too. */
  repo: CallbackRepository;
  enterprises: EnterpriseRepository;
  assignments: AssignmentRepository;
  staff: StaffRepository;
  visits: VisitRepository;
  clock: Clock;
  events: RecordEventPublisher;
}

/** Builds the module once (the container calls this). */
export function buildCallbacks(d: CallbackDeps) {
  const callbacks = new CallbackService(d);
  return { repos: { callbacks: d.repo }, services: { callbacks } };
}

export type Callbacks = ReturnType<typeof buildCallbacks>;

export function callbackRoutes(c: Callbacks): RouteDef[] {
  return callbackConsoleRoutesFor(c.services.callbacks);
}
