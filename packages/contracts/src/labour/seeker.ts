import { z } from 'zod';
import {
  daySchema,
  idNumberSchema,
  isoDateTimeSchema,
  objectIdSchema,
  personNameSchema,
  regionCodeSchema,
} from '../common';
import { passColorSchema } from '../worker/health';
import { chinaPointSchema, industrySchema, positionSchema, wageSchema } from './vacancy';

const tag = z.string().trim().min(1).max(20, '每项不能超过 20 个字');

/** 求职登记 (seed 003 "1+3": 个人求职登记、培训预登记). */
export const seekerInputSchema = z
  .object({
    name: personNameSchema,
    /** Optional; encrypted at rest and shown to a firm only once the worker applies there. */
    idNumber: idNumberSchema.optional(),
    wantedIndustries: z.array(industrySchema).min(1, '请至少选择一个意向行业').max(5, '意向行业最多 5 个'),
    wantedPositions: z.array(positionSchema).max(5, '意向岗位最多 5 个').default([]),
    homeRegionCode: regionCodeSchema,
    /** Where they would work (county codes); empty means anywhere. */
    willingRegionCodes: z.array(regionCodeSchema).max(10, '意向工作地最多 10 个').default([]),
    /** Where home is on the map, for "nearest first" (optional). */
    homePoint: chinaPointSchema.optional(),
    expectedWage: wageSchema,
    availableFrom: daySchema(),
    skills: z.array(tag).max(10, '技能最多 10 项').default([]),
    certificates: z.array(tag).max(10, '证书最多 10 项').default([]),
    trainingWishes: z.array(tag).max(5, '培训意向最多 5 项').default([]),
    /** Consent to show their current pass colour to firms (seed 000 "个人求职（含健康）"). */
    showPassColour: z.boolean(),
  })
  .strict();
export type SeekerInput = z.input<typeof seekerInputSchema>;

/** The seeker as they see themselves. */
export const seekerSchema = z.object({
  id: objectIdSchema,
  name: z.string(),
  idNumber: z.string().nullable(),
  phone: z.string(),
  wantedIndustries: z.array(z.string()),
  wantedPositions: z.array(z.string()),
  homeRegionCode: z.string(),
  willingRegionCodes: z.array(z.string()),
  homePoint: chinaPointSchema.nullable(),
  expectedWage: z.number().int(),
  availableFrom: z.string(),
  skills: z.array(z.string()),
  certificates: z.array(z.string()),
  trainingWishes: z.array(z.string()),
  showPassColour: z.boolean(),
  registeredAt: isoDateTimeSchema,
});
export type Seeker = z.infer<typeof seekerSchema>;

/**
 * A seeker as a firm sees them: a surname-only name, no ID and no phone (those only through an
 * application to that firm), the pass colour only with the seeker's consent.
 */
export const seekerCardSchema = z.object({
  id: objectIdSchema,
  displayName: z.string(),
  wantedIndustries: z.array(z.string()),
  wantedPositions: z.array(z.string()),
  homeRegionCode: z.string(),
  expectedWage: z.number().int(),
  availableFrom: z.string(),
  skills: z.array(z.string()),
  certificates: z.array(z.string()),
  passColour: passColorSchema.nullable(),
  /** 0–100, how well they fit the vacancy asked about. */
  score: z.number().int().nullable(),
  /**
   * They applied to this vacancy: the firm reads their phone on the application (audited), never
   * here. Until they apply the firm has no way to reach them but the vacancy itself.
   */
  applied: z.boolean(),
});
export type SeekerCard = z.infer<typeof seekerCardSchema>;

export const seekerMatchQuerySchema = z.object({ vacancyId: objectIdSchema });
