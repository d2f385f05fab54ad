import { z } from 'zod';
import type { RouteContract } from '@fugong/contracts';
import { errorEnvelopeSchema } from '@fugong/contracts';
import { POLICY } from '../auth/policy';

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

/** Query/path parameters from an object schema, one OpenAPI parameter per key. */
function parameters(schema: z.ZodType | undefined, where: 'query' | 'path'): JsonSchema[] {
  if (!schema) return [];
  const json = toSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: s,
  }));
}

/**
 * The OpenAPI 3.1 document, generated from the same zod contracts the routes validate with,
 * so it cannot drift from what the server accepts. Each operation lists the roles allowed.
 */
export function buildOpenApi(contracts: RouteContract[]): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const c of contracts) {
    const path = c.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const policy = POLICY[c.id];
    const errorRef = { $ref: '#/components/schemas/ErrorEnvelope' };
    paths[path] ??= {};
    paths[path][c.method] = {
      operationId: c.id,
      summary: c.summary,
      tags: [c.tag],
      'x-roles': policy?.roles,
      'x-scope': policy?.scope,
      ...(policy?.departments ? { 'x-departments': policy.departments } : {}),
      ...(c.auth === 'user' ? { security: [{ bearer: [] }] } : { security: [] }),
      parameters: [
        ...parameters(c.params, 'path'),
        ...parameters(c.query, 'query'),
        ...(c.idempotent
          ? [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } }]
          : []),
      ],
      ...(c.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: toSchema(c.body, 'input') } },
            },
          }
        : {}),
      responses: {
        [String(c.status ?? 200)]: {
          description: 'OK',
          content: c.produces
            ? { [c.produces]: { schema: { type: 'string', format: 'binary' } } }
            : { 'application/json': { schema: toSchema(c.response, 'output') } },
        },
        '4XX': { description: '客户端错误', content: { 'application/json': { schema: errorRef } } },
        '5XX': { description: '服务端错误', content: { 'application/json': { schema: errorRef } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '复工通 BFF API',
      version: '0.1.0',
      description: '复工通 小程序后端接口（由 zod 契约生成）',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { ErrorEnvelope: toSchema(errorEnvelopeSchema, 'output') },
    },
  };
}
