import { z } from 'zod';
import { defineRoute } from '../route';
import { objectIdSchema, pagedSchema } from '../common';
import {
  callerPhoneSchema,
  hotlineCallbackInputSchema,
  hotlineCallInputSchema,
  hotlineCallQuerySchema,
  hotlineCallSchema,
  hotlineEnterpriseQuerySchema,
  hotlineEnterpriseSchema,
  hotlineFiguresQuerySchema,
  hotlineFiguresSchema,
} from './hotline';

const idParams = z.object({ id: objectIdSchema });
const tag = 'hotline';

/** 热线受理 (12345 / 12333 / 7712345): calls, answered on the spot or raised as issues; the 三率. */
export const hotlineRoutes = {
  record: defineRoute({
    id: 'hotline.calls.create',
    method: 'post',
    path: '/api/hotline/calls',
    summary: '登记来电：当场答复，或转为问题诉求并派单',
    tag,
    auth: 'user',
    body: hotlineCallInputSchema,
    response: hotlineCallSchema,
    status: 201,
    idempotent: true,
  }),
  list: defineRoute({
    id: 'hotline.calls.list',
    method: 'get',
    path: '/api/hotline/calls',
    summary: '来电记录，新到旧（来电号码脱敏）',
    tag,
    auth: 'user',
    query: hotlineCallQuerySchema,
    response: pagedSchema(hotlineCallSchema),
  }),
  figures: defineRoute({
    id: 'hotline.figures',
    method: 'get',
    path: '/api/hotline/figures',
    summary: '热线“三率”：答复率、按期办结率、回访满意率（按来电日期区间，默认近 30 天）',
    tag,
    auth: 'user',
    query: hotlineFiguresQuerySchema,
    response: hotlineFiguresSchema,
  }),
  enterprises: defineRoute({
    id: 'hotline.enterprises',
    method: 'get',
    path: '/api/hotline/enterprises',
    summary: '按名称查找来电所涉企业（企业库）',
    tag,
    auth: 'user',
    query: hotlineEnterpriseQuerySchema,
    response: z.object({ items: z.array(hotlineEnterpriseSchema) }),
  }),
  get: defineRoute({
    id: 'hotline.calls.get',
    method: 'get',
    path: '/api/hotline/calls/:id',
    summary: '一条来电及其办理情况',
    tag,
    auth: 'user',
    params: idParams,
    response: hotlineCallSchema,
  }),
  callerPhone: defineRoute({
    id: 'hotline.calls.phone',
    method: 'get',
    path: '/api/hotline/calls/:id/phone',
    summary: '来电完整号码（回拨用，记入审计日志）',
    tag,
    auth: 'user',
    params: idParams,
    response: callerPhoneSchema,
  }),
  callback: defineRoute({
    id: 'hotline.calls.callback',
    method: 'post',
    path: '/api/hotline/calls/:id/callback',
    summary: '记录回访满意度（答复后，每条来电一次）',
    tag,
    auth: 'user',
    params: idParams,
    body: hotlineCallbackInputSchema,
    response: hotlineCallSchema,
  }),
};
