import { z } from 'zod';
import { isoDateTimeSchema, objectIdSchema, regionCodeSchema } from '../common';
import { CONTRACT_KINDS, SHIFTS, VACANCY_STATUSES } from './labels';

/**
 * Monthly wages in whole yuan. The floor is below every 2020 月最低工资标准 (the lowest county tier
 * was about 1,300 yuan), so a real posting is never refused by it, while a typo of 35 or 3,500,000
 * is; the ceiling keeps the wage filter meaningful for the factory and service jobs posted here.
 */
export const WAGE_MIN_YUAN = 1000;
export const WAGE_MAX_YUAN = 50_000;
export const wageSchema = z
  .number({ message: '工资应为整数（元/月）' })
  .int('工资应为整数（元/月）')
  .min(WAGE_MIN_YUAN, `工资不能低于 ${WAGE_MIN_YUAN} 元/月`)
  .max(WAGE_MAX_YUAN, `工资不能高于 ${WAGE_MAX_YUAN} 元/月`);

/** A point on the map (WGS-84), inside China's bounding box: a swapped pair is refused. */
export const chinaPointSchema = z
  .object({
    lng: z.number().min(73, '经度不在中国境内').max(136, '经度不在中国境内'),
    lat: z.number().min(3, '纬度不在中国境内').max(54, '纬度不在中国境内'),
  })
  .strict();
export type ChinaPoint = z.infer<typeof chinaPointSchema>;

const text = (min: number, max: number, what: string) =>
  z
    .string()
    .trim()
    .min(min, `请填写${what}`)
    .max(max, `${what}不能超过 ${max} 个字`)
    .regex(/^[^\u0000-\u001f<>]*$/, `${what}含有非法字符`);

export const industrySchema = text(2, 20, '行业');
export const positionSchema = text(2, 30, '岗位名称');

const vacancyFields = z
  .object({
    /** The firm the vacancy is for: a liaison may leave it out (their own); an HR agency names it. */
    enterpriseId: objectIdSchema.optional(),
    position: positionSchema,
    industry: industrySchema,
    headcount: z
      .number()
      .int('招聘人数应为整数')
      .min(1, '招聘人数至少 1 人')
      .max(2000, '招聘人数不能超过 2000'),
    wageMin: wageSchema,
    wageMax: wageSchema,
    place: z
      .object({ regionCode: regionCodeSchema, address: text(2, 60, '工作地址'), point: chinaPointSchema })
      .strict(),
    shifts: z.array(z.enum(SHIFTS)).min(1, '请选择班次').max(SHIFTS.length),
    contractKind: z.enum(CONTRACT_KINDS, { message: '请选择用工形式' }),
    requirements: text(0, 300, '岗位要求').default(''),
    /** False puts the vacancy in the 农民工专区 (seed 003): no certificate needed. */
    certificateRequired: z.boolean(),
    accommodation: z.boolean(),
    meals: z.boolean(),
    healthRequirements: text(0, 200, '健康要求').default(''),
    /** The firm will take new hires on its charter bus (包车) to the factory. */
    charterBus: z.boolean(),
  })
  .strict();
const wageOrdered = { message: '最低工资不能高于最高工资', path: ['wageMax'] };
export const vacancyInputSchema = vacancyFields.refine((v) => v.wageMin <= v.wageMax, wageOrdered);
export type VacancyInput = z.input<typeof vacancyInputSchema>;
/** An edit restates the whole posting; the firm it belongs to never changes. */
export const vacancyEditSchema = vacancyFields
  .omit({ enterpriseId: true })
  .strict()
  .refine((v) => v.wageMin <= v.wageMax, wageOrdered);
export type VacancyEdit = z.input<typeof vacancyEditSchema>;

export const vacancySchema = z.object({
  id: objectIdSchema,
  enterpriseId: objectIdSchema,
  enterpriseName: z.string(),
  position: z.string(),
  industry: z.string(),
  headcount: z.number().int(),
  filled: z.number().int(),
  /** Filled plus outstanding offers: an offer is refused once this reaches headcount. */
  reserved: z.number().int(),
  wageMin: z.number().int(),
  wageMax: z.number().int(),
  place: z.object({ regionCode: z.string(), address: z.string(), point: chinaPointSchema }),
  shifts: z.array(z.enum(SHIFTS)),
  contractKind: z.enum(CONTRACT_KINDS),
  requirements: z.string(),
  certificateRequired: z.boolean(),
  accommodation: z.boolean(),
  meals: z.boolean(),
  healthRequirements: z.string(),
  charterBus: z.boolean(),
  status: z.enum(VACANCY_STATUSES),
  /** Unconfirmed by the firm for 7 days: hidden from search until confirmed. */
  stale: z.boolean(),
  confirmedAt: isoDateTimeSchema,
  postedAt: isoDateTimeSchema,
  /** Metres from the search point, when the search had one. */
  distanceM: z.number().nullable(),
});
export type Vacancy = z.infer<typeof vacancySchema>;

export const vacancyConfirmSchema = z
  .object({
    /** A new headcount, never below those already hired. */
    headcount: z.number().int().min(1).max(2000).optional(),
  })
  .strict();

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** `lng,lat` in the query string. */
const nearSchema = z
  .string()
  .regex(/^-?\d{1,3}(\.\d+)?,-?\d{1,2}(\.\d+)?$/, '位置应为 经度,纬度')
  .transform((s) => {
    const [lng, lat] = s.split(',').map(Number);
    return { lng, lat };
  })
  .pipe(chinaPointSchema);

export const vacancySearchSchema = z.object({
  /** Province (2 digits), city (4) or county (6) prefix of the work place. */
  region: z
    .string()
    .regex(/^\d{2}(\d{2}){0,2}$/, '地区代码应为 2、4 或 6 位数字')
    .optional(),
  industry: industrySchema.optional(),
  /** The lowest monthly wage the seeker will take: vacancies paying at least this at the top. */
  wage: z.coerce.number().int().min(WAGE_MIN_YUAN).max(WAGE_MAX_YUAN).optional(),
  contractKind: z.enum(CONTRACT_KINDS).optional(),
  near: nearSchema.optional(),
  /** Nearest first within this many km (default 50 when `near` is given). */
  withinKm: z.coerce.number().min(1).max(500).optional(),
  keyword: z.string().trim().min(1).max(20, '关键词不能超过 20 个字').optional(),
  /** 农民工专区: only vacancies that need no certificate. */
  noCertificate: flag.optional(),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export type VacancySearch = z.input<typeof vacancySearchSchema>;

export const vacancyMineQuerySchema = z.object({ enterpriseId: objectIdSchema.optional() });
