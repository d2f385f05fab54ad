import { z } from 'zod';
import { defineRoute } from '../route';
import { idParamsSchema } from './enterprise';
import { visitInputSchema, visitSchema } from './steward';

/** A steward's visits (走访) to a firm. */
export const visitRoutes = {
  create: defineRoute({
    id: 'visits.create',
    method: 'post',
    path: '/api/visits',
    summary: '记录走访（含四个到位、七个方面检查）',
    tag: 'stewards',
    auth: 'user',
    body: visitInputSchema,
    response: visitSchema,
    status: 201,
    idempotent: true,
  }),
  list: defineRoute({
    id: 'visits.list',
    method: 'get',
    path: '/api/enterprises/:id/visits',
    summary: '企业走访记录',
    tag: 'stewards',
    auth: 'user',
    params: idParamsSchema,
    response: z.object({ items: z.array(visitSchema) }),
  }),
  get: defineRoute({
    id: 'visits.get',
    method: 'get',
    path: '/api/visits/:id',
    summary: '走访详情',
    tag: 'stewards',
    auth: 'user',
    params: idParamsSchema,
    response: visitSchema,
  }),
};
