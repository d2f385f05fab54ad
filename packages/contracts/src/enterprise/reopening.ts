import { z } from 'zod';
import { isoDateTimeSchema, isoDaySchema, objectIdSchema } from '../common';

/**
 * 复工进度直报: one report per enterprise per China day; sending again the same day corrects it.
 * Staff on site can never exceed staff in total.
 */
export const reopeningReportInputSchema = z
  .object({
    reopened: z.boolean(),
    reopenedSince: isoDaySchema.nullable().default(null),
    staffOnSite: z.number().int('人数应为整数').min(0, '人数不能为负').max(500_000),
    staffTotal: z.number().int('人数应为整数').min(0, '人数不能为负').max(500_000),
    capacityPercent: z.number().min(0, '产能应在 0–100% 之间').max(100, '产能应在 0–100% 之间'),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.staffOnSite > r.staffTotal)
      ctx.addIssue({ code: 'custom', path: ['staffOnSite'], message: '在岗人数不能超过职工总数' });
    if (r.reopened && !r.reopenedSince)
      ctx.addIssue({ code: 'custom', path: ['reopenedSince'], message: '请填写复工日期' });
    if (!r.reopened && r.reopenedSince)
      ctx.addIssue({ code: 'custom', path: ['reopenedSince'], message: '未复工时不填复工日期' });
  });
export type ReopeningReportInput = z.infer<typeof reopeningReportInputSchema>;

export const reopeningReportSchema = z.object({
  id: objectIdSchema,
  enterpriseId: objectIdSchema,
  day: isoDaySchema,
  reopened: z.boolean(),
  reopenedSince: isoDaySchema.nullable(),
  staffOnSite: z.number().int(),
  staffTotal: z.number().int(),
  capacityPercent: z.number(),
  reportedAt: isoDateTimeSchema,
  revision: z.number().int(),
});
export type ReopeningReport = z.infer<typeof reopeningReportSchema>;

export const reopeningHistorySchema = z.object({ items: z.array(reopeningReportSchema) });
