import { z } from 'zod';
import { daySchema, isoDateTimeSchema, objectIdSchema, phoneSchema, regionCodeSchema } from '../common';
import { INSURANCE_PAYERS, SHARING_AGREEMENT_STATUSES, SHARING_KINDS } from './labels';
import { industrySchema } from './vacancy';

/** 用工调剂 (seed 000 §一(二)): a firm offers surplus staff for a period, or asks for some. */
export const sharingPostInputSchema = z
  .object({
    enterpriseId: objectIdSchema.optional(),
    kind: z.enum(SHARING_KINDS, { message: '请选择借出或借用' }),
    headcount: z
      .number({ message: '请填写人数' })
      .int('人数须为整数')
      .min(1, '人数至少 1 人')
      .max(1000, '人数不能超过 1000'),
    fromDay: daySchema(),
    toDay: daySchema(),
    industry: industrySchema,
    regionCode: regionCodeSchema,
    note: z.string().trim().max(200, '说明不能超过 200 个字').default(''),
  })
  .strict()
  .refine((p) => p.fromDay <= p.toDay, { message: '结束日期不能早于开始日期', path: ['toDay'] });

export const sharingPostSchema = z.object({
  id: objectIdSchema,
  enterpriseId: objectIdSchema,
  enterpriseName: z.string(),
  kind: z.enum(SHARING_KINDS),
  headcount: z.number().int(),
  /** Headcount already placed in arrangements. */
  agreed: z.number().int(),
  /** 'closed' once the firm takes it off the board (agreed arrangements stand). */
  status: z.enum(['open', 'closed']),
  fromDay: z.string(),
  toDay: z.string(),
  industry: z.string(),
  regionCode: z.string(),
  note: z.string(),
  postedAt: isoDateTimeSchema,
});

/** The agreed arrangement (短期借用): the lent workers keep their employer. */
export const sharingAgreementInputSchema = z
  .object({
    surplusId: objectIdSchema,
    shortageId: objectIdSchema,
    headcount: z
      .number({ message: '请填写人数' })
      .int('人数须为整数')
      .min(1, '人数至少 1 人')
      .max(1000, '人数不能超过 1000'),
    fromDay: daySchema(),
    toDay: daySchema(),
    terms: z.string().trim().min(4, '请填写双方约定（工作内容、报酬结算等）').max(500),
    insurancePayer: z.enum(INSURANCE_PAYERS, { message: '请选择社保由谁缴纳' }),
    /** The lent workers' phones, so they see the arrangement too (optional). */
    workerPhones: z.array(phoneSchema).max(200, '一次最多填写 200 名员工').default([]),
  })
  .strict()
  .refine((p) => p.fromDay <= p.toDay, { message: '结束日期不能早于开始日期', path: ['toDay'] });

export const sharingAgreementSchema = z.object({
  id: objectIdSchema,
  surplusId: objectIdSchema,
  shortageId: objectIdSchema,
  status: z.enum(SHARING_AGREEMENT_STATUSES),
  /** Which side proposed: the other side agrees or declines. */
  proposedBy: z.enum(['lender', 'borrower']),
  lender: z.object({ id: objectIdSchema, name: z.string() }),
  borrower: z.object({ id: objectIdSchema, name: z.string() }),
  headcount: z.number().int(),
  fromDay: z.string(),
  toDay: z.string(),
  terms: z.string(),
  insurancePayer: z.enum(INSURANCE_PAYERS),
  workers: z.number().int(),
  proposedAt: isoDateTimeSchema,
  agreedAt: isoDateTimeSchema.nullable(),
});
export type SharingAgreement = z.infer<typeof sharingAgreementSchema>;
export type SharingPost = z.infer<typeof sharingPostSchema>;

/** The board: open posts of every firm, of one kind and industry if asked. */
export const sharingBoardQuerySchema = z
  .object({ kind: z.enum(SHARING_KINDS).optional(), industry: industrySchema.optional() })
  .strict();

const sideTotals = z.object({ posts: z.number().int(), heads: z.number().int(), free: z.number().int() });
/** 人社局's view of 用工调剂: what is offered and asked, and the arrangements made. */
export const sharingOverviewSchema = z.object({
  surplus: sideTotals,
  shortage: sideTotals,
  agreements: z.object({ proposed: z.number().int(), agreed: z.number().int(), heads: z.number().int() }),
  items: z.array(sharingAgreementSchema),
});
export type SharingOverview = z.infer<typeof sharingOverviewSchema>;
