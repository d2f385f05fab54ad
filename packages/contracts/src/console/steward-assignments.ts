import { z } from 'zod';
import { defineRoute } from '../route';
import { objectIdSchema, regionCodeSchema } from '../common';
import { enterpriseSizeSchema } from '../enterprise/enterprise';

/** At most this many firms move in one bulk assignment: a town's or an industry's firms, not a city. */
export const BULK_ASSIGN_MAX = 2000;
/** The span a coverage page may ask about: a week to a quarter without a visit. */
export const COVERAGE_LAPSE_DAYS = { min: 1, max: 90, default: 14 } as const;

/** Which registry firms a bulk assignment or a coverage count covers; every field narrows. */
export const firmFilterSchema = z
  .object({
    regionCode: regionCodeSchema.optional(),
    industry: z.string().trim().min(1, '请填写行业').max(40, '行业名称过长').optional(),
    size: enterpriseSizeSchema.optional(),
  })
  .strict();
export type FirmFilter = z.infer<typeof firmFilterSchema>;

/** The preview asks about the same filter; `onlyUnassigned` says whether firms with a steward are counted. */
export const assignmentPreviewQuerySchema = firmFilterSchema.extend({
  onlyUnassigned: z
    .enum(['true', 'false'], { message: 'onlyUnassigned 应为 true 或 false' })
    .default('true')
    .transform((v) => v === 'true'),
});

export const assignmentPreviewSchema = z.object({
  /** Registry firms the filter matches. */
  matched: z.number().int(),
  /** Of those, the ones with no steward today. */
  withoutSteward: z.number().int(),
  /** What a bulk assignment with this filter would move (capped at BULK_ASSIGN_MAX). */
  wouldAssign: z.number().int(),
});
export type AssignmentPreview = z.infer<typeof assignmentPreviewSchema>;

export const bulkAssignSchema = z
  .object({
    filter: firmFilterSchema,
    stewardId: objectIdSchema,
    /** True (the default): only firms without a steward; false: firms served by another steward move too. */
    onlyUnassigned: z.boolean().default(true),
    /** Assign only the first N matching firms (by name), to share a town's firms among stewards. */
    limit: z
      .number()
      .int()
      .min(1, '至少指派 1 家')
      .max(BULK_ASSIGN_MAX, `一次最多指派 ${BULK_ASSIGN_MAX} 家`)
      .optional(),
  })
  .strict();
export type BulkAssign = z.input<typeof bulkAssignSchema>;

export const bulkAssignResultSchema = z.object({
  stewardId: objectIdSchema,
  stewardName: z.string().nullable(),
  /** Firms now served by this steward that were not before. */
  assigned: z.number().int(),
  /** Firms chosen but left alone because another admin gave them a steward meanwhile. */
  skipped: z.number().int(),
});
export type BulkAssignResult = z.infer<typeof bulkAssignResultSchema>;

export const rebalanceSchema = z
  .object({
    /** The steward who leaves: every firm they serve moves. */
    fromStewardId: objectIdSchema,
    /** Who takes the firms over, shared so each ends with as even a load as possible. */
    toStewardIds: z
      .array(objectIdSchema)
      .min(1, '请选择接手的管家')
      .max(20, '一次最多分给 20 位管家')
      .refine((ids) => new Set(ids).size === ids.length, '接手的管家不能重复'),
  })
  .strict()
  .refine((b) => !b.toStewardIds.includes(b.fromStewardId), {
    message: '接手的管家不能是离开的管家本人',
    path: ['toStewardIds'],
  });
export type Rebalance = z.infer<typeof rebalanceSchema>;

export const rebalanceResultSchema = z.object({
  fromStewardId: objectIdSchema,
  moved: z.number().int(),
  /** How many firms each new steward received. */
  to: z.array(
    z.object({ stewardId: objectIdSchema, name: z.string().nullable(), received: z.number().int() }),
  ),
});
export type RebalanceResult = z.infer<typeof rebalanceResultSchema>;

export const coverageQuerySchema = firmFilterSchema.extend({
  lapseDays: z.coerce
    .number({ message: '天数应为整数' })
    .int('天数应为整数')
    .min(COVERAGE_LAPSE_DAYS.min, `天数至少为 ${COVERAGE_LAPSE_DAYS.min}`)
    .max(COVERAGE_LAPSE_DAYS.max, `天数最多为 ${COVERAGE_LAPSE_DAYS.max}`)
    .default(COVERAGE_LAPSE_DAYS.default),
});

const coverageFirmSchema = z.object({
  enterpriseId: objectIdSchema,
  name: z.string(),
  regionCode: z.string(),
  stewardName: z.string().nullable(),
  lastVisitAt: z.string().nullable(),
});

export const coverageSchema = z.object({
  lapseDays: z.number().int(),
  enterprises: z.number().int(),
  withoutSteward: z.number().int(),
  /** Firms with no visit in the last `lapseDays` days (never visited included). */
  notVisited: z.number().int(),
  /** The first firms of each list by name, for the page (the counts are the whole). */
  withoutStewardSample: z.array(coverageFirmSchema),
  notVisitedSample: z.array(coverageFirmSchema),
});
export type Coverage = z.infer<typeof coverageSchema>;

const tag = 'stewards';

export const stewardConsoleRoutes = {
  preview: defineRoute({
    id: 'stewards.assign.preview',
    method: 'get',
    path: '/api/steward-assignments/preview',
    summary: '批量指派前预览：按地区、行业、规模筛选的企业数',
    tag,
    auth: 'user',
    query: assignmentPreviewQuerySchema,
    response: assignmentPreviewSchema,
  }),
  bulk: defineRoute({
    id: 'stewards.assign.bulk',
    method: 'post',
    path: '/api/steward-assignments/bulk',
    summary: '按地区、行业、规模批量指派复工管家（记入审计）',
    tag,
    auth: 'user',
    body: bulkAssignSchema,
    response: bulkAssignResultSchema,
    idempotent: true,
  }),
  rebalance: defineRoute({
    id: 'stewards.rebalance',
    method: 'post',
    path: '/api/steward-assignments/rebalance',
    summary: '管家离岗：把其服务的全部企业均衡移交给其他管家（记入审计）',
    tag,
    auth: 'user',
    body: rebalanceSchema,
    response: rebalanceResultSchema,
    idempotent: true,
  }),
  coverage: defineRoute({
    id: 'stewards.coverage',
    method: 'get',
    path: '/api/steward-assignments/coverage',
    summary: '服务覆盖：无管家的企业、N 天未走访的企业',
    tag,
    auth: 'user',
    query: coverageQuerySchema,
    response: coverageSchema,
  }),
};
