import cors from '@koa/cors';
import type { Context, Middleware, Next } from 'koa';

/**
 * CORS for the browser build (H5) at the configured origins. A request without an `Origin`
 * header (the WeChat runtime's, a gateway's) gets what @koa/cors gives it — only
 * `Vary: Origin` — without @koa/cors's two awaits and origin callback per request.
 */
export function corsFor(origins: readonly string[]): Middleware {
  const full = cors({
    origin: (ctx) => {
      const origin = ctx.get('Origin');
      return origins.includes(origin) ? origin : '';
    },
    allowHeaders: ['Content-Type', 'Authorization', 'Idempotency-Key', 'X-Request-Id'],
    exposeHeaders: ['X-Request-Id', 'Retry-After', 'Idempotent-Replayed'],
    maxAge: 600,
  });
  return function corsUnlessNoOrigin(ctx: Context, next: Next) {
    if (ctx.get('Origin')) return full(ctx, next);
    ctx.vary('Origin');
    return next();
  };
}
