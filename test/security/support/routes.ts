import { Types } from 'mongoose';
import { ROLES, type Role } from '@fugong/contracts';
import type { TestApp } from '../../../apps/bff/src/test-support';
import { OFFICER_DEPARTMENT } from './people';

export type JsonSchema = Record<string, unknown> & {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  pattern?: string;
  items?: JsonSchema;
};

/** One operation of the OpenAPI document, flattened for the harnesses. */
export interface Operation {
  id: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Koa-style path (`/api/trips/:tripId`). */
  path: string;
  roles: 'public' | 'any' | Role[];
  scope: string;
  /** The only departments whose officers the route admits, when it names any. */
  departments: string[] | null;
  pathParams: { name: string; schema: JsonSchema }[];
  queryParams: { name: string; schema: JsonSchema; required: boolean }[];
  body: JsonSchema | null;
  /** Honours an `Idempotency-Key` header. */
  idempotent: boolean;
}

export const ALL_ROLES: Role[] = [...ROLES];

/**
 * Every operation the app serves, read from its own `GET /api/openapi.json`, so a route added by
 * any module is attacked without anyone listing it here.
 */
export async function operations(t: TestApp): Promise<Operation[]> {
  const res = await t.http.get('/api/openapi.json');
  if (res.status !== 200) throw new Error(`openapi: ${res.status}`);
  const out: Operation[] = [];
  for (const [p, ops] of Object.entries(
    res.body.paths as Record<string, Record<string, Record<string, unknown>>>,
  )) {
    for (const [method, op] of Object.entries(ops)) {
      const params = (op.parameters ?? []) as {
        name: string;
        in: string;
        required: boolean;
        schema: JsonSchema;
      }[];
      const body = (op.requestBody as { content: Record<string, { schema: JsonSchema }> } | undefined)
        ?.content['application/json']?.schema;
      out.push({
        id: op.operationId as string,
        method: method as Operation['method'],
        path: p.replace(/\{([^}]+)\}/g, ':$1'),
        roles: op['x-roles'] as Operation['roles'],
        scope: op['x-scope'] as string,
        departments: (op['x-departments'] as string[] | undefined) ?? null,
        pathParams: params.filter((x) => x.in === 'path').map(({ name, schema }) => ({ name, schema })),
        queryParams: params
          .filter((x) => x.in === 'query')
          .map(({ name, schema, required }) => ({ name, schema, required })),
        body: body ?? null,
        idempotent: params.some((x) => x.in === 'header' && x.name === 'Idempotency-Key'),
      });
    }
  }
  return out;
}

/** A well-formed value for a path parameter: a fresh ObjectId, six digits, or a plain token. */
export function validParam(schema: JsonSchema): string {
  if (schema.pattern?.includes('[0-9a-f]{24}')) return new Types.ObjectId().toHexString();
  if (schema.pattern === '^\\d{6}$') return '330281';
  return 'x1';
}

/** The path with every parameter filled: from `values` when given, otherwise well-formed. */
export function fillPath(op: Operation, values: Record<string, string> = {}): string {
  return op.path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const p = op.pathParams.find((x) => x.name === name);
    return encodeURIComponent(values[name] ?? validParam(p?.schema ?? {}));
  });
}

/** Roles a route admits ('any' admits all). */
/** The roles the harness's callers (one of each, the officer of OFFICER_DEPARTMENT) may call `op` as. */
export function allowedRoles(op: Operation): Role[] {
  if (op.roles === 'public' || op.roles === 'any') return ALL_ROLES;
  if (op.departments && !op.departments.includes(OFFICER_DEPARTMENT))
    return op.roles.filter((r) => r !== 'officer');
  return op.roles;
}

/** Issues a request on the in-process app by method name. */
export function call(t: TestApp, method: Operation['method'], url: string) {
  return t.http[method](url);
}
