import { z } from 'zod';
import { objectIdSchema } from './common';

/**
 * 免申即享 (subsidies without application): the policies computed from data already held,
 * their labels, and the departments that own them.
 */
export const SUBSIDY_POLICIES = ['hiring', 'referral', 'training', 'uiRefund', 'charter'] as const;
export const subsidyPolicySchema = z.enum(SUBSIDY_POLICIES, { message: '请选择补贴政策' });
export type SubsidyPolicyCode = z.infer<typeof subsidyPolicySchema>;

export const SUBSIDY_POLICY_LABELS: Record<SubsidyPolicyCode, string> = {
  hiring: '一次性吸纳就业补贴',
  referral: '职业介绍补贴',
  training: '线上培训补贴',
  uiRefund: '失业保险稳岗返还',
  charter: '包车补贴',
};

/** Which departments own a policy: the first reviews, approves and publishes; 财政局 pays. */
export const SUBSIDY_POLICY_DEPARTMENTS: Record<SubsidyPolicyCode, readonly string[]> = {
  hiring: ['rsj', 'czj'],
  referral: ['rsj', 'czj'],
  training: ['rsj', 'czj'],
  uiRefund: ['rsj', 'czj'],
  charter: ['jtj', 'czj'],
};
/** The policies whose lists (and fact imports) this department leads: it is listed first. */
export function policiesLedBy(departmentId: string | null): SubsidyPolicyCode[] {
  return SUBSIDY_POLICIES.filter((p) => SUBSIDY_POLICY_DEPARTMENTS[p][0] === departmentId);
}
/** The department that pays every subsidy (marks payments, downloads the payment list). */
export const SUBSIDY_PAYING_DEPARTMENT = 'czj';

/** A subsidy period: the year the policy pays for, e.g. 2020 (its 稳岗返还 reads 2019's premiums). */
export const subsidyPeriodSchema = z.string().regex(/^20\d{2}$/, '期次应为年份，如 2020');

export const SUBSIDY_IMPORT_KINDS = ['roster', 'premiums', 'placements', 'trainings', 'charters'] as const;
export type SubsidyImportKind = (typeof SUBSIDY_IMPORT_KINDS)[number];
export const SUBSIDY_IMPORT_LABELS: Record<SubsidyImportKind, string> = {
  roster: '参保职工花名册',
  premiums: '上年度失业保险缴费及裁员情况',
  placements: '职业介绍就业人员名单',
  trainings: '线上培训参训人员名单',
  charters: '包车实际上车人员名单',
};

/** Which policy an import kind feeds: its lead department imports it. */
export const SUBSIDY_IMPORT_POLICY: Record<SubsidyImportKind, SubsidyPolicyCode> = {
  roster: 'hiring',
  premiums: 'uiRefund',
  placements: 'referral',
  trainings: 'training',
  charters: 'charter',
};

/** Largest import file (bytes): its base64 must fit the schema's bound below. */
export const SUBSIDY_IMPORT_MAX_BYTES = 2 * 1024 * 1024;

export const subsidyImportSchema = z
  .object({
    kind: z.enum(SUBSIDY_IMPORT_KINDS, { message: '请选择导入的数据类型' }),
    period: subsidyPeriodSchema,
    format: z.enum(['csv', 'xlsx']),
    /** CSV only; left out, UTF-8 is tried first and GBK (what Excel on Chinese Windows saves) second. */
    encoding: z.enum(['utf-8', 'gbk']).optional(),
    dataBase64: z.string().min(1, '请选择文件').max(2_800_000, '文件过大，请分批导入（每批不超过 2 MB）'),
  })
  .strict();
export type SubsidyImportInput = z.infer<typeof subsidyImportSchema>;

export const subsidyImportReportSchema = z.object({
  kind: z.enum(SUBSIDY_IMPORT_KINDS),
  period: z.string(),
  encoding: z.enum(['utf-8', 'gbk']).nullable(),
  totalRows: z.number().int(),
  imported: z.number().int(),
  /** Rows of the earlier import of this period that this one replaced. */
  replaced: z.number().int(),
});
export type SubsidyImportReport = z.infer<typeof subsidyImportReportSchema>;

export const subsidyRunSchema = z
  .object({ policy: subsidyPolicySchema, period: subsidyPeriodSchema })
  .strict();

export const SUBSIDY_LIST_STATUSES = ['draft', 'approved', 'publicity', 'final', 'superseded'] as const;
export const SUBSIDY_LIST_STATUS_LABELS: Record<(typeof SUBSIDY_LIST_STATUSES)[number], string> = {
  draft: '待审核',
  approved: '已审核',
  publicity: '公示中',
  final: '已生成支付清单',
  superseded: '已被新名单取代',
};

const diffEntrySchema = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  beforeFen: z.number().int().nullable(),
  afterFen: z.number().int().nullable(),
  /** The beneficiary is already in the payment ledger for this policy and period: it is never paid again. */
  alreadyInLedger: z.boolean(),
});

