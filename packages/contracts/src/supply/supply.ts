import { z } from 'zod';
import {
  isoDateTimeSchema,
  isoDaySchema,
  objectIdSchema,
  personNameSchema,
  phoneSchema,
  regionCodeSchema,
} from '../common';

/** 供 or 需. */
export const POST_SIDES = ['supply', 'demand'] as const;
export const postSideSchema = z.enum(POST_SIDES, { message: '请选择供应或需求' });
export type PostSide = z.infer<typeof postSideSchema>;
export const POST_SIDE_LABELS: Record<PostSide, string> = { supply: '供应', demand: '需求' };

/** What both parties of a pending match read once one side closed its post. */
export const closedPostReason = (side: PostSide, title: string) =>
  `${POST_SIDE_LABELS[side]}方已关闭「${title}」，不再需要对接`;

/**
 * What is exchanged (seed 004 §4: 人力、设备、原料、工艺、物流; seed 002 §四 产业配套, 订单、市场): raw
 * materials, parts, equipment, logistics capacity, epidemic supplies, production capacity, orders.
 */
export const SUPPLY_CATEGORIES = [
  'raw_materials',
  'parts',
  'equipment',
  'logistics',
  'epidemic_supplies',
  'capacity',
  'orders',
] as const;
export const supplyCategorySchema = z.enum(SUPPLY_CATEGORIES, { message: '请选择类别' });
export type SupplyCategory = z.infer<typeof supplyCategorySchema>;
export const SUPPLY_CATEGORY_LABELS: Record<SupplyCategory, string> = {
  raw_materials: '原材料',
  parts: '零部件',
  equipment: '设备',
  logistics: '物流运力',
  epidemic_supplies: '防疫物资',
  capacity: '产能',
  orders: '订单',
};

/** A place in mainland China (WGS-84), roughly: a point outside this box is a typo. */
export const supplyPointSchema = z
  .object({
    lat: z.number({ message: '请填写纬度' }).min(3, '纬度超出范围').max(54, '纬度超出范围'),
    lng: z.number({ message: '请填写经度' }).min(73, '经度超出范围').max(136, '经度超出范围'),
  })
  .strict();

export const MAX_POST_DAYS = 180;

export const supplyPostInputSchema = z
  .object({
    side: postSideSchema,
    category: supplyCategorySchema,
    title: z.string({ message: '请填写名称' }).trim().min(2, '请填写名称').max(60, '名称不能超过 60 个字'),
    quantity: z.number({ message: '请填写数量' }).positive('数量须大于 0').max(1e9, '数量超出范围'),
    unit: z.string({ message: '请填写单位' }).trim().min(1, '请填写单位').max(10, '单位不能超过 10 个字'),
    regionCode: regionCodeSchema,
    point: supplyPointSchema,
    availableFrom: isoDaySchema,
    availableUntil: isoDaySchema,
    contact: z.object({ name: personNameSchema, phone: phoneSchema }).strict(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.availableUntil < p.availableFrom)
      ctx.addIssue({ code: 'custom', path: ['availableUntil'], message: '截止日期不能早于开始日期' });
    const days = (Date.parse(p.availableUntil) - Date.parse(p.availableFrom)) / 86_400_000;
    if (days > MAX_POST_DAYS)
      ctx.addIssue({
        code: 'custom',
        path: ['availableUntil'],
        message: `有效期不能超过 ${MAX_POST_DAYS} 天`,
      });
  });
export type SupplyPostInput = z.input<typeof supplyPostInputSchema>;

