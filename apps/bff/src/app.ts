import Koa from 'koa';
import { buildContainer, type AppDeps, type Container } from './container';
import { trustedProxyHops } from './config';
import { errorMiddleware } from './http/error-middleware';
import { requestId } from './http/request-id';
import { requestLogger } from './http/request-logger';
import { securityHeaders } from './http/security-headers';
import { jsonBody } from './http/json-body';
import { corsFor } from './http/cors';
import { multipartOrJson } from './http/multipart';
import { mountRoutes } from './http/mount';
import { buildOpenApi } from './http/openapi';
import { authenticate } from './auth/authenticate';
import { route, type RouteDef } from './http/route';
import { foundationRoutes } from '@fugong/contracts';
import { systemRoutes } from './modules/system';
import { authRoutes } from './modules/auth';
import { profileRoutes } from './modules/profile';
import { regionRoutes } from './modules/regions';
import { healthRoutes } from './modules/health-checkins';
import { tripRoutes } from './modules/trips';
import { bookingRoutes } from './modules/bookings';
import { boardingRoutes } from './modules/boarding';
import { notificationRoutes } from './modules/notifications';
import { departmentRoutes } from './modules/departments';
import { enterpriseRoutes } from './modules/enterprises';
import { reopeningRoutes } from './modules/reopening';
import { charterRoutes } from './modules/charters';
import { stewardRoutes } from './modules/stewards';
import { callbackRoutes } from './modules/callbacks';
import { issueRoutes } from './modules/issues';
import { dashboardRoutes } from './modules/dashboard';
import { exportRoutes } from './modules/exports';
import { httpMetrics, metricsEndpoint } from './metrics';
import { calendarRoutesFor } from './modules/calendar';
import { subsidyRoutesFor } from './modules/subsidies';
import { freightPassRoutes } from './modules/freight-passes';
import { inboxRoutes } from './modules/inbox';
import { alertRoutes } from './modules/alerts';
import { labourRoutes } from './modules/labour';
import { keyProjectRoutes } from './modules/key-projects';
import { supplyChainRoutes } from './modules/supply-chain';
import { hotlineRoutes } from './modules/hotline';
import { divisionRoutesFor } from './modules/divisions';
import { auditLogRoutes } from './modules/audit-log';

/** Every route the BFF serves, module by module. */
function allRoutes(deps: AppDeps, c: Container): RouteDef[] {
  return [
    ...systemRoutes(deps.connection),
    ...authRoutes(c.services.auth),
    // The worker side.
    ...profileRoutes(c.profile),
    ...regionRoutes(c.regions),
    ...healthRoutes(c.healthCheckins),
    ...tripRoutes(c.trips),
    ...bookingRoutes(c.bookings),
    ...boardingRoutes(c.boarding),
    ...notificationRoutes(c.notifications),
    // The enterprise side; list order matters where a literal path shadows `/:id`.
    ...departmentRoutes(),
    ...enterpriseRoutes(c.enterprises),
    ...reopeningRoutes(c.reopening),
    ...charterRoutes(c.charters),
    ...stewardRoutes(c.stewards, c.visits, c.callbacks),
    ...callbackRoutes(c.callbacks),
    ...issueRoutes(c.issues),
    ...dashboardRoutes(c.dashboard, c.rollups),
    ...exportRoutes(c.exports, c.rollups),
    ...calendarRoutesFor(c.calendar.service),
    ...subsidyRoutesFor(c.subsidies),
    ...freightPassRoutes(c.freight),
    ...inboxRoutes(c.inbox),
    ...alertRoutes(c.alerts),
    ...labourRoutes(c.labour),
    ...keyProjectRoutes(c.keyProjects),
    ...supplyChainRoutes(c.supplyChain),
    ...hotlineRoutes(c.hotline),
    ...divisionRoutesFor(c.divisions),
    ...auditLogRoutes(c.auditLog),
  ];
}

/**
 * Builds the Koa application without listening, so tests drive it with supertest and
 * main.ts decides about ports and signals.
 */
export function createApp(deps: AppDeps): Koa & { container: Container } {
  const container = buildContainer(deps);
  // ctx.ip (and with it every per-address rate limit) is the X-Forwarded-For entry appended by the
  // outermost trusted proxy: Koa keeps only the last maxIpsCount entries, so addresses a client
  // wrote into the header itself never count. Unset maxIpsCount would trust the leftmost.
  const hops = trustedProxyHops(deps.config);
  const app = new Koa({ proxy: hops > 0, maxIpsCount: hops }) as Koa & { container: Container };
  app.container = container;
  let openapi: Record<string, unknown> = {};
  const defs = [...allRoutes(deps, container), route(foundationRoutes.openapi, async () => openapi)];
  openapi = buildOpenApi(defs.map((d) => d.contract));
  const apiRoutes = mountRoutes(defs, container.services.idempotency, container.rateLimiter);

  // Logged by the error middleware with the request id; Koa's default handler would print stacks.
  app.silent = true;
  app.use(requestId);
  app.use(requestLogger(deps.logger));
  // Outside the error middleware, so the counted status is the one sent.
  app.use(httpMetrics(container.metrics));
  app.use(errorMiddleware(deps.logger));
  app.use(securityHeaders);
  // Before CORS, body parsing and authentication: a scraper is not a browser or a user.
  app.use(metricsEndpoint(container.metrics, deps.config.METRICS_TOKEN));
  app.use(corsFor(deps.config.CORS_ORIGINS));
  app.use(multipartOrJson(jsonBody(deps.config.BODY_LIMIT_BYTES)));
  app.use(authenticate(container.tokens));
  // The routes, each path's module's own router with its 405/OPTIONS/501 answers (see indexedRoutes).
  app.use(apiRoutes);
  return app;
}
