import { z } from 'zod';
import {
  isoDateTimeSchema,
  isoDaySchema,
  noteSchema,
  objectIdSchema,
  pageQuerySchema,
  regionCodeSchema,
} from '../common';

const seatsSchema = z
  .number({ message: '座位数应为数字' })
  .int('座位数应为整数')
  .min(5, '座位数应在 5–120 之间')
  .max(120, '座位数应在 5–120 之间');
const capSchema = z
  .number({ message: '客座率应为数字' })
  .int('客座率应为整数百分比')
  .min(1, '客座率应在 1–100% 之间')
  .max(100, '客座率应在 1–100% 之间');

const placeSchema = z.object({ name: z.string().trim().min(1, '请填写地点名称').max(60) }).strict();

/** Chinese licence plate, e.g. 贵A12345 or 浙B·D12345 (new-energy). */
export const plateSchema = z
  .string()
  .trim()
  .regex(/^[\u4e00-\u9fa5][A-Z]·?[A-Z0-9]{5,6}$/, '车牌号格式不正确');

export const TRIP_STATUSES = ['draft', 'published', 'cancelled'] as const;
export const tripStatusSchema = z.enum(TRIP_STATUSES);
export type TripStatus = z.infer<typeof tripStatusSchema>;

/** What a transport officer enters for a charter trip (包车). */
export const tripInputSchema = z
  .object({
    originRegionCode: regionCodeSchema,
    originName: z.string().trim().min(1, '请填写出发地').max(40),
    pickupPoints: z.array(placeSchema).min(1, '至少一个上车点').max(10),
    destinations: z
      .array(z.object({ enterpriseId: objectIdSchema, dropPoint: z.string().trim().min(1).max(60) }).strict())
      .min(1, '至少一个目的企业')
      .max(10),
    departureAt: isoDateTimeSchema,
    vehicle: z.object({ plate: plateSchema, seats: seatsSchema }).strict(),
    driver: z
      .object({
        name: z.string({ message: '请填写司机姓名' }).trim().min(1, '请填写司机姓名').max(30, '司机姓名过长'),
      })
      .strict(),
    /** 客座率上限 in percent (1–100); capacity = floor(seats × cap / 100). */
    occupancyCapPct: capSchema.default(50),
    note: noteSchema(200).optional(),
  })
  .strict();
export type TripInput = z.input<typeof tripInputSchema>;

/** A change to a trip; changing the time notifies every booked worker. */
export const tripChangeSchema = z
  .object({
    departureAt: isoDateTimeSchema.optional(),
    pickupPoints: z.array(placeSchema).min(1).max(10).optional(),
    vehicle: z.object({ plate: plateSchema, seats: seatsSchema }).strict().optional(),
    driver: z
      .object({
        name: z.string({ message: '请填写司机姓名' }).trim().min(1, '请填写司机姓名').max(30, '司机姓名过长'),
      })
      .strict()
      .optional(),
    occupancyCapPct: capSchema.optional(),
  })
  .strict()
  .refine((c) => Object.keys(c).length > 0, '没有要修改的内容');

export const tripCancelSchema = z
  .object({ reason: z.string().trim().min(1, '请填写取消原因').max(200) })
  .strict();

export const tripSchema = z.object({
  id: objectIdSchema,
  status: tripStatusSchema,
  originRegionCode: z.string(),
  originName: z.string(),
  pickupPoints: z.array(z.object({ name: z.string() })),
  destinations: z.array(
    z.object({ enterpriseId: objectIdSchema, enterpriseName: z.string(), dropPoint: z.string() }),
  ),
  departureAt: isoDateTimeSchema,
  travelDay: isoDaySchema,
  vehicle: z.object({ plate: z.string(), seats: z.number().int() }),
  driver: z.object({ name: z.string() }),
  occupancyCapPct: z.number().int(),
  capacity: z.number().int(),
  bookedCount: z.number().int(),
  seatsLeft: z.number().int(),
  waitlistCount: z.number().int(),
  boardedCount: z.number().int(),
  /** Whether a booking or cancellation is still accepted now. */
  bookingOpen: z.boolean(),
  cancelReason: z.string().nullable(),
});
export type Trip = z.infer<typeof tripSchema>;

export const tripSearchSchema = pageQuerySchema.extend({
  /** Province (2 digits), city (4) or county (6) prefix of the origin. */
  origin: z
    .string()
    .regex(/^\d{2}(\d{2}){0,2}$/, '出发地代码应为 2、4 或 6 位数字')
    .optional(),
  enterpriseId: objectIdSchema.optional(),
  day: isoDaySchema.optional(),
  status: z.enum(TRIP_STATUSES).optional(),
});
export type TripSearch = z.input<typeof tripSearchSchema>;
