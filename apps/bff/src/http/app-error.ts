import { ERROR_MESSAGES, statusForCode, type ErrorCode } from '@fugong/contracts';

/**
 * The one error type services and repositories throw. `code` decides the HTTP status
 * (see ERROR_CODES in contracts); `message` is Chinese and safe to show; `details` is
 * machine-readable (field issues, allowed transitions…). Anything else that escapes a
 * handler is a bug and leaves as INTERNAL without its message.
 */
export class AppError extends Error {
  readonly status: number;
  readonly headers: Record<string, string>;

  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: unknown,
    headers: Record<string, string> = {},
  ) {
    super(message ?? ERROR_MESSAGES[code]);
    this.name = 'AppError';
    this.status = statusForCode(code);
    this.headers = headers;
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `未找到${what}`);
export const forbidden = (message?: string) => new AppError('FORBIDDEN', message);
export const conflict = (message?: string, details?: unknown) => new AppError('CONFLICT', message, details);
export const businessRule = (message: string, details?: unknown) =>
  new AppError('BUSINESS_RULE', message, details);
