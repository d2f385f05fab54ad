import { ERROR_MESSAGES, type ErrorCode, type FieldIssue } from '@fugong/contracts';

/** Codes the client invents for failures that never reached the server. */
export const NETWORK_ERROR = 'NETWORK_ERROR';
export const TIMEOUT_ERROR = 'TIMEOUT';

const CLIENT_MESSAGES: Record<string, string> = {
  [NETWORK_ERROR]: '网络不给力，请检查网络后重试',
  [TIMEOUT_ERROR]: '网络超时，请稍后重试',
};

/** The one error type every failed API call rejects with. `message` is Chinese, fit to show. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details?: unknown;
  readonly requestId?: string;

  constructor(init: {
    status: number;
    code: string;
    message?: string;
    details?: unknown;
    requestId?: string;
  }) {
    super(init.message || defaultMessage(init.code));
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.requestId = init.requestId;
  }

  /** Field-level problems of a VALIDATION_ERROR (empty for other errors). */
  get fieldIssues(): FieldIssue[] {
    if (this.code !== 'VALIDATION_ERROR' || !Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is FieldIssue => typeof d?.path === 'string' && typeof d?.message === 'string',
    );
  }
}

function defaultMessage(code: string): string {
  return CLIENT_MESSAGES[code] ?? ERROR_MESSAGES[code as ErrorCode] ?? ERROR_MESSAGES.INTERNAL;
}

/** Error for a request that got no HTTP answer (no signal, DNS, refused, or our timeout). */
export function connectionError(timedOut: boolean): ApiError {
  return new ApiError({ status: 0, code: timedOut ? TIMEOUT_ERROR : NETWORK_ERROR });
}

/**
 * Turns a non-2xx answer into an ApiError. Bodies from proxies (HTML 502 pages, empty bodies)
 * carry no envelope, so the status alone then decides the code.
 */
export function errorFromResponse(status: number, body: unknown): ApiError {
  const envelope = (body as { error?: Record<string, unknown> } | null)?.error;
  if (envelope && typeof envelope.code === 'string') {
    return new ApiError({
      status,
      code: envelope.code,
      message: typeof envelope.message === 'string' ? envelope.message : undefined,
      details: envelope.details,
      requestId: typeof envelope.requestId === 'string' ? envelope.requestId : undefined,
    });
  }
  if (status === 502 || status === 503 || status === 504) {
    return new ApiError({ status, code: 'SERVICE_UNAVAILABLE' });
  }
  if (status === 401) return new ApiError({ status, code: 'UNAUTHENTICATED' });
  if (status === 404) return new ApiError({ status, code: 'NOT_FOUND' });
  return new ApiError({ status, code: 'INTERNAL' });
}

/** True when the phone could not reach the server at all: pages show their offline state. */
export function isOfflineError(error: unknown): boolean {
  return error instanceof ApiError && (error.code === NETWORK_ERROR || error.code === TIMEOUT_ERROR);
}

/**
 * True when we cannot know whether the server acted (no answer, or the gateway gave up):
 * the same submission must then be retried with the same idempotency key.
 */
export function isOutcomeUnknown(error: unknown): boolean {
  return isOfflineError(error) || (error instanceof ApiError && [502, 503, 504].includes(error.status));
}
