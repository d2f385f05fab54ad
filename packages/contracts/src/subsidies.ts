import { z } from 'zod';
import { defineRoute } from './route';
import { objectIdSchema } from './common';
import {
  markPaidSchema,
  myEntitlementSchema,
  objectionDecisionSchema,
  objectionInputSchema,
  paymentListResultSchema,
  reasonInputSchema,
  subsidyEntitlementSchema,
  subsidyImportReportSchema,
  subsidyImportSchema,
  subsidyListDetailSchema,
  subsidyListSchema,
  subsidyPaymentSchema,
  subsidyPeriodSchema,
  subsidyPolicySchema,
  subsidyRunResultSchema,
  subsidyRunSchema,
} from './subsidies-schemas';

/** 免申即享: schemas, labels and route contracts. */
export * from './subsidies-schemas';

const tag = 'subsidies';
const listParams = z.object({ id: objectIdSchema });
const itemParams = z.object({ id: objectIdSchema, entitlementId: objectIdSchema });
/** A ledger entry's id is its key, policy:beneficiary:period. */
const paymentParams = z.object({
  id: z.string().regex(/^[A-Za-z]+:[0-9a-f]{24}:20\d{2}$/, '支付记录编号格式不正确'),
});

const post = <B extends z.ZodType, P extends z.ZodType, R extends z.ZodType>(
  id: string,
  path: string,
  summary: string,
  params: P,
  body: B | undefined,
  response: R,
) =>
  defineRoute({
    id,
    method: 'post',
    path,
    summary,
    tag,
    auth: 'user',
    params,
    body,
    response,
    idempotent: true,
  });

export const subsidyRoutes = {
  import: defineRoute({
    id: 'subsidies.import',
    method: 'post',
    path: '/api/subsidies/imports',
    summary: '导入参保花名册或上年度缴费裁员数据（整期替换）',
    tag,
    auth: 'user',
    body: subsidyImportSchema,
    response: subsidyImportReportSchema,
    idempotent: true,
  }),
  run: defineRoute({
    id: 'subsidies.run',
    method: 'post',
    path: '/api/subsidies/runs',
    summary: '按政策版本和期次计算享受名单',
    tag,
    auth: 'user',
    body: subsidyRunSchema,
    response: subsidyRunResultSchema,
    idempotent: true,
  }),
  lists: defineRoute({
    id: 'subsidies.lists',
    method: 'get',
    path: '/api/subsidies/lists',
    summary: '享受名单',
    tag,
    auth: 'user',
    query: z.object({ policy: subsidyPolicySchema.optional(), period: subsidyPeriodSchema.optional() }),
    response: z.object({ items: z.array(subsidyListSchema) }),
  }),
  list: defineRoute({
    id: 'subsidies.list',
    method: 'get',
    path: '/api/subsidies/lists/:id',
    summary: '名单明细',
    tag,
    auth: 'user',
    params: listParams,
    response: subsidyListDetailSchema,
  }),
  exclude: post(
    'subsidies.exclude',
    '/api/subsidies/lists/:id/items/:entitlementId/exclude',
    '剔除（须说明理由）',
    itemParams,
    reasonInputSchema,
    subsidyEntitlementSchema,
  ),
  include: post(
    'subsidies.include',
    '/api/subsidies/lists/:id/items/:entitlementId/include',
    '恢复被剔除的企业',
    itemParams,
    undefined,
    subsidyEntitlementSchema,
  ),
  approve: post(
    'subsidies.approve',
    '/api/subsidies/lists/:id/approve',
    '审核通过',
    listParams,
    undefined,
    subsidyListSchema,
  ),
  publish: post(
    'subsidies.publish',
    '/api/subsidies/lists/:id/publish',
    '公示',
    listParams,
    undefined,
    subsidyListSchema,
  ),
  decide: post(
    'subsidies.objection.decide',
    '/api/subsidies/lists/:id/items/:entitlementId/objection/decision',
    '处理异议',
    itemParams,
    objectionDecisionSchema,
    subsidyEntitlementSchema,
  ),
  paymentList: post(
    'subsidies.payments.create',
    '/api/subsidies/lists/:id/payments',
    '公示期满，生成支付清单',
    listParams,
    undefined,
    paymentListResultSchema,
  ),
  paymentExport: defineRoute({
    id: 'subsidies.payments.export',
    method: 'get',
    path: '/api/subsidies/lists/:id/payments/export',
    summary: '下载支付清单（xlsx 或 CSV）',
    tag,
    auth: 'user',
    params: listParams,
    query: z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
    response: z.unknown(),
    produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }),
  markPaid: post(
    'subsidies.payments.paid',
    '/api/subsidies/payments/:id/paid',
    '标记已支付',
    paymentParams,
    markPaidSchema,
    subsidyPaymentSchema,
  ),
  mine: defineRoute({
    id: 'subsidies.mine',
    method: 'get',
    path: '/api/subsidies/mine',
    summary: '本企业可享政策（免申即享）',
    tag,
    auth: 'user',
    response: z.object({ items: z.array(myEntitlementSchema) }),
  }),
  object: defineRoute({
    id: 'subsidies.object',
    method: 'post',
    path: '/api/subsidies/entitlements/:id/objection',
    summary: '对公示结果提出异议',
    tag,
    auth: 'user',
    params: listParams,
    body: objectionInputSchema,
    response: myEntitlementSchema,
    idempotent: true,
  }),
};
