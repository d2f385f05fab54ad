import type { z } from 'zod';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * One API route as both sides know it. The BFF validates against these schemas and
 * generates its OpenAPI document from them; the mini-program's services type their
 * calls with them. `auth: 'public'` routes need no session; all others do.
 */
export interface RouteContract<
  B extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  P extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  id: string;
  method: HttpMethod;
  path: string;
  summary: string;
  tag: string;
  auth: 'public' | 'user';
  body?: B;
  query?: Q;
  params?: P;
  response: R;
  /** Success status (200 unless stated). */
  status?: number;
  /** Writes a client may retry with an `Idempotency-Key` header and get the same answer. */
  idempotent?: boolean;
  /** Responses that are not JSON (spreadsheets, CSV). */
  produces?: string;
}

/** Identity helper that keeps each route's schema types precise. */
export function defineRoute<
  B extends z.ZodType,
  Q extends z.ZodType,
  P extends z.ZodType,
  R extends z.ZodType,
>(route: RouteContract<B, Q, P, R>): RouteContract<B, Q, P, R> {
  return route;
}

/** The request body type a route accepts (after parsing). */
export type BodyOf<T> =
  T extends RouteContract<infer B, z.ZodType, z.ZodType, z.ZodType> ? z.input<B> : never;
/** The response type a route answers with. */
export type ResponseOf<T> =
  T extends RouteContract<z.ZodType, z.ZodType, z.ZodType, infer R> ? z.output<R> : never;
