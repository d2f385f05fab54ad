import { z } from 'zod';
import { defineRoute } from './route';
import { objectIdSchema } from './common';

/**
 * 社保缓缴 (seed 000 §一(五)): the one measure a firm applies for. Up to 6 months; a first
 * application for ≤ 2 months goes through the green channel, decided within 1 working day.
 */
export const DEFERRAL_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type DeferralStatus = (typeof DEFERRAL_STATUSES)[number];
export const DEFERRAL_STATUS_LABELS: Record<DeferralStatus, string> = {
  pending: '待办理',
  approved: '已准予缓缴',
  rejected: '不予缓缴',
  withdrawn: '已撤回',
};

export const deferralInputSchema = z
  .object({
    /** Whole months; the rule refuses more than 6 with its reason, so the range here is only plausibility. */
    months: z
      .number({ message: '请填写缓缴月数' })
      .int('缓缴月数应为整数')
      .min(1, '至少 1 个月')
      .max(24, '缓缴月数过大'),
    /** The firm's declaration: 受疫情影响生产经营困难的中小企业 (checked by 人社局 when deciding). */
    sme: z.boolean({ message: '请说明是否为中小企业' }),
    reason: z.string().trim().min(5, '请说明困难情况（至少 5 个字）').max(500, '不能超过 500 个字'),
  })
  .strict();
export type DeferralInput = z.infer<typeof deferralInputSchema>;

export const deferralDecisionSchema = z
  .object({
    decision: z.enum(['approved', 'rejected'], { message: '请选择准予或不予缓缴' }),
    note: z.string().trim().min(2, '请填写办理意见').max(300, '不能超过 300 个字'),
  })
  .strict();

export const deferralSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  months: z.number().int(),
  reason: z.string(),
  firstApplication: z.boolean(),
  greenChannel: z.boolean(),
  /** The SLA: 1 working day on the green channel, else the local setting. */
  decisionDue: z.string(),
  status: z.enum(DEFERRAL_STATUSES),
  statusLabel: z.string(),
  note: z.string().nullable(),
  appliedAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type Deferral = z.infer<typeof deferralSchema>;

const tag = 'subsidies';
const idParams = z.object({ id: objectIdSchema });

export const deferralRoutes = {
  apply: defineRoute({
    id: 'deferrals.apply',
    method: 'post',
    path: '/api/subsidies/deferrals',
    summary: '申请社保缓缴',
    tag,
    auth: 'user',
    body: deferralInputSchema,
    response: deferralSchema,
    idempotent: true,
  }),
  list: defineRoute({
    id: 'deferrals.list',
    method: 'get',
    path: '/api/subsidies/deferrals',
    summary: '社保缓缴申请（企业看本企业的，人社局看全部）',
    tag,
    auth: 'user',
    query: z.object({ status: z.enum(DEFERRAL_STATUSES).optional() }),
    response: z.object({ items: z.array(deferralSchema) }),
  }),
  decide: defineRoute({
    id: 'deferrals.decide',
    method: 'post',
    path: '/api/subsidies/deferrals/:id/decision',
    summary: '办理社保缓缴申请',
    tag,
    auth: 'user',
    params: idParams,
    body: deferralDecisionSchema,
    response: deferralSchema,
    idempotent: true,
  }),
  withdraw: defineRoute({
    id: 'deferrals.withdraw',
    method: 'post',
    path: '/api/subsidies/deferrals/:id/withdraw',
    summary: '撤回社保缓缴申请',
    tag,
    auth: 'user',
    params: idParams,
    response: deferralSchema,
    idempotent: true,
  }),
};
