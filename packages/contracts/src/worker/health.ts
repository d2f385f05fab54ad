import { z } from 'zod';
import { isoDateTimeSchema, isoDaySchema, regionCodeSchema, riskAreaCodeSchema } from '../common';

/** Health-code colours as issued by the provincial health-code systems. */
export const HEALTH_CODE_COLORS = ['green', 'yellow', 'red'] as const;
export const healthCodeColorSchema = z.enum(HEALTH_CODE_COLORS);
export type HealthCodeColor = z.infer<typeof healthCodeColorSchema>;

/** Symptoms asked about at check-in (an empty list means "none"). */
export const SYMPTOMS = [
  'fever',
  'cough',
  'fatigue',
  'sore_throat',
  'short_breath',
  'diarrhea',
  'taste_loss',
] as const;
export const symptomSchema = z.enum(SYMPTOMS);
export type Symptom = z.infer<typeof symptomSchema>;
export const SYMPTOM_LABELS: Record<Symptom, string> = {
  fever: '发热',
  cough: '干咳',
  fatigue: '乏力',
  sore_throat: '咽痛',
  short_breath: '呼吸困难',
  diarrhea: '腹泻',
  taste_loss: '嗅觉味觉减退',
};

/** Region risk levels set by the command centre (seed 004: 分区分类 低/中/高风险). */
export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export const riskLevelSchema = z.enum(RISK_LEVELS);
export type RiskLevel = z.infer<typeof riskLevelSchema>;
export const RISK_LABELS: Record<RiskLevel, string> = { low: '低风险', medium: '中风险', high: '高风险' };

/** A county's way back to work at its risk level (seed 004 §1; the rule is in domain's reopeningStrategyFor). */
export const REOPENING_STRATEGIES = ['all_firms', 'orderly_by_list', 'not_in_policy'] as const;
export type ReopeningStrategy = (typeof REOPENING_STRATEGIES)[number];
export const REOPENING_STRATEGY_LABELS: Record<ReopeningStrategy, string> = {
  all_firms: '全面复工复产：区内中小微企业均可复工',
  orderly_by_list: '有序复工复产：按名单分批组织复工',
  not_in_policy: '分区施策未规定，按指挥部防控要求',
};

/** Body temperature in °C, 35.0–42.0 with at most one decimal (what a forehead thermometer shows). */
export const temperatureSchema = z
  .number({ message: '请填写体温（数字）' })
  .min(35, '体温应在 35.0–42.0 ℃ 之间')
  .max(42, '体温应在 35.0–42.0 ℃ 之间')
  .refine((t) => Math.abs(t * 10 - Math.round(t * 10)) < 1e-9, '体温最多保留一位小数');

/** What a worker submits once a day. A second submission the same day replaces the first. */
export const checkinInputSchema = z
  .object({
    temperature: temperatureSchema,
    symptoms: z.array(symptomSchema).max(SYMPTOMS.length).default([]),
    healthCode: healthCodeColorSchema,
    /** Counties (or cities, or towns) stayed in during the last 14 days. */
    places: z.array(riskAreaCodeSchema).max(20, '最多填写 20 个地点').default([]),
    arrivedFromOutsideProvince: z.boolean().default(false),
    /** Day of arrival from outside the province; required when arrivedFromOutsideProvince. */
    arrivalDate: isoDaySchema.nullable().default(null),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.arrivedFromOutsideProvince && !v.arrivalDate) {
      ctx.addIssue({ code: 'custom', path: ['arrivalDate'], message: '省外返回请填写到达日期' });
    }
    if (new Set(v.symptoms).size !== v.symptoms.length) {
      ctx.addIssue({ code: 'custom', path: ['symptoms'], message: '症状不能重复' });
    }
  });
export type CheckinInput = z.infer<typeof checkinInputSchema>;

export const checkinSchema = z.object({
  id: z.string(),
  day: isoDaySchema,
  at: isoDateTimeSchema,
  temperature: z.number(),
  symptoms: z.array(symptomSchema),
  healthCode: healthCodeColorSchema,
  places: z.array(riskAreaCodeSchema),
  arrivedFromOutsideProvince: z.boolean(),
  arrivalDate: isoDaySchema.nullable(),
});
export type Checkin = z.infer<typeof checkinSchema>;

export const PASS_COLORS = ['green', 'yellow', 'red'] as const;
export const passColorSchema = z.enum(PASS_COLORS);
export type PassColor = z.infer<typeof passColorSchema>;

/** Why a pass is not green; `code` is stable for clients, `message` is shown as is. */
export const passReasonSchema = z.object({
  code: z.enum([
    'NO_CHECKIN',
    'CHECKIN_STALE',
    'FEVER',
    'SYMPTOMS',
    'CODE_RED',
    'CODE_YELLOW',
    'OBSERVATION',
    'HIGH_RISK_STAY',
    'MEDIUM_RISK_STAY',
    'CHECKIN_UNREADABLE',
  ]),
  color: passColorSchema,
  message: z.string(),
});
export type PassReason = z.infer<typeof passReasonSchema>;

export const passSchema = z.object({
  color: passColorSchema,
  reasons: z.array(passReasonSchema),
  /** When this colour stops holding without a new check-in (null when there is no check-in). */
  validUntil: isoDateTimeSchema.nullable(),
  checkedInAt: isoDateTimeSchema.nullable(),
});
export type Pass = z.infer<typeof passSchema>;

/**
 * What the pass page shows as a QR code: a signed token that expires within two minutes. The
 * phone draws the QR from `token` (no server-rendered image).
 */
export const passTokenSchema = z.object({
  token: z.string(),
  expiresAt: isoDateTimeSchema,
  /** Seconds the page should wait before fetching a fresh one. */
  refreshInSec: z.number().int(),
  pass: passSchema,
});
export type PassToken = z.infer<typeof passTokenSchema>;

export const regionSchema = z.object({
  code: riskAreaCodeSchema,
  name: z.string(),
  /** The county a town's row sits under; null on a county's (or city's) own row. */
  countyCode: regionCodeSchema.nullable(),
  riskLevel: riskLevelSchema,
  /** The China day the level took effect, as the command announced it. */
  effectiveFrom: isoDaySchema,
  reopeningStrategy: z.enum(REOPENING_STRATEGIES),
  updatedAt: isoDateTimeSchema,
});
export type Region = z.infer<typeof regionSchema>;

export const regionUpsertSchema = z
  .object({
    name: z.string().trim().min(1, '请填写地区名称').max(40),
    riskLevel: riskLevelSchema,
    /** When the level took effect; today when not given. Never a day to come (the pass rules apply it now). */
    effectiveFrom: isoDaySchema.optional(),
  })
  .strict();
