/**
 * Abuse limits: fixed windows per IP, actor or phone, counted in MongoDB behind a per-process
 * first stage. The container builds the limiter; the mount pipeline applies it. Publishes no
 * events.
 */
export { RateLimitRepository } from './rate-limit.repository';
export {
  RATE_LIMITS,
  RateLimiter,
  type RateKey,
  type RateLimitTable,
  type RateRule,
  type RateSubject,
} from './rate-limits';
