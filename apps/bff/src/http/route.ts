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
) => Promise<z.input<C['response']> | RawResponse>;

/** A contract paired with its handler; modules return lists of these. */
export interface RouteDef {
  contract: RouteContract;
  handler: (input: HandlerInput<RouteContract>) => Promise<unknown>;
}

/** Pairs a contract with its handler, keeping the handler's types tied to the contract. */
export function route<C extends RouteContract>(contract: C, handler: Handler<C>): RouteDef {
  return { contract, handler: handler as RouteDef['handler'] };
}

/** Type guard for raw (non-JSON) handler results. */
export function isRawResponse(value: unknown): value is RawResponse {
  return typeof value === 'object' && value !== null && (value as RawResponse).raw === true;
}