export const supplyPostSchema = z.object({
  id: objectIdSchema,
  enterpriseId: objectIdSchema,
  enterpriseName: z.string(),
  /** The posting firm's industry (行业) from the registry; null on posts older than the field. */
  industry: z.string().nullable(),
  side: postSideSchema,
  category: supplyCategorySchema,
  title: z.string(),
  quantity: z.number(),
  unit: z.string(),
  regionCode: z.string(),
  availableFrom: z.string(),
  availableUntil: z.string(),
  status: z.enum(['open', 'closed']),
  createdAt: isoDateTimeSchema,
  /** Only on the firm's own posts; others see a contact only through a confirmed match. */
  contact: z.object({ name: z.string(), phone: z.string() }).nullable(),
  /** Kilometres from the post the candidates were sought for (candidate lists only). */
  distanceKm: z.number().nullable(),
});
export type SupplyPost = z.infer<typeof supplyPostSchema>;

/** proposed → confirmed by the other side; a proposal still pending when either post closes is ended. */
export const MATCH_STATUSES = ['proposed', 'confirmed', 'ended'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];
export const MATCH_STATUS_LABELS: Record<MatchStatus, string> = {
  proposed: '待确认',
  confirmed: '已对接',
  ended: '已结束',
};
export const supplyMatchSchema = z.object({
  id: objectIdSchema,
  category: supplyCategorySchema,
  supply: supplyPostSchema,
  demand: supplyPostSchema,
  status: z.enum(MATCH_STATUSES),
  proposedBy: postSideSchema,
  proposedAt: isoDateTimeSchema,
  confirmedAt: isoDateTimeSchema.nullable(),
  distanceKm: z.number(),
  /** Why a pending match ended (which side closed its post), for both parties to read. */
  endedReason: z.string().nullable(),
});
export type SupplyMatch = z.infer<typeof supplyMatchSchema>;

export const matchInputSchema = z.object({ postId: objectIdSchema, counterpartId: objectIdSchema }).strict();

/** A post closed by its firm, and how many of its pending matches ended with it. */
export const closedPostSchema = z.object({ post: supplyPostSchema, matchesEnded: z.number().int() });

/** The other side's contact, shown to a party of a confirmed match (the read is audited). */
export const matchContactSchema = z.object({
  matchId: objectIdSchema,
  enterpriseName: z.string(),
  name: z.string(),
  phone: z.string(),
});

/** A 核心配套供应商 of a 龙头企业: in the registry (its reopening report counts) or elsewhere. */
export const supplierInputSchema = z
  .object({
    name: z
      .string({ message: '请填写供应商名称' })
      .trim()
      .min(2, '请填写供应商名称')
      .max(60, '名称不能超过 60 个字'),
    regionCode: regionCodeSchema,
    /** Set when the supplier is a registry firm here; its own reopening report is then used. */
    enterpriseId: objectIdSchema.nullable().default(null),
    supplies: z.string().trim().min(2, '请填写配套产品').max(60, '配套产品不能超过 60 个字'),
    /** For a supplier elsewhere: what the lead firm last heard (null: not known). */
    reportedReopened: z.boolean().nullable().default(null),
  })
  .strict();

export const supplierSchema = z.object({
  id: objectIdSchema,
  leadEnterpriseId: objectIdSchema,
  name: z.string(),
  regionCode: z.string(),
  enterpriseId: objectIdSchema.nullable(),
  supplies: z.string(),
  /** true/false from the registry's report or the lead firm's word; null when nobody knows. */
  reopened: z.boolean().nullable(),
  statusSource: z.enum(['registry', 'lead_firm', 'unknown']),
  /** 产业链风险: a key supplier not (known to be) reopened. */
  chainRisk: z.boolean(),
  coordinationIssueId: objectIdSchema.nullable(),
});
export type Supplier = z.infer<typeof supplierSchema>;

export const coordinateInputSchema = z
  .object({
    note: z.string().trim().min(5, '请至少用 5 个字说明需要协调的事项').max(500, '说明不能超过 500 字'),
  })
  .strict();

export const supplyFiguresSchema = z.object({
  postsOpen: z.array(
    z.object({ side: postSideSchema, category: supplyCategorySchema, count: z.number().int() }),
  ),
  matchesProposed: z.number().int(),
  matchesConfirmed: z.number().int(),
  suppliers: z.number().int(),
  suppliersAtRisk: z.number().int(),
});
