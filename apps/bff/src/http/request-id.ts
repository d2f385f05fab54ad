import { randomUUID } from 'node:crypto';
import type { Context, Next } from 'koa';
import { withLogContext } from '../logger';

const SAFE_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Gives every request an id: the caller's `X-Request-Id` when it is sane (so a gateway's id
 * threads through the logs), otherwise a fresh UUID. Echoed back so a worker's screenshot of an
 * error can be matched to the log line, and set as the log context of everything the request
 * runs (see logContext), so a service's log line names the request without seeing ctx.
 */
export function requestId(ctx: Context, next: Next): Promise<void> {
  const incoming = ctx.get('X-Request-Id');
  const id = SAFE_ID.test(incoming) ? incoming : randomUUID();
  ctx.state.requestId = id;
  ctx.set('X-Request-Id', id);
  return withLogContext({ requestId: id }, next);
}
