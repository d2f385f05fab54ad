import { z } from 'zod';
import { isoDateTimeSchema, objectIdSchema, pageQuerySchema } from '../common';
import { departmentCodeSchema } from './department';

/** Problem categories from the seeds (001, 002, 004): what enterprises actually got stuck on. */
export const ISSUE_CATEGORIES = [
  'labour',
  'materials',
  'logistics',
  'supply_chain',
  'funding',
  'epidemic_supplies',
  'permits_land',
  'legal',
  'policy',
  'other',
] as const;
export const issueCategorySchema = z.enum(ISSUE_CATEGORIES, { message: '请选择问题类别' });
export type IssueCategory = z.infer<typeof issueCategorySchema>;
export const ISSUE_CATEGORY_LABELS: Record<IssueCategory, string> = {
  labour: '用工',
  materials: '原材料',
  logistics: '物流运输',
  supply_chain: '产业链配套',
  funding: '资金',
  epidemic_supplies: '防疫物资',
  permits_land: '审批/用地',
  legal: '法律',
  policy: '政策咨询',
  other: '其他',
};

export const ISSUE_URGENCIES = ['urgent', 'normal'] as const;
export const issueUrgencySchema = z.enum(ISSUE_URGENCIES, { message: '请选择紧急程度' });
export type IssueUrgency = z.infer<typeof issueUrgencySchema>;
export const ISSUE_URGENCY_LABELS: Record<IssueUrgency, string> = { urgent: '紧急', normal: '一般' };

export const ISSUE_STATES = [
  'submitted',
  'accepted',
  'dispatched',
  'answered',
  'confirmed',
  'reopened',
] as const;
export const issueStateSchema = z.enum(ISSUE_STATES);
export type IssueState = z.infer<typeof issueStateSchema>;
export const ISSUE_STATE_LABELS: Record<IssueState, string> = {
  submitted: '已提交',
  accepted: '已受理',
  dispatched: '已派单',
  answered: '已答复',
  confirmed: '已确认',
  reopened: '重新办理',
};

/** At most this many images per issue, each uploaded on its own first. */
export const MAX_ISSUE_ATTACHMENTS = 6;

/** An issue as a steward drafts it during a visit (no attachments there: one tap). */
export const issueDraftSchema = z
  .object({
    category: issueCategorySchema,
    urgency: issueUrgencySchema,
    description: z.string().trim().min(5, '请至少用 5 个字描述问题').max(1000, '描述不能超过 1000 字'),
  })
  .strict();
export type IssueDraft = z.infer<typeof issueDraftSchema>;

export const issueInputSchema = issueDraftSchema
  .extend({
    enterpriseId: objectIdSchema,
    attachmentIds: z
      .array(objectIdSchema)
      .max(MAX_ISSUE_ATTACHMENTS, `最多 ${MAX_ISSUE_ATTACHMENTS} 张图片`)
      .default([]),
  })
  .strict();
export type IssueInput = z.infer<typeof issueInputSchema>;

export const dispatchIssueSchema = z
  .object({ departmentCode: departmentCodeSchema, note: z.string().trim().max(500).default('') })
  .strict();
export const transferIssueSchema = z
  .object({
    departmentCode: departmentCodeSchema,
    reason: z.string().trim().min(2, '请写明转办原因').max(500),
  })
  .strict();
export const answerIssueSchema = z
  .object({ answer: z.string().trim().min(5, '答复至少 5 个字').max(2000) })
  .strict();
export const confirmIssueSchema = z
  .object({
    rating: z.number().int('评分为 1–5 的整数').min(1, '评分为 1–5 分').max(5, '评分为 1–5 分'),
    comment: z.string().trim().max(500).default(''),
  })
  .strict();
export const reopenIssueSchema = z
  .object({ reason: z.string().trim().min(2, '请写明未解决的原因').max(500) })
  .strict();
export const acceptIssueSchema = z.object({ note: z.string().trim().max(500).default('') }).strict();

