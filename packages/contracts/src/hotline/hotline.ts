import { z } from 'zod';
import {
  daySpanProblem,
  isoDateTimeSchema,
  isoDaySchema,
  objectIdSchema,
  pageQuerySchema,
  phoneSchema,
} from '../common';
import { departmentCodeSchema } from '../enterprise/department';
import { issueUrgencySchema, type IssueCategory } from '../enterprise/issue';

/**
 * The lines an operator answers (seed 002 §二 "12345" 政务服务; seed 003 "12333服务热线" of 人社;
 * seed 004 §18 "7712345" for firms' reopening problems).
 */
export const HOTLINES = ['12345', '12333', '7712345'] as const;
export const hotlineSchema = z.enum(HOTLINES, { message: '请选择热线' });
export type Hotline = z.infer<typeof hotlineSchema>;
export const HOTLINE_LABELS: Record<Hotline, string> = {
  '12345': '12345 政务服务热线',
  '12333': '12333 人社服务热线',
  '7712345': '7712345 企业复工热线',
};

/**
 * What callers ring about (seed 003: 劳动关系, 就业服务, 失业保险金和技能提升补贴; seed 004 §18:
 * firms' reopening difficulties; seed 001–002: passes, transport, epidemic supplies, policy).
 */
export const HOTLINE_CATEGORIES = [
  'reopening',
  'labour_relations',
  'employment',
  'social_insurance',
  'subsidy',
  'transport',
  'epidemic_supplies',
  'policy',
  'other',
] as const;
export const hotlineCategorySchema = z.enum(HOTLINE_CATEGORIES, { message: '请选择来电类别' });
export type HotlineCategory = z.infer<typeof hotlineCategorySchema>;
export const HOTLINE_CATEGORY_LABELS: Record<HotlineCategory, string> = {
  reopening: '复工复产困难',
  labour_relations: '劳动关系（工资、解除合同）',
  employment: '就业服务',
  social_insurance: '社保、失业保险',
  subsidy: '补贴申领',
  transport: '交通通行',
  epidemic_supplies: '防疫物资',
  policy: '政策咨询',
  other: '其他',
};

/** The issue category a call becomes when it is raised as an issue on the caller's behalf. */
export const HOTLINE_ISSUE_CATEGORY: Record<HotlineCategory, IssueCategory> = {
  reopening: 'other',
  labour_relations: 'legal',
  employment: 'labour',
  social_insurance: 'policy',
  subsidy: 'funding',
  transport: 'logistics',
  epidemic_supplies: 'epidemic_supplies',
  policy: 'policy',
  other: 'other',
};

export const MAX_CALL_TEXT = 1000;
const callText = (what: string, min: number) =>
  z
    .string({ message: `请填写${what}` })
    .trim()
    .min(min, min > 1 ? `请至少用 ${min} 个字填写${what}` : `请填写${what}`)
    .max(MAX_CALL_TEXT, `${what}不能超过 ${MAX_CALL_TEXT} 字`);

/** How the call ends: answered on the spot (a consultation), or raised as an issue and dispatched. */
export const callOutcomeInputSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('answered'), answer: callText('答复内容', 2) }).strict(),
    z
      .object({ kind: z.literal('issue'), departmentCode: departmentCodeSchema, urgency: issueUrgencySchema })
      .strict(),
  ],
  { message: '请选择当场答复或转为问题诉求' },
);

export const hotlineCallInputSchema = z
  .object({
    line: hotlineSchema,
    // Spaces and dashes as people read a number out are dropped; an SMS needs a mainland mobile.
    callerPhone: z.preprocess((v) => (typeof v === 'string' ? v.replace(/[\s-]/g, '') : v), phoneSchema),
    enterpriseId: objectIdSchema.nullable().default(null),
    category: hotlineCategorySchema,
    text: callText('来电内容', 5),
    outcome: callOutcomeInputSchema,
  })
  .strict()
  .superRefine((c, ctx) => {
    // An issue is always an enterprise's (its clocks, steward and department queue hang off it).
    if (c.outcome.kind === 'issue' && !c.enterpriseId)
      ctx.addIssue({ code: 'custom', path: ['enterpriseId'], message: '转为问题诉求须选择所涉企业' });
  });
