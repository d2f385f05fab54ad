import { z } from 'zod';
import { defineRoute } from '../route';
import { objectIdSchema } from '../common';
import { idParamsSchema } from './enterprise';
import {
  assignStewardSchema,
  assignmentHistorySchema,
  assignmentSchema,
  stewardAttentionSchema,
  stewardEnterprisesSchema,
} from './steward';

/** Stewards (复工管家): their firms, who needs attention, the roster and assignments. */
export const stewardRoutes = {
  mine: defineRoute({
    id: 'stewards.mine',
    method: 'get',
    path: '/api/stewards/me/enterprises',
    summary: '我服务的企业（按需要程度排序）',
    tag: 'stewards',
    auth: 'user',
    response: stewardEnterprisesSchema,
  }),
  attention: defineRoute({
    id: 'stewards.attention',
    method: 'get',
    path: '/api/stewards/attention',
    summary: '需关注的复工管家（低满意度 / 久未走访）',
    tag: 'stewards',
    auth: 'user',
    response: stewardAttentionSchema,
  }),
  list: defineRoute({
    id: 'stewards.list',
    method: 'get',
    path: '/api/stewards',
    summary: '复工管家名单',
    tag: 'stewards',
    auth: 'user',
    response: z.object({
      items: z.array(
        z.object({ id: objectIdSchema, name: z.string().nullable(), enterprises: z.number().int() }),
      ),
    }),
  }),
  assign: defineRoute({
    id: 'stewards.assign',
    method: 'post',
    path: '/api/steward-assignments',
    summary: '指派（或更换）企业的复工管家',
    tag: 'stewards',
    auth: 'user',
    body: assignStewardSchema,
    response: assignmentSchema,
    status: 201,
  }),
  assignmentHistory: defineRoute({
    id: 'stewards.history',
    method: 'get',
    path: '/api/enterprises/:id/steward-assignments',
    summary: '企业的管家指派历史',
    tag: 'stewards',
    auth: 'user',
    params: idParamsSchema,
    response: assignmentHistorySchema,
  }),
};
