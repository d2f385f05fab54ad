import Router from '@koa/router';
import type { Context, Middleware, Next } from 'koa';

/**
 * The static start of a route path that decides which routes can match it: its first two
 * segments (`/api/pass`), lower-cased as the router matches case-insensitively. Null when one
 * of them is a parameter or a pattern, so the route could match under any start.
 */
export function staticPrefix(path: string): string | null {
  const [empty, first, second] = path.split('/', 3);
  if (empty !== '' || !first || second === undefined) return null;
  if (!/^[A-Za-z0-9._-]+$/.test(first) || !/^[A-Za-z0-9._-]+$/.test(second)) return null;
  return `/${first}/${second}`.toLowerCase();
}

/** The start of a request path in the same form (the first two segments, lower-cased). */
function requestPrefix(path: string): string {
  const slash = path.indexOf('/', path.indexOf('/', 1) + 1);
  return (slash < 0 ? path : path.slice(0, slash)).toLowerCase();
}

/** A router with its allowed-methods answer (405 with Allow, OPTIONS, 501) behind it. */
function routerChain(router: Router): Middleware {
  // The router's middleware types want its own context; Koa hands it the app's, as app.use did.
  const routes = router.routes() as unknown as Middleware;
  const allowed = router.allowedMethods({ throw: false }) as unknown as Middleware;
  return (ctx, next) => routes(ctx, () => allowed(ctx, next));
}

/**
 * Routes one request through the router of its path's start only. One router of all 180-odd
 * routes tested every route's pattern against every request (a visible share of a pass view);
 * a route can only match a path that starts as its own does, and order is kept within a start
 * (where a literal path shadows `/:id`), so each request tests the few routes of its module.
 * A path no module starts with goes through an empty router: a 404, or a 501 for a method no
 * router implements, exactly as before. When some route starts with a parameter, everything
 * stays in one router.
 */
export function indexedRoutes(mountAll: (mount: (path: string) => Router) => void): Middleware {
  const byPrefix = new Map<string, Router>();
  let unindexed = false;
  const single = new Router();
  mountAll((path) => {
    const prefix = staticPrefix(path);
    if (prefix === null) unindexed = true;
    let router = prefix === null ? undefined : byPrefix.get(prefix);
    if (prefix !== null && !router) byPrefix.set(prefix, (router = new Router()));
    return router ?? single;
  });
  if (unindexed) {
    // Mount again, everything on one router, in the original order.
    const all = new Router();
    mountAll(() => all);
    return routerChain(all);
  }
  const chains = new Map([...byPrefix].map(([prefix, router]) => [prefix, routerChain(router)]));
  const none = routerChain(single);
  return function routeByPrefix(ctx: Context, next: Next) {
    return (chains.get(requestPrefix(ctx.path)) ?? none)(ctx, next);
  };
}
