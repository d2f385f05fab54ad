/**
 * The service's own plumbing: liveness and readiness routes, and the idempotency keys every
 * retried write claims (the mount pipeline uses the service). Publishes no events.
 */
export { systemRoutes } from './system.routes';
export { IdempotencyRepository, type ClaimResult } from './idempotency.repository';
export {
  IdempotencyService,
  JOIN_WAIT_MS,
  type IdempotentRequest,
  type StoredResponse,
} from './idempotency.service';
