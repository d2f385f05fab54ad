/**
 * The one place that talks HTTP. Adds the base URL and token, retries safely on weak networks
 * (writes carry an Idempotency-Key reused on every retry, so the server answers a repeat with
 * the original result), refreshes an expired token once, turns every failure into one ApiError
 * and shows one toast for it unless the caller opts out.
 */
import Taro from '@tarojs/taro';
import { foundationRoutes, type Session } from '@fugong/contracts';
import { apiBaseUrl, newRequestId } from '../platform';
import { goToLogin } from '../navigation';
import { ApiError, connectionError, errorFromResponse, isOfflineError } from './api-error';
import { markOffline, markOnline } from './network-status';
import { clearSession, getSession, saveSession } from './session-vault';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: HttpMethod;
  /** Path starting with `/api/`. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Send the signed-in person's token (default true). */
  auth?: boolean;
  /** Do not toast the failure: the caller shows it (e.g. field errors next to inputs). */
  silent?: boolean;
  /**
   * Key for one logical submission. Pass the same key when the person re-submits after an
   * unknown outcome; generated per call when absent.
   */
  idempotencyKey?: string;
  timeoutMs?: number;
  /**
   * Send this token instead of the session's, with no refresh or login redirect. Sign-out uses
   * it to revoke a session it has already forgotten on the phone.
   */
  token?: string;
}

/** Where a send takes its bearer token from (read per attempt: a refresh may replace it). */
type TokenSource = () => string | undefined;
const noToken: TokenSource = () => undefined;
const sessionToken: TokenSource = () => getSession()?.token;

/** Weak rural networks: long enough for a slow 3G answer, short enough to retry. */
const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_ATTEMPTS = 3;
const BASE_BACKOFF_MS = 600;
const MAX_WAIT_MS = 10_000;
/** Refresh this long before expiry so a request never leaves with a token about to lapse. */
const REFRESH_MARGIN_MS = 30_000;
const WRITE_METHODS: ReadonlySet<HttpMethod> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface RawResponse {
  statusCode: number;
  data: unknown;
  header: Record<string, string>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `path?query` with empty values left out (the server applies its defaults to those). */
export function pathWithQuery(path: string, query?: Record<string, QueryValue>): string {
  const search = Object.entries(query ?? {})
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');
  return `${path}${search ? `?${search}` : ''}`;
}

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  return `${apiBaseUrl()}${pathWithQuery(path, query)}`;
}

function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  const wanted = name.toLowerCase();
  const key = Object.keys(headers ?? {}).find((k) => k.toLowerCase() === wanted);
  return key ? headers?.[key] : undefined;
}

/** Retry-After (seconds) when the server gave one, else exponential backoff with jitter. */
function retryDelay(attempt: number, headers?: Record<string, string>): number {
  const retryAfter = Number(headerValue(headers, 'retry-after'));
  if (Number.isFinite(retryAfter) && retryAfter >= 0) return Math.min(retryAfter * 1000, MAX_WAIT_MS);
  const backoff = BASE_BACKOFF_MS * 2 ** (attempt - 1);
  return Math.min(backoff + Math.random() * backoff * 0.3, MAX_WAIT_MS);
}

function isRetryable(error: ApiError): boolean {
  return (
    [502, 503, 504].includes(error.status) ||
    error.code === 'IDEMPOTENCY_IN_PROGRESS' ||
    isOfflineError(error)
  );
}

async function sendOnce(
  options: RequestOptions,
  idempotencyKey: string | undefined,
  tokenFor: TokenSource,
): Promise<RawResponse> {
  const header: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) header['Content-Type'] = 'application/json';
  if (idempotencyKey) header['Idempotency-Key'] = idempotencyKey;
  const token = tokenFor();
  if (token) header.Authorization = `Bearer ${token}`;
  const method = options.method ?? 'GET';
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  try {
    const response = await Taro.request({
      url: buildUrl(options.path, options.query),
      method,
      header,
      data: options.body as TaroGeneral.IAnyObject | undefined,
      timeout,
      dataType: 'json',
    });
    return { statusCode: response.statusCode, data: response.data, header: response.header ?? {} };
  } catch (failure) {
    const text = String(
      (failure as { errMsg?: string; message?: string })?.errMsg ?? (failure as Error)?.message ?? '',
    );
    throw connectionError(/timeout|abort/i.test(text));
  }
}

