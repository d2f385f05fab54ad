import type { Context, Next } from 'koa';
import type { Logger } from 'pino';

/**
 * One structured line per request. Only method, route path, status and timing are logged:
 * never bodies or query strings, which carry phone and ID numbers.
 */
export function requestLogger(logger: Logger) {
  // The line's fields are fixed and every value is a string or a number, so none of the
  // logger's redaction paths (`phone`, `*.phone`, `headers.authorization`, …) can match it:
  // redacting it changed nothing and cost more than writing it (~15 µs of each request).
  // Same level, destination, base fields and request-id mixin as the logger itself.
  const lines = logger.child({}, { redact: [] });
  return async function logRequest(ctx: Context, next: Next): Promise<void> {
    const started = process.hrtime.bigint();
    try {
      await next();
    } finally {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const line: RequestLine = {
        requestId: ctx.state.requestId,
        method: ctx.method,
        route: ctx.state.routeId ?? ctx.path.replace(/[0-9a-f]{24}/gi, ':id'),
        status: ctx.status,
        ms: Math.round(ms * 10) / 10,
        userId: ctx.state.user?.id,
      };
      lines.info(line, 'request');
    }
  };
}

/** Every field of the request line: primitives only (see the redaction note above). */
interface RequestLine {
  requestId: string;
  method: string;
  route: string;
  status: number;
  ms: number;
  userId: string | undefined;
}