export const subsidyListSchema = z.object({
  id: z.string(),
  policy: subsidyPolicySchema,
  policyLabel: z.string(),
  period: z.string(),
  version: z.string(),
  status: z.enum(SUBSIDY_LIST_STATUSES),
  count: z.number().int(),
  totalFen: z.number().int(),
  createdAt: z.string(),
  publicityEndsAt: z.string().nullable(),
  /** Against the last list that was published for the same policy and period (null: none yet). */
  diff: z
    .object({
      againstListId: z.string(),
      added: z.array(diffEntrySchema),
      removed: z.array(diffEntrySchema),
      changed: z.array(diffEntrySchema),
      unchanged: z.number().int(),
    })
    .nullable(),
});
export type SubsidyList = z.infer<typeof subsidyListSchema>;

export const subsidyRunResultSchema = z.object({
  /** False when the facts were the same as the open list's: the same list is answered. */
  created: z.boolean(),
  list: subsidyListSchema,
});

export const OBJECTION_STATUSES = ['pending', 'upheld', 'rejected'] as const;

export const subsidyObjectionSchema = z.object({
  text: z.string(),
  at: z.string(),
  status: z.enum(OBJECTION_STATUSES),
  decisionNote: z.string().nullable(),
  decidedAt: z.string().nullable(),
});

export const subsidyEntitlementSchema = z.object({
  id: z.string(),
  listId: z.string(),
  policy: subsidyPolicySchema,
  policyLabel: z.string(),
  period: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  amountFen: z.number().int(),
  reason: z.string(),
  /** The facts the rule used (counts, dates, figures); person keys are hashes, never ID numbers. */
  facts: z.record(z.string(), z.unknown()),
  excluded: z.object({ reason: z.string(), at: z.string() }).nullable(),
  objection: subsidyObjectionSchema.nullable(),
});
export type SubsidyEntitlement = z.infer<typeof subsidyEntitlementSchema>;

/**
 * One page of a long list: `cursor` is the previous page's `nextCursor` (the last item's stable
 * key); a Yuyao list has tens of thousands of firms, so nobody gets them in one answer.
 */
export const subsidyPageQuerySchema = z
  .object({
    cursor: objectIdSchema.optional(),
    limit: z.coerce
      .number()
      .int('每页条数应为整数')
      .min(1, '每页至少 1 条')
      .max(100, '每页最多 100 条')
      .default(30),
  })
  .strict();
export type SubsidyPageQuery = z.infer<typeof subsidyPageQuerySchema>;

/** A list's header with one page of its firms; `nextCursor` is null on the last page. */
export const subsidyListDetailSchema = subsidyListSchema.extend({
  items: z.array(subsidyEntitlementSchema),
  nextCursor: z.string().nullable(),
  /** Over the whole list, not the page: the officer sees every 异议 waiting on them. */
  pendingObjections: z.number().int().min(0),
});

/** What a firm sees: "您可享受 X 元，无需申请", why, and whether it may still object. */
export const myEntitlementSchema = subsidyEntitlementSchema.extend({
  headline: z.string(),
  publicityEndsAt: z.string().nullable(),
  canObject: z.boolean(),
  paid: z.boolean(),
});
export type MyEntitlement = z.infer<typeof myEntitlementSchema>;

export const myEntitlementPageSchema = z.object({
  items: z.array(myEntitlementSchema),
  nextCursor: z.string().nullable(),
});
export type MyEntitlementPage = z.infer<typeof myEntitlementPageSchema>;

export const reasonInputSchema = z
  .object({ reason: z.string().trim().min(2, '请填写理由').max(200, '不能超过 200 个字') })
  .strict();
export const objectionInputSchema = z
  .object({ text: z.string().trim().min(5, '请写明异议内容（至少 5 个字）').max(500, '不能超过 500 个字') })
  .strict();
export const objectionDecisionSchema = z
  .object({
    decision: z.enum(['upheld', 'rejected'], { message: '请选择异议成立或不成立' }),
    note: z.string().trim().min(2, '请填写处理意见').max(300, '不能超过 300 个字'),
    /** Upheld with a corrected amount keeps the line at that amount; upheld without one removes the line. */
    correctedAmountFen: z.number().int('金额应为整数（分）').min(1, '金额应大于 0').optional(),
  })
  .strict()
  .refine((v) => v.decision === 'upheld' || v.correctedAmountFen === undefined, {
    message: '异议不成立时不能修改金额',
    path: ['correctedAmountFen'],
  });

export const subsidyPaymentSchema = z.object({
  id: z.string(),
  listId: z.string(),
  policy: subsidyPolicySchema,
  period: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  creditCode: z.string(),
  amountFen: z.number().int(),
  status: z.enum(['pending', 'paid']),
  paidAt: z.string().nullable(),
  reference: z.string().nullable(),
});
export const paymentListResultSchema = z.object({
  created: z.number().int(),
  alreadyInLedger: z.number().int(),
  items: z.array(subsidyPaymentSchema),
});
export const markPaidSchema = z
  .object({ reference: z.string().trim().min(1, '请填写支付凭证号').max(64, '凭证号过长') })
  .strict();
