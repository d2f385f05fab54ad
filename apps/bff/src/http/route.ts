import type { Readable } from 'node:stream';
import type { z } from 'zod';
import type { RouteContract } from '@fugong/contracts';
import type { Actor } from '../auth/actor';

type Out<T> = NonNullable<T> extends z.ZodType ? z.output<NonNullable<T>> : undefined;

/** What a handler receives: validated input and the actor — never the Koa context. */
export interface HandlerInput<C extends RouteContract> {
  body: Out<C['body']>;
  query: Out<C['query']>;
  params: Out<C['params']>;
  /** Null only on public routes. */
  actor: C['auth'] extends 'public' ? Actor | null : Actor;
  requestId: string;
  idempotencyKey: string | undefined;
  ip: string;
}

/** A non-JSON answer (spreadsheet, CSV), streamed when it is large. */
export interface RawResponse {
  raw: true;
  contentType: string;
  filename?: string;
  body: Readable | Buffer | string;
}

export type Handler<C extends RouteContract> = (
  input: HandlerInput<C>,
) => Promise<z.input<C['response']> | RawResponse | ReplayedResponse<z.input<C['response']>>>;

/** A contract paired with its handler; modules return lists of these. */
export interface RouteDef {
  contract: RouteContract;
  handler: (input: HandlerInput<RouteContract>) => Promise<unknown>;
  /**
   * The handler stores the Idempotency-Key in the record it writes, in the same atomic write,
   * and answers a retry from that record (see `replayed`). The pipeline then keeps no key
   * record of its own for the route; it still lets a retry wait for its twin in this process.
   */
  keyStoredByHandler?: boolean;
}

/** Pairs a contract with its handler, keeping the handler's types tied to the contract. */
export function route<C extends RouteContract>(
  contract: C,
  handler: Handler<C>,
  options: { keyStoredByHandler?: boolean } = {},
): RouteDef {
  return { contract, handler: handler as RouteDef['handler'], ...options };
}

/** A handler's answer to a retry it recognised by its key (sent with `Idempotent-Replayed`). */
export interface ReplayedResponse<T> {
  replayed: true;
  body: T;
}

export function replayed<T>(body: T): ReplayedResponse<T> {
  return { replayed: true, body };
}

export function isReplayedResponse(value: unknown): value is ReplayedResponse<unknown> {
  return (
    typeof value === 'object' && value !== null && (value as ReplayedResponse<unknown>).replayed === true
  );
}

/** Type guard for raw (non-JSON) handler results. */
export function isRawResponse(value: unknown): value is RawResponse {
  return typeof value === 'object' && value !== null && (value as RawResponse).raw === true;
}
