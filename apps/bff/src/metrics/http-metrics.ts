import { timingSafeEqual } from 'node:crypto';
import type { Context, Next } from 'koa';
import { DomainError } from '../errors';
import type { Metrics } from './metrics';

/**
 * Counts and times every request by the route pattern the router matched (`/api/trips/:id`,
 * never the raw URL, whose ids would make one series per trip); requests no route matched
 * share `unmatched`. Sits outside the error middleware so it sees the status actually sent.
 */
export function httpMetrics(metrics: Metrics) {
  return async function measure(ctx: Context, next: Next): Promise<void> {
    const end = metrics.httpDuration.startTimer();
    try {
      await next();
    } finally {
      const labels = {
        method: ctx.method,
        route: (ctx as Context & { _matchedRoute?: string })._matchedRoute ?? routeOf(ctx),
        status: String(ctx.status),
      };
      metrics.httpRequests.inc(labels);
      end(labels);
    }
  };
}

const routeOf = (ctx: Context) => (ctx.path === METRICS_PATH ? METRICS_PATH : 'unmatched');

export const METRICS_PATH = '/metrics';

/**
 * `GET /metrics` in Prometheus text format, for a scraper holding `METRICS_TOKEN` as a bearer
 * token. Without a configured token the endpoint does not exist (404): the figures name routes,
 * jobs and instance ids, which are not for the public internet.
 */
export function metricsEndpoint(metrics: Metrics, token: string | undefined) {
  const expected = token ? Buffer.from(`Bearer ${token}`) : null;
  // Not async itself: every other request passes on next()'s own promise (one promise less each).
  return function serveMetrics(ctx: Context, next: Next): Promise<void> {
    if (ctx.path !== METRICS_PATH || ctx.method !== 'GET' || !expected) return next();
    return answerScrape(ctx, expected);
  };

  async function answerScrape(ctx: Context, expected: Buffer): Promise<void> {
    const given = Buffer.from(ctx.get('Authorization'));
    // Constant-time comparison: the token must not be guessable byte by byte from timings.
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      ctx.set('WWW-Authenticate', 'Bearer');
      throw new DomainError('UNAUTHENTICATED');
    }
    ctx.type = metrics.registry.contentType;
    ctx.body = await metrics.registry.metrics();
  }
}