export type HotlineCallInput = z.input<typeof hotlineCallInputSchema>;

/** Where a call stands: answered on the spot, an issue still being handled, or an issue answered. */
export const CALL_STATUSES = ['answered', 'in_progress', 'closed'] as const;
export const callStatusSchema = z.enum(CALL_STATUSES, { message: '状态不正确' });
export type CallStatus = z.infer<typeof callStatusSchema>;
export const CALL_STATUS_LABELS: Record<CallStatus, string> = {
  answered: '当场答复',
  in_progress: '办理中',
  closed: '已办结',
};

export const hotlineCallSchema = z.object({
  id: objectIdSchema,
  line: hotlineSchema,
  /** Always masked; the full number is a separate, audited read. */
  callerPhoneMasked: z.string(),
  enterpriseId: objectIdSchema.nullable(),
  enterpriseName: z.string().nullable(),
  category: hotlineCategorySchema,
  text: z.string(),
  status: callStatusSchema,
  /** The answer given on the spot, or the department's answer once the issue is answered. */
  answer: z.string().nullable(),
  issueId: objectIdSchema.nullable(),
  issueNumber: z.string().nullable(),
  receivedAt: isoDateTimeSchema,
  closedAt: isoDateTimeSchema.nullable(),
  /** For an issue: answered before its resolution deadline (null while open or for a consultation). */
  closedWithinDeadline: z.boolean().nullable(),
  /** When the caller was texted the outcome (null until the SMS went out). */
  notifiedAt: isoDateTimeSchema.nullable(),
  callback: z.object({ satisfaction: z.number().int(), at: isoDateTimeSchema }).nullable(),
});
export type HotlineCall = z.infer<typeof hotlineCallSchema>;

export const hotlineCallQuerySchema = pageQuerySchema
  .extend({ status: callStatusSchema.optional(), line: hotlineSchema.optional() })
  .strict();

/** 回访: the caller rates how their call was handled (1 very unsatisfied … 5 very satisfied). */
export const hotlineCallbackInputSchema = z
  .object({
    satisfaction: z
      .number({ message: '请选择满意度' })
      .int('满意度为 1 到 5 的整数')
      .min(1, '满意度为 1 到 5 的整数')
      .max(5, '满意度为 1 到 5 的整数'),
  })
  .strict();

export const callerPhoneSchema = z.object({ callId: objectIdSchema, phone: z.string() });

export const hotlineEnterpriseQuerySchema = z
  .object({ q: z.string().trim().min(1, '请输入企业名称').max(40, '企业名称过长') })
  .strict();
export const hotlineEnterpriseSchema = z.object({ id: objectIdSchema, name: z.string() });

/** A rate with what it was computed from, so a page can show "12 / 15" next to the percentage. */
const rateSchema = z.object({ count: z.number().int(), of: z.number().int(), rate: z.number().nullable() });

/** Without a period, the 三率 cover the last 30 days up to today; a period is at most a year. */
export const HOTLINE_FIGURES_DEFAULT_DAYS = 30;
export const HOTLINE_FIGURES_MAX_DAYS = 366;

/** Which calls the 三率 count: those received `from`..`to` (China days, inclusive). */
export const hotlineFiguresQuerySchema = z
  .object({ from: isoDaySchema.optional(), to: isoDaySchema.optional() })
  .superRefine((q, ctx) => {
    const problem = q.from && q.to ? daySpanProblem(q.from, q.to, HOTLINE_FIGURES_MAX_DAYS) : null;
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['to'] });
  });

/**
 * The hotline's 三率 and its volumes (a centre reports these to the command), over the calls
 * received in the period: each rate is of those calls, whenever they were closed or called back.
 */
export const hotlineFiguresSchema = z.object({
  from: z.string(),
  to: z.string(),
  calls: z.number().int(),
  /** Calls whose caller got an answer: on the spot, or the department's answer to their issue. */
  answered: rateSchema,
  issuesCreated: z.number().int(),
  /** Issues answered by their resolution deadline, of the issues answered so far. */
  closedWithinDeadline: rateSchema,
  /** Call-backs rated 4 or 5, of the call-backs recorded. */
  satisfied: rateSchema,
});
export type HotlineFigures = z.infer<typeof hotlineFiguresSchema>;
