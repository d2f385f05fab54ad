import { z } from 'zod';
import { daySchema, isoDateTimeSchema, objectIdSchema } from '../common';
import { passColorSchema } from '../worker/health';
import { APPLICATION_STATUSES, INTERVIEW_MODES } from './labels';

export const applyInputSchema = z
  .object({
    vacancyId: objectIdSchema,
    note: z.string().trim().max(200, '留言不能超过 200 个字').default(''),
  })
  .strict();

/** An interview: a video link and slot, or a 远程视频见工点 with its address and slot. */
export const interviewInputSchema = z.discriminatedUnion('mode', [
  z
    .object({
      mode: z.literal('video'),
      at: isoDateTimeSchema,
      link: z
        .string()
        .trim()
        .max(300)
        .regex(/^https:\/\/[^\s<>]+$/, '视频链接应以 https:// 开头'),
    })
    .strict(),
  z
    .object({
      mode: z.literal('remote_point'),
      at: isoDateTimeSchema,
      point: z.string().trim().min(4, '请填写见工点名称和地址').max(60, '见工点不能超过 60 个字'),
    })
    .strict(),
]);
export type InterviewInput = z.input<typeof interviewInputSchema>;

/** What the firm offers: the terms of the employment record accepting makes (定岗). */
export const offerInputSchema = z
  .object({
    startDay: daySchema(),
    contractMonths: z.number().int().min(1, '合同期限至少 1 个月').max(120, '合同期限不能超过 120 个月'),
    socialInsurance: z.boolean(),
    wage: z.number().int().min(1000).max(50_000),
  })
  .strict();
export type OfferInput = z.input<typeof offerInputSchema>;

export const labourReasonSchema = z
  .object({ reason: z.string().trim().min(2, '请填写原因').max(200, '原因不能超过 200 个字') })
  .strict();
export const labourEmptySchema = z.object({}).strict();

export const timelineEntrySchema = z.object({
  status: z.enum(APPLICATION_STATUSES),
  at: isoDateTimeSchema,
  by: z.enum(['seeker', 'firm']),
  note: z.string(),
});

export const employmentSchema = z.object({
  id: objectIdSchema,
  enterpriseId: objectIdSchema,
  enterpriseName: z.string(),
  position: z.string(),
  startDay: z.string(),
  contractMonths: z.number().int(),
  socialInsurance: z.boolean(),
  wage: z.number().int(),
  arrivedAt: isoDateTimeSchema.nullable(),
});
export type Employment = z.infer<typeof employmentSchema>;

export const applicationSchema = z.object({
  id: objectIdSchema,
  vacancyId: objectIdSchema,
  enterpriseId: objectIdSchema,
  enterpriseName: z.string(),
  position: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  /** The applicant: name, masked phone (full only through the audited contact read). */
  applicant: z.object({
    name: z.string(),
    phone: z.string(),
    homeRegionCode: z.string(),
    passColour: passColorSchema.nullable(),
  }),
  note: z.string(),
  interview: z
    .object({
      mode: z.enum(INTERVIEW_MODES),
      at: isoDateTimeSchema,
      link: z.string().nullable(),
      point: z.string().nullable(),
    })
    .nullable(),
  offer: offerInputSchema.extend({ startDay: z.string() }).nullable(),
  employment: employmentSchema.nullable(),
  timeline: z.array(timelineEntrySchema),
  appliedAt: isoDateTimeSchema,
});
export type Application = z.infer<typeof applicationSchema>;

export const applicationListQuerySchema = z.object({
  vacancyId: objectIdSchema.optional(),
  status: z.enum(APPLICATION_STATUSES).optional(),
});

/** The audited full read of an applicant's contact details by the firm applied to. */
export const applicantContactSchema = z.object({
  applicationId: objectIdSchema,
  name: z.string(),
  phone: z.string(),
  idNumber: z.string().nullable(),
});

/** 后到岗: how the hired worker gets to the factory. */
export const wayThereSchema = z.object({
  applicationId: objectIdSchema,
  enterpriseName: z.string(),
  homeRegionCode: z.string(),
  trips: z.array(
    z.object({
      id: objectIdSchema,
      departureAt: isoDateTimeSchema,
      originText: z.string(),
      destinationText: z.string(),
      seatsLeft: z.number().int(),
    }),
  ),
  /** The firm takes new hires on its charter bus: the worker is on its waiting list. */
  charterBus: z.boolean(),
});
export type WayThere = z.infer<typeof wayThereSchema>;

/** New hires the liaison must get to the factory (accepted, not yet arrived). */
export const awaitingTransportSchema = z.object({
  items: z.array(
    z.object({
      applicationId: objectIdSchema,
      name: z.string(),
      position: z.string(),
      homeRegionCode: z.string(),
      startDay: z.string(),
      charterBus: z.boolean(),
    }),
  ),
});
