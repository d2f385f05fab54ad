/**
 * 回访 (call-backs): a call to a firm to ask whether its issue was solved. What other modules may
 * use — the builder, the service (the stewards' routes mount it) and the repository. Publishes
 * `callback.recorded`.
 */
import type { Clock } from '../../clock';
import type { RecordEventPublisher } from '../../events';
import type { EnterpriseRepository } from '../enterprises';
import type { AssignmentRepository } from '../stewards';
import type { CallbackRepository } from './callback.repository';
import { CallbackService } from './callback.service';

export { CallbackRepository, type CallbackRecord } from './callback.repository';
export type { CallbackService } from './callback.service';

export interface CallbackDeps {
  /** Opened by the container: the stewards read it too. */
  repo: CallbackRepository;
  enterprises: EnterpriseRepository;
  assignments: AssignmentRepository;
  clock: Clock;
  events: RecordEventPublisher;
}

/** Builds the module once (the container calls this). */
export function buildCallbacks(d: CallbackDeps) {
  const callbacks = new CallbackService(d.repo, d.enterprises, d.assignments, d.clock, d.events);
  return { repos: { callbacks: d.repo }, services: { callbacks } };
}

export type Callbacks = ReturnType<typeof buildCallbacks>;
