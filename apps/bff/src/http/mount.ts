import type { Context, Middleware } from 'koa';
import type { ZodType } from 'zod';
import type { RouteContract } from '@fugong/contracts';
import { DomainError } from '../errors';
import { zodIssuesToDetails } from './zod-details';
import { isRawResponse, isReplayedResponse, type RouteDef } from './route';
import { checkResponse } from './response-check';
import { POLICY, rolesAllow, type RoutePolicy } from '../auth/policy';
import { indexedRoutes } from './route-index';
import type { IdempotencyService } from '../modules/system';
import type { RateLimiter } from '../modules/rate-limits';
import { acceptsMultipart, type MultipartBody } from './multipart';

const KEY_FORMAT = /^[A-Za-z0-9_-]{8,128}$/;

/**
 * Mounts route definitions on routers (one per path start, see indexedRoutes) with the same
 * pipeline for every route:
 * policy (role) → input validation → idempotent replay → rate limit → handler → response schema.
 * The response is parsed through its schema so fields a contract does not list never leave; an
 * answer that fails it is the server's fault (500, see checkResponse), never a 400.
 * Rate limits count only requests that reach a handler: rejected input touches no database
 * (not even a counter), and a replayed retry is not a new attempt.
 */
export function mountRoutes(
  defs: RouteDef[],
  idempotency: IdempotencyService,
  limiter: RateLimiter | null = null,
): Middleware {
  const seen = new Set<string>();
  const handlers = defs.map((def) => {
    const { contract } = def;
    const policy = POLICY[contract.id];
    if (!policy) throw new TypeError(`Route ${contract.id} has no entry in the authorization policy table`);
    if (seen.has(contract.id)) throw new TypeError(`Route id ${contract.id} is mounted twice`);
    seen.add(contract.id);
    return routeHandler(def, policy, idempotency, limiter);
  });
  return indexedRoutes((routerFor) =>
    defs.forEach(({ contract }, i) =>
      routerFor(contract.path)[contract.method](contract.id, contract.path, handlers[i]),
    ),
  );
}

/** The pipeline of one route, from the matched request to its answer. */
function routeHandler(
  def: RouteDef,
  policy: RoutePolicy,
  idempotency: IdempotencyService,
  limiter: RateLimiter | null,
): (ctx: Context) => Promise<void> {
  const { contract } = def;
  return async (ctx: Context) => {
    ctx.state.routeId = contract.id;
    const upload = ctx.state.multipart as MultipartBody | undefined;
    if (upload && !acceptsMultipart(def))
      throw new DomainError('UNSUPPORTED_MEDIA_TYPE', '请以 application/json 提交');
    if (policy.roles !== 'public') {
      if (!ctx.state.actor) throw ctx.state.authError ?? new DomainError('UNAUTHENTICATED');
      if (!rolesAllow(policy, ctx.state.actor.roles, ctx.state.actor.departmentId))
        throw new DomainError('FORBIDDEN');
    }
    const input = {
      params: parsePart(contract.params, ctx.params, 'params'),
      // ctx.query parses the query string into an object: only for routes that read one.
      query: contract.query ? parsePart(contract.query, ctx.query, 'query') : undefined,
      body: parseBody(contract, ctx.state.body),
      actor: ctx.state.actor,
      requestId: ctx.state.requestId as string,
      idempotencyKey: readKey(ctx, contract),
      ip: ctx.ip,
      upload,
    };
    const run = async () => {
      await limiter?.check({
        routeId: contract.id,
        ip: input.ip,
        actorId: input.actor?.id ?? null,
        body: input.body,
      });
      return def.handler(input);
    };
    const result =
      contract.idempotent && input.idempotencyKey && input.actor
        ? await idempotency.run(
            {
              actorId: input.actor.id,
              routeId: contract.id,
              key: input.idempotencyKey,
              request: { b: ctx.state.body ?? null, p: ctx.params },
            },
            async () => {
              const out = await run();
              const again = isReplayedResponse(out);
              return {
                status: contract.status ?? 200,
                body: answer(ctx, contract, again ? out.body : out),
                ...(again ? { replayed: true } : {}),
              };
            },
            { store: !def.keyStoredByHandler },
          )
        : null;
    if (result) {
      ctx.status = result.status;
      ctx.body = result.body;
      if (result.replayed) ctx.set('Idempotent-Replayed', 'true');
      return;
    }
    let out = await run();
    ctx.status = contract.status ?? 200;
    if (isReplayedResponse(out)) {
      ctx.set('Idempotent-Replayed', 'true');
      out = out.body;
    }
    if (isRawResponse(out)) {
      ctx.type = out.contentType;
      if (out.filename) ctx.attachment(out.filename);
      ctx.body = out.body;
      return;
    }
    ctx.body = answer(ctx, contract, out);
  };
}

/** The answer through its response schema; records a list left out go to the request log. */
function answer(ctx: Context, contract: RouteContract, out: unknown): unknown {
  const { body, skipped } = checkResponse(contract, out);
  if (skipped.length > 0) ctx.state.skippedRecords = [...(ctx.state.skippedRecords ?? []), ...skipped];
  return body;
}

function parsePart(schema: ZodType | undefined, value: unknown, where: string): unknown {
  if (!schema) return undefined;
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success)
    throw new DomainError('VALIDATION_ERROR', undefined, zodIssuesToDetails(parsed.error, where));
  return parsed.data;
}

function parseBody(contract: RouteContract, body: unknown): unknown {
  if (!contract.body) {
    if (
      body !== undefined &&
      body !== null &&
      !(typeof body === 'object' && Object.keys(body).length === 0)
    ) {
      throw new DomainError('VALIDATION_ERROR', '此接口不接受请求体');
    }
    return undefined;
  }
  if (body === undefined)
    throw new DomainError('VALIDATION_ERROR', '缺少请求内容', [
      { path: '', message: '缺少请求内容', code: 'required' },
    ]);
  const parsed = contract.body.safeParse(body);
  if (!parsed.success) throw new DomainError('VALIDATION_ERROR', undefined, zodIssuesToDetails(parsed.error));
  return parsed.data;
}

function readKey(ctx: Context, contract: RouteContract): string | undefined {
  const key = ctx.get('Idempotency-Key');
  if (!key) return undefined;
  if (!KEY_FORMAT.test(key)) {
    throw new DomainError('VALIDATION_ERROR', 'Idempotency-Key 格式不正确', [
      { path: 'headers.idempotency-key', message: '应为 8–128 位字母、数字、-、_', code: 'invalid_format' },
    ]);
  }
  return contract.idempotent ? key : undefined;
}
