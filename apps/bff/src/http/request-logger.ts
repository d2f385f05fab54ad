import type { Context, Next } from 'koa';
import type { Logger } from 'pino';

/**
 * One structured line per request. Only method, route path, status and timing are logged:
 * never bodies or query strings, which carry phone and ID numbers.
 */
export function requestLogger(logger: Logger) {
  return async function logRequest(ctx: Context, next: Next): Promise<void> {
    const started = process.hrtime.bigint();
    try {
      await next();
    } finally {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info(
        {
          requestId: ctx.state.requestId,
          method: ctx.method,
          route: ctx.state.routeId ?? ctx.path.replace(/[0-9a-f]{24}/gi, ':id'),
          status: ctx.status,
          ms: Math.round(ms * 10) / 10,
          userId: ctx.state.user?.id,
        },
        'request',
      );
    }
  };
}
