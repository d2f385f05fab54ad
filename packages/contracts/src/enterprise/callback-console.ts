import { z } from 'zod';
import { defineRoute } from '../route';
import { isoDateTimeSchema, objectIdSchema } from '../common';

/**
 * 电话回访 as the supervisors run it (seed 001: 纪委监委 phone the firms a steward serves, "切实杜绝
 * 不作为、中梗阻、慢作为、乱作为"): the four findings a call can record, the script read to the firm,
 * the list of firms due for a call and the scorecard per steward.
 */
export const CALLBACK_FLAGS = ['inaction', 'obstruction', 'slow', 'misconduct'] as const;
export const callbackFlagSchema = z.enum(CALLBACK_FLAGS);
export type CallbackFlag = z.infer<typeof callbackFlagSchema>;

export const CALLBACK_FLAG_LABELS: Record<CallbackFlag, string> = {
  inaction: '不作为',
  obstruction: '中梗阻',
  slow: '慢作为',
  misconduct: '乱作为',
};

/** What the caller asks, in order; the answers go into the rating, the findings and the notes. */
export const CALLBACK_SCRIPT: readonly string[] = [
  '您好，这里是复工复产督查回访。请问您是贵企业的复工联络人吗？',
  '您企业的复工管家近期是否上门走访或电话联系过？',
  '您向管家或通过平台反映的问题，是否已经解决？还有哪些没有着落？',
  '您对复工管家的服务满意吗？请从 1 到 5 分打分（5 分为非常满意）。',
  '办理过程中是否遇到推诿不办、层层卡住、拖延办理或违规要求等情况？',
  '还有其他需要我们协调的困难吗？',
];

/** Days without a call-back after which a firm with a steward is due again. */
export const CALLBACK_DUE_DAYS_DEFAULT = 14;

export const callbackDueQuerySchema = z.object({
  days: z.coerce
    .number()
    .int('天数须为整数')
    .min(1, '天数为 1–90')
    .max(90, '天数为 1–90')
    .default(CALLBACK_DUE_DAYS_DEFAULT),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const callbackDueItemSchema = z.object({
  enterpriseId: objectIdSchema,
  enterpriseName: z.string(),
  stewardId: objectIdSchema,
  stewardName: z.string().nullable(),
  lastCalledAt: isoDateTimeSchema.nullable(),
  /** Whole days since the last call; null when the firm was never called. */
  daysSinceCall: z.number().int().nullable(),
});
export const callbackDueSchema = z.object({
  /** Never-called firms first, then the longest since their last call. */
  items: z.array(callbackDueItemSchema),
  /** Due firms in all (the list is cut at `limit`). */
  total: z.number().int(),
  days: z.number().int(),
});

export const callbackScorecardQuerySchema = z.object({
  days: z.coerce
    .number()
    .int('天数须为整数')
    .min(7, '统计天数为 7–365')
    .max(365, '统计天数为 7–365')
    .default(30),
});

export const stewardScorecardSchema = z.object({
  stewardId: objectIdSchema,
  stewardName: z.string().nullable(),
  enterprises: z.number().int(),
  visits: z.number().int(),
  /** Issues the steward raised on visits in the window. */
  issuesRaised: z.number().int(),
  calls: z.number().int(),
  reached: z.number().int(),
  averageSatisfaction: z.number().nullable(),
  flags: z.record(callbackFlagSchema, z.number().int()),
});
export const callbackScorecardSchema = z.object({
  days: z.number().int(),
  /** Stewards with findings first, then the lowest average rating. */
  items: z.array(stewardScorecardSchema),
});

export const callbackConsoleRoutes = {
  callbacksDue: defineRoute({
    id: 'callbacks.due',
    method: 'get',
    path: '/api/callbacks/due',
    summary: '待电话回访的企业',
    tag: 'stewards',
    auth: 'user',
    query: callbackDueQuerySchema,
    response: callbackDueSchema,
  }),
  callbackScorecard: defineRoute({
    id: 'callbacks.scorecard',
    method: 'get',
    path: '/api/callbacks/scorecard',
    summary: '复工管家服务评价',
    tag: 'stewards',
    auth: 'user',
    query: callbackScorecardQuerySchema,
    response: callbackScorecardSchema,
  }),
};