/** One line of the immutable timeline: who did what, when. */
export const timelineEventSchema = z.object({
  at: isoDateTimeSchema,
  type: z.enum([
    'submitted',
    'accepted',
    'dispatched',
    'transferred',
    'answered',
    'confirmed',
    'reopened',
    'reminded',
    'escalated',
    // A reminder or escalation reached a person (inbox, and WeChat or SMS): who, through what.
    'notified',
  ]),
  actorId: objectIdSchema.nullable(),
  actorRole: z.string(),
  fromState: issueStateSchema.nullable(),
  toState: issueStateSchema.nullable(),
  departmentCode: z.string().nullable(),
  note: z.string(),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

/** One of the three clocks (first response, progress, resolution). */
export const issueClockSchema = z.object({
  dueAt: isoDateTimeSchema.nullable(),
  metAt: isoDateTimeSchema.nullable(),
  overdue: z.boolean(),
});

export const issueSchema = z.object({
  id: objectIdSchema,
  number: z.string(),
  enterpriseId: objectIdSchema,
  enterpriseName: z.string(),
  category: issueCategorySchema,
  urgency: issueUrgencySchema,
  description: z.string(),
  attachmentIds: z.array(objectIdSchema),
  state: issueStateSchema,
  departmentCode: z.string().nullable(),
  answer: z.string().nullable(),
  rating: z.number().int().nullable(),
  source: z.enum(['liaison', 'steward', 'visit']),
  reportedAt: isoDateTimeSchema,
  clocks: z.object({
    firstResponse: issueClockSchema,
    progress: issueClockSchema,
    resolution: issueClockSchema,
  }),
  escalated: z.boolean(),
  /** What the caller may do next, so the page shows only the buttons that will work. */
  allowedActions: z.array(z.string()),
});
export type Issue = z.infer<typeof issueSchema>;

export const issueDetailSchema = issueSchema.extend({ timeline: z.array(timelineEventSchema) });
export type IssueDetail = z.infer<typeof issueDetailSchema>;

export const issueListQuerySchema = pageQuerySchema.extend({
  state: issueStateSchema.optional(),
  category: issueCategorySchema.optional(),
  enterpriseId: objectIdSchema.optional(),
  open: z.enum(['true', 'false']).optional(),
});

/** 共性问题: open issues of one category across several enterprises. */
export const commonProblemSchema = z.object({
  category: issueCategorySchema,
  enterprises: z.number().int(),
  issues: z.array(
    z.object({
      id: objectIdSchema,
      enterpriseName: z.string(),
      description: z.string(),
      state: issueStateSchema,
    }),
  ),
});
export const commonProblemsSchema = z.object({ items: z.array(commonProblemSchema) });
export const commonAnswerSchema = z
  .object({
    category: issueCategorySchema,
    issueIds: z.array(objectIdSchema).min(1).max(500),
    answer: z.string().trim().min(5).max(2000),
  })
  .strict();
export const commonAnswerResultSchema = z.object({
  answered: z.array(objectIdSchema),
  skipped: z.array(z.object({ id: objectIdSchema, state: z.string() })),
});

export const sweepResultSchema = z.object({ reminded: z.number().int(), escalated: z.number().int() });

/** Image upload: JPEG or PNG, base64 in JSON, checked by its magic bytes, at most ~70 KB. */
export const ATTACHMENT_MAX_BYTES = 70 * 1024;
export const attachmentUploadSchema = z
  .object({
    enterpriseId: objectIdSchema,
    filename: z.string().trim().min(1).max(100),
    contentType: z.enum(['image/jpeg', 'image/png'], { message: '只支持 JPG 或 PNG 图片' }),
    dataBase64: z.string().min(4, '图片内容为空').max(200_000, '图片过大'),
  })
  .strict();
export const attachmentSchema = z.object({
  id: objectIdSchema,
  contentType: z.string(),
  size: z.number().int(),
  filename: z.string(),
});
