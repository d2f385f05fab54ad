/**
 * What the cross-app tests under test/ may use of the BFF beyond its public entry point
 * (`apps/bff/src/index.ts`): the in-memory test app, fixtures that build a small world through
 * the real API, and the few tables a security test checks the code against. Nothing else in
 * test/ reaches into apps/bff/src (npm run lint refuses it).
 */
export { startTestApp, signInByPhone, type TestApp } from './test-app';
export { freePort } from './free-port';
export { textBody } from './text-body';
export { insertGreenWorkers } from './green-workers';
export {
  checkin,
  enterprise,
  greenWorker,
  person,
  publishedTrip,
  tripInput,
  type Person,
} from '../modules/bookings/test/fixtures';
export { assign, createEnterprise, creditCode, fullChecklist } from '../modules/enterprises/testing/fixtures';
export { sharingPostBody, sharingTermsBody, vacancyBody } from '../modules/labour/testing/fixtures';
export { encodeGbk } from '../modules/subsidies/testing/fixtures';
export { createTokenService } from '../auth/tokens';
export { POLICY } from '../auth/policy';
export { answerClientError } from '../http/client-error';
export { DEV_JWT_SECRET, DEV_PII_KEY } from '../config/schema';
export { RATE_LIMITS, type RateLimitTable } from '../modules/rate-limits';
export { AuditRepository } from '../audit/audit.repository';
