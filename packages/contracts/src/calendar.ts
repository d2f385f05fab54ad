import { z } from 'zod';
import { defineRoute } from './route';
import { isoDaySchema } from './common';

/** One local override of the national holiday data. */
export const calendarOverrideSchema = z.object({
  day: isoDaySchema,
  kind: z.enum(['holiday', 'workday']),
  note: z.string(),
});
export type CalendarOverrideView = z.infer<typeof calendarOverrideSchema>;

/** Which calendar deadlines count in, and how far its national data reaches. */
export const calendarStatusSchema = z.object({
  source: z.string(),
  lastCoveredYear: z.number().int().nullable(),
  /** False means deadlines next year will count public holidays as working days until the data is updated. */
  coversComingYear: z.boolean(),
  overrides: z.array(calendarOverrideSchema),
});
export type CalendarStatus = z.infer<typeof calendarStatusSchema>;

/** Sets a run of days (at most 62) as local holidays or working days, e.g. "不早于 2 月 9 日复工". */
export const calendarOverrideInputSchema = z
  .object({
    from: isoDaySchema,
    to: isoDaySchema,
    kind: z.enum(['holiday', 'workday'], { message: '请选择放假或上班' }),
    note: z.string().trim().min(1, '请填写依据（如文件名）').max(100, '不能超过 100 个字'),
  })
  .strict()
  .refine((v) => v.to >= v.from, { message: '结束日期不能早于开始日期', path: ['to'] });
export type CalendarOverrideInput = z.infer<typeof calendarOverrideInputSchema>;

const tag = 'calendar';

export const calendarRoutes = {
  status: defineRoute({
    id: 'calendar.status',
    method: 'get',
    path: '/api/calendar',
    summary: '工作日历（节假日数据覆盖年份与本地调整）',
    tag,
    auth: 'user',
    response: calendarStatusSchema,
  }),
  setOverrides: defineRoute({
    id: 'calendar.overrides.set',
    method: 'post',
    path: '/api/calendar/overrides',
    summary: '设置本地放假或上班日',
    tag,
    auth: 'user',
    body: calendarOverrideInputSchema,
    response: calendarStatusSchema,
    idempotent: true,
  }),
  removeOverride: defineRoute({
    id: 'calendar.overrides.remove',
    method: 'delete',
    path: '/api/calendar/overrides/:day',
    summary: '撤销某日的本地调整',
    tag,
    auth: 'user',
    params: z.object({ day: isoDaySchema }),
    response: calendarStatusSchema,
  }),
};
