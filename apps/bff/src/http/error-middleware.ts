import type { Context, Next } from 'koa';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import { ERROR_MESSAGES, statusForCode } from '@fugong/contracts';
import { DomainError } from '../errors';
import { zodIssuesToDetails } from './zod-details';
import { ResponseContractError } from './response-check';
import { isDatabaseUnavailable } from '../db/errors';

/**
 * Maps every thrown thing to the `{error:{code,message,details,requestId}}` envelope.
 * Only a DomainError's message reaches the client; unknown errors are logged in full and answered
 * with a generic INTERNAL, so no stack trace or driver text ever leaves the server.
 */
export function errorMiddleware(logger: Logger) {
  return async function handleErrors(ctx: Context, next: Next): Promise<void> {
    try {
      await next();
      if (ctx.state.skippedRecords?.length) {
        // A list answered without records it could not read: found here, repaired by a person.
        logger.error(
          { requestId: ctx.state.requestId, path: ctx.path, skipped: ctx.state.skippedRecords },
          'response.records_skipped',
        );
      }
      // Answers nothing but a status (the router's 404/405/501) still leave in the envelope;
      // the router's Allow header stays.
      if (ctx.body === undefined || ctx.body === null) {
        if (ctx.status === 404) throw new DomainError('NOT_FOUND', `接口不存在：${ctx.method} ${ctx.path}`);
        if (ctx.status === 405 || ctx.status === 501)
          throw new DomainError('METHOD_NOT_ALLOWED', `接口不支持 ${ctx.method} 请求：${ctx.path}`);
      }
    } catch (raw) {
      const err = toDomainError(raw);
      if (err.code === 'INTERNAL') {
        const record =
          raw instanceof ResponseContractError
            ? { routeId: raw.routeId, recordId: raw.recordId, issues: raw.issues }
            : {};
        logger.error(
          { err: raw, requestId: ctx.state.requestId, path: ctx.path, ...record },
          'request.failed',
        );
      } else if (err.code === 'SERVICE_UNAVAILABLE') {
        logger.warn(
          { requestId: ctx.state.requestId, path: ctx.path, reason: (raw as Error)?.name },
          'request.unavailable',
        );
      }
      // The one place a domain refusal becomes HTTP: its code decides the status.
      ctx.status = statusForCode(err.code);
      if (err.retryAfterSec !== undefined) ctx.set('Retry-After', String(err.retryAfterSec));
      ctx.body = {
        error: {
          code: err.code,
          message: err.message,
          ...(err.details === undefined ? {} : { details: err.details }),
          requestId: ctx.state.requestId,
        },
      };
    }
  };
}

/** Normalises anything thrown into an DomainError (exported for the unit test). */
export function toDomainError(raw: unknown): DomainError {
  if (raw instanceof DomainError) return raw;
  if (raw instanceof ZodError) return new DomainError('VALIDATION_ERROR', undefined, zodIssuesToDetails(raw));
  if (isDatabaseUnavailable(raw)) {
    return new DomainError('SERVICE_UNAVAILABLE', ERROR_MESSAGES.SERVICE_UNAVAILABLE, undefined, 5);
  }
  const status = (raw as { status?: number; expose?: boolean })?.status;
  // Errors raised by Koa itself (ctx.throw, http-errors) carry a status; keep 4xx, hide text.
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (status === 413) return new DomainError('PAYLOAD_TOO_LARGE');
    if (status === 415) return new DomainError('UNSUPPORTED_MEDIA_TYPE');
    if (status === 401) return new DomainError('UNAUTHENTICATED');
    if (status === 403) return new DomainError('FORBIDDEN');
    if (status === 404) return new DomainError('NOT_FOUND');
    if (status === 405) return new DomainError('METHOD_NOT_ALLOWED');
    return new DomainError('VALIDATION_ERROR');
  }
  return new DomainError('INTERNAL');
}
