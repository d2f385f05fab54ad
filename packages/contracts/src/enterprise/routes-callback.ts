import { z } from 'zod';
import { defineRoute } from '../route';
import { idParamsSchema } from './enterprise';
import { callbackInputSchema, callbackSchema } from './steward';

/** Telephone call-backs (电话回访) to a firm about its steward. */
export const callbackRoutes = {
  create: defineRoute({
    id: 'callbacks.create',
    method: 'post',
    path: '/api/callbacks',
    summary: '记录电话回访',
    tag: 'stewards',
    auth: 'user',
    body: callbackInputSchema,
    response: callbackSchema,
    status: 201,
    idempotent: true,
  }),
  list: defineRoute({
    id: 'callbacks.list',
    method: 'get',
    path: '/api/enterprises/:id/callbacks',
    summary: '企业的电话回访记录',
    tag: 'stewards',
    auth: 'user',
    params: idParamsSchema,
    response: z.object({ items: z.array(callbackSchema) }),
  }),
};
