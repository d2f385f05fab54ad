import { z } from 'zod';
import { isoDateTimeSchema, objectIdSchema } from '../common';
import { issueDraftSchema } from './issue';
import { CALLBACK_FLAGS, callbackFlagSchema } from './callback-console';

/** The readiness checklist: the 四个到位 and the seven areas of seed 003, in the order a steward walks them. */
export const CHECKLIST_ITEMS = [
  { key: 'mechanism_in_place', group: '四个到位', label: '防控机制到位' },
  { key: 'screening_in_place', group: '四个到位', label: '员工排查到位' },
  { key: 'supplies_in_place', group: '四个到位', label: '设施物资到位' },
  { key: 'management_in_place', group: '四个到位', label: '内部管理到位' },
  { key: 'work_mechanism', group: '七个方面', label: '防疫工作机制' },
  { key: 'staff_screening', group: '七个方面', label: '复工人员排查' },
  { key: 'onsite_management', group: '七个方面', label: '上岗人员管理' },
  { key: 'sanitation', group: '七个方面', label: '环境卫生管护' },
  { key: 'supplies', group: '七个方面', label: '防疫物资保障' },
  { key: 'education', group: '七个方面', label: '疫情防控宣教' },
  { key: 'contingency_plan', group: '七个方面', label: '疫情应急预案' },
] as const;
export type ChecklistKey = (typeof CHECKLIST_ITEMS)[number]['key'];
const checklistKeys = CHECKLIST_ITEMS.map((i) => i.key) as [ChecklistKey, ...ChecklistKey[]];

export const checklistStatusSchema = z.enum(['met', 'not_met', 'na'], {
  message: '请选择 达标 / 不达标 / 不适用',
});
export const CHECKLIST_STATUS_LABELS = { met: '达标', not_met: '不达标', na: '不适用' } as const;

export const checklistEntrySchema = z
  .object({
    key: z.enum(checklistKeys),
    status: checklistStatusSchema,
    note: z.string().trim().max(200).default(''),
  })
  .strict()
  .refine((e) => e.status !== 'not_met' || e.note.length > 0, {
    path: ['note'],
    message: '不达标项请写明情况',
  });

/** Every item exactly once, so a visit record is always complete. */
export const checklistSchema = z.array(checklistEntrySchema).superRefine((entries, ctx) => {
  const seen = new Set(entries.map((e) => e.key));
  if (seen.size !== entries.length) ctx.addIssue({ code: 'custom', message: '检查项重复' });
  for (const key of checklistKeys)
    if (!seen.has(key)) ctx.addIssue({ code: 'custom', message: `缺少检查项：${key}` });
});

export const geoPointSchema = z
  .object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) })
  .strict();

export const visitInputSchema = z
  .object({
    enterpriseId: objectIdSchema,
    /** When the visit happened; omitted means now. No more than 48 h back, never in the future. */
    visitedAt: isoDateTimeSchema.optional(),
    place: z.string().trim().min(1, '请填写走访地点').max(100),
    location: geoPointSchema.nullable().default(null),
    checklist: checklistSchema,
    findings: z.string().trim().max(1000).default(''),
    /** Problems found; each becomes an issue reported on the enterprise's behalf. */
    problems: z.array(issueDraftSchema).max(10, '一次最多提交 10 个问题').default([]),
  })
  .strict();
export type VisitInput = z.infer<typeof visitInputSchema>;

export const visitSchema = z.object({
  id: objectIdSchema,
  enterpriseId: objectIdSchema,
  stewardId: objectIdSchema,
  visitedAt: isoDateTimeSchema,
  place: z.string(),
  location: geoPointSchema.nullable(),
  checklist: z.array(z.object({ key: z.string(), status: checklistStatusSchema, note: z.string() })),
  findings: z.string(),
  issueIds: z.array(objectIdSchema),
  createdAt: isoDateTimeSchema,
});
export type Visit = z.infer<typeof visitSchema>;

export const assignStewardSchema = z
  .object({ enterpriseId: objectIdSchema, stewardId: objectIdSchema })
  .strict();
export const assignmentSchema = z.object({
  id: objectIdSchema,
  enterpriseId: objectIdSchema,
  stewardId: objectIdSchema,
  stewardName: z.string().nullable(),
  from: isoDateTimeSchema,
  to: isoDateTimeSchema.nullable(),
});
export const assignmentHistorySchema = z.object({ items: z.array(assignmentSchema) });

/** A steward's enterprise, with what makes it need attention. */
export const stewardEnterpriseSchema = z.object({
  enterpriseId: objectIdSchema,
  name: z.string(),
  regionCode: z.string(),
  size: z.enum(['above', 'below']),
  lastVisitAt: isoDateTimeSchema.nullable(),
  daysSinceVisit: z.number().int().nullable(),
  openIssues: z.number().int(),
  overdueIssues: z.number().int(),
  reopened: z.boolean(),
  needScore: z.number(),
  reasons: z.array(z.string()),
});
export const stewardEnterprisesSchema = z.object({ items: z.array(stewardEnterpriseSchema) });

const MIN_FLAG_REMARKS = 5;

/** 电话回访: reached or not; when reached, satisfaction 1–5 is required. */
export const callbackInputSchema = z
  .object({
    enterpriseId: objectIdSchema,
    reached: z.boolean(),
    satisfaction: z
      .number()
      .int()
      .min(1, '满意度为 1–5 分')
      .max(5, '满意度为 1–5 分')
      .nullable()
      .default(null),
    remarks: z.string().trim().max(500).default(''),
    /** Findings (不作为、中梗阻、慢作为、乱作为); each reaches the command's supervisors. */
    flags: z
      .array(callbackFlagSchema)
      .max(CALLBACK_FLAGS.length)
      .refine((f) => new Set(f).size === f.length, '同一情形只能选一次')
      .default([]),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.reached && c.satisfaction === null)
      ctx.addIssue({ code: 'custom', path: ['satisfaction'], message: '接通后请填写满意度' });
    if (!c.reached && c.satisfaction !== null)
      ctx.addIssue({ code: 'custom', path: ['satisfaction'], message: '未接通不能评分' });
    if (!c.reached && c.flags.length > 0)
      ctx.addIssue({ code: 'custom', path: ['flags'], message: '未接通不能记录问题情形' });
    // A finding about a named official is a record others act on: it must say what happened.
    if (c.flags.length > 0 && [...c.remarks].length < MIN_FLAG_REMARKS)
      ctx.addIssue({
        code: 'custom',
        path: ['remarks'],
        message: `记录问题情形时请写明具体情况（至少 ${MIN_FLAG_REMARKS} 个字）`,
      });
  });

export const callbackSchema = z.object({
  id: objectIdSchema,
  enterpriseId: objectIdSchema,
  stewardId: objectIdSchema.nullable(),
  callerId: objectIdSchema,
  calledAt: isoDateTimeSchema,
  reached: z.boolean(),
  satisfaction: z.number().int().nullable(),
  remarks: z.string(),
  flags: z.array(callbackFlagSchema),
});

/** Stewards the command should look at: low call-back ratings or enterprises left unvisited. */
export const stewardAttentionSchema = z.object({
  items: z.array(
    z.object({
      stewardId: objectIdSchema,
      stewardName: z.string().nullable(),
      enterprises: z.number().int(),
      lapsedEnterprises: z.number().int(),
      averageSatisfaction: z.number().nullable(),
      ratings: z.number().int(),
      reasons: z.array(z.string()),
    }),
  ),
});