/** One logical request: up to MAX_ATTEMPTS sends with the same idempotency key. */
async function sendWithRetries<T>(
  options: RequestOptions,
  idempotencyKey: string | undefined,
  tokenFor: TokenSource,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    let error: ApiError;
    let headers: Record<string, string> | undefined;
    try {
      const response = await sendOnce(options, idempotencyKey, tokenFor);
      markOnline();
      if (response.statusCode >= 200 && response.statusCode < 300) return response.data as T;
      error = errorFromResponse(response.statusCode, response.data);
      headers = response.header;
    } catch (failure) {
      if (!(failure instanceof ApiError)) throw failure;
      markOffline();
      error = failure;
    }
    if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
    await sleep(retryDelay(attempt, headers));
  }
}

let refreshing: Promise<boolean> | null = null;

/**
 * Exchanges the refresh token for a new session. Resolves false when the server refuses it
 * (the person must sign in again); rejects when the phone is offline, keeping the session.
 * Concurrent callers share one refresh so a burst of expired requests refreshes once.
 */
function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    const session = getSession();
    if (!session) return false;
    try {
      const fresh = await sendWithRetries<Session>(
        {
          method: 'POST',
          path: foundationRoutes.authRefresh.path,
          body: { refreshToken: session.refreshToken },
        },
        newRequestId(),
        noToken,
      );
      saveSession(fresh);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
      throw error;
    }
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/**
 * Exchanges the refresh token now, through the same single-flight refresh an expired request
 * uses (two refreshes racing on one refresh token would rotate it twice). After binding to an
 * enterprise the token still carries the old scope; the new one has the enterprise in it.
 * Throws when the server refuses the refresh, or when offline.
 */
export async function renewSession(): Promise<void> {
  if (!getSession()) return;
  if (!(await refreshSession())) {
    throw new ApiError({ status: 401, code: 'UNAUTHORIZED', message: '登录已失效，请重新登录' });
  }
}

function endSession(): void {
  clearSession();
  goToLogin();
}

/** Refreshes a token about to lapse before it leaves; a failed refresh is left to the 401 path. */
async function refreshIfLapsing(): Promise<void> {
  const session = getSession();
  if (session && session.expiresAt - REFRESH_MARGIN_MS <= Date.now()) {
    await refreshSession().catch(() => false);
  }
}

/**
 * The session's access token, refreshed first when about to lapse, for the one transfer that
 * cannot go through Taro.request: file downloads (services/download.ts). Null when signed out.
 */
export async function accessToken(): Promise<string | null> {
  await refreshIfLapsing();
  return getSession()?.token ?? null;
}

async function authorisedRequest<T>(options: RequestOptions, idempotencyKey: string | undefined): Promise<T> {
  await refreshIfLapsing();
  try {
    return await sendWithRetries<T>(options, idempotencyKey, sessionToken);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
    if (error.code === 'TOKEN_EXPIRED' && (await refreshSession())) {
      try {
        return await sendWithRetries<T>(options, idempotencyKey, sessionToken);
      } catch (retryError) {
        if (retryError instanceof ApiError && retryError.status === 401) endSession();
        throw retryError;
      }
    }
    endSession();
    throw error;
  }
}

/** Shows a failure the way every page does: one short Chinese toast. */
export function toastError(error: ApiError): void {
  void Taro.showToast({ title: error.message, icon: 'none', duration: 2500 });
}

/**
 * Calls the BFF and resolves with the JSON payload (the body itself: success has no envelope).
 * Rejects with {@link ApiError} after retries are exhausted; toasts it unless `silent`.
 */
export async function request<T>(options: RequestOptions): Promise<T> {
  const method = options.method ?? 'GET';
  const idempotencyKey = WRITE_METHODS.has(method) ? (options.idempotencyKey ?? newRequestId()) : undefined;
  try {
    if (options.token !== undefined) {
      const token = options.token;
      return await sendWithRetries<T>(options, idempotencyKey, () => token);
    }
    return options.auth === false
      ? await sendWithRetries<T>(options, idempotencyKey, noToken)
      : await authorisedRequest<T>(options, idempotencyKey);
  } catch (failure) {
    const error = failure instanceof ApiError ? failure : new ApiError({ status: 0, code: 'INTERNAL' });
    if (!options.silent) toastError(error);
    throw error;
  }
}
