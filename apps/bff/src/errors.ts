import { ERROR_MESSAGES, type ErrorCode } from '@fugong/contracts';

/**
 * The one error type services and repositories throw: a refusal in the domain's words. `code`
 * names it (ERROR_CODES in contracts), `message` is Chinese and safe to show, `details` is
 * machine-readable (field issues, allowed transitions…), `retryAfterSec` says when trying again
 * can succeed. It knows nothing of HTTP: the error middleware alone maps a code to a status and
 * `retryAfterSec` to a Retry-After header. Anything else that escapes a handler is a bug and
 * leaves as INTERNAL without its message.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
    readonly retryAfterSec?: number,
  ) {
    super(message ?? ERROR_MESSAGES[code]);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError('NOT_FOUND', `未找到${what}`);
export const forbidden = (message?: string) => new DomainError('FORBIDDEN', message);
export const conflict = (message?: string, details?: unknown) =>
  new DomainError('CONFLICT', message, details);
export const businessRule = (message: string, details?: unknown) =>
  new DomainError('BUSINESS_RULE', message, details);
