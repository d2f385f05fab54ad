import type { BodyOf, ResponseOf, RouteContract } from '@fugong/contracts';
import { request, type HttpMethod, type QueryValue } from './request';

export interface RouteInput<R> {
  body?: BodyOf<R>;
  query?: Record<string, QueryValue>;
  /** Values for `:name` segments of the route path. */
  params?: Record<string, string>;
}

export interface CallOptions {
  silent?: boolean;
  idempotencyKey?: string;
  timeoutMs?: number;
  /** See RequestOptions.token. */
  token?: string;
}

/** Fills `:name` path segments; a missing value is a programming error, so fail loudly. */
export function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z_]\w*)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`路由 ${path} 缺少参数 ${name}`);
    return encodeURIComponent(value);
  });
}

/**
 * Calls one route from @fugong/contracts with its typed body; resolves with its typed response.
 * Public routes go without a token; all others send the session's.
 */
export function callRoute<R extends RouteContract>(
  route: R,
  input: RouteInput<R> = {},
  options: CallOptions = {},
): Promise<ResponseOf<R>> {
  return request<ResponseOf<R>>({
    method: route.method.toUpperCase() as HttpMethod,
    path: fillPath(route.path, input.params),
    query: input.query,
    body: input.body,
    auth: route.auth !== 'public',
    ...options,
  });
}
