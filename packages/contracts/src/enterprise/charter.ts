import { z } from 'zod';
import {
  isoDateTimeSchema,
  isoDaySchema,
  objectIdSchema,
  personNameSchema,
  phoneSchema,
  regionCodeSchema,
} from '../common';
import { plateSchema } from '../worker/trip';

/** Named staff on a charter request: optional, so a firm can ask for seats before it has the list. */
export const charterStaffSchema = z
  .object({ name: personNameSchema, phone: phoneSchema.optional() })
  .strict();

/**
 * 包车需求: how many workers, from where (county code of the origin and a pickup point), and the
 * window in which they should arrive. Days are China-time days.
 */
const MAX_ARRIVAL_WINDOW_DAYS = 60;

export const charterRequestInputSchema = z
  .object({
    workers: z.number().int('人数应为整数').min(1, '至少 1 人').max(500, '单次需求不超过 500 人'),
    originRegionCode: regionCodeSchema,
    originName: z.string().trim().min(2, '请填写出发地').max(40),
    pickupPoint: z.string().trim().min(2, '请填写上车点').max(100),
    earliestArrival: isoDaySchema,
    latestArrival: isoDaySchema,
    namedStaff: z.array(charterStaffSchema).max(500).default([]),
    note: z.string().trim().max(200).default(''),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.latestArrival < r.earliestArrival)
      ctx.addIssue({ code: 'custom', path: ['latestArrival'], message: '最晚到达日期不能早于最早到达日期' });
    // A charter is planned for one return wave, not a season: the window is bounded.
    else if (
      Date.parse(r.latestArrival) - Date.parse(r.earliestArrival) >
      MAX_ARRIVAL_WINDOW_DAYS * 86_400_000
    )
      ctx.addIssue({
        code: 'custom',
        path: ['latestArrival'],
        message: `到达时间窗口不能超过 ${MAX_ARRIVAL_WINDOW_DAYS} 天`,
      });
    if (r.namedStaff.length > r.workers)
      ctx.addIssue({ code: 'custom', path: ['namedStaff'], message: '名单人数超过需求人数' });
  });
export type CharterRequestInput = z.infer<typeof charterRequestInputSchema>;

export const joinCharterSchema = z
  .object({
    workers: z.number().int().min(1, '至少 1 人').max(500),
    namedStaff: z.array(charterStaffSchema).max(500).default([]),
  })
  .strict();

export const CHARTER_STATES = ['open', 'converted', 'cancelled'] as const;
export const charterStateSchema = z.enum(CHARTER_STATES);

export const charterParticipantSchema = z.object({
  enterpriseId: objectIdSchema,
  enterpriseName: z.string(),
  workers: z.number().int(),
  joinedAt: z.string(),
});

export const charterRequestSchema = z.object({
  id: objectIdSchema,
  ownerEnterpriseId: objectIdSchema,
  originRegionCode: z.string(),
  originName: z.string(),
  pickupPoint: z.string(),
  earliestArrival: isoDaySchema,
  latestArrival: isoDaySchema,
  destinationRegionCode: z.string(),
  totalWorkers: z.number().int(),
  participants: z.array(charterParticipantSchema),
  note: z.string(),
  state: charterStateSchema,
  tripIds: z.array(z.string()),
  createdAt: z.string(),
});
export type CharterRequest = z.infer<typeof charterRequestSchema>;

export const charterListQuerySchema = z.object({
  state: charterStateSchema.optional(),
  /** 'joinable': open requests of other firms this one may join (抱团组团包车). */
  view: z.enum(['mine', 'joinable']).default('mine'),
});

/** The transport officer's view: open requests grouped by origin and earliest-arrival day. */
export const charterGroupSchema = z.object({
  originRegionCode: z.string(),
  originName: z.string(),
  day: isoDaySchema,
  totalWorkers: z.number().int(),
  requests: z.array(charterRequestSchema),
});
export const charterGroupsSchema = z.object({ groups: z.array(charterGroupSchema) });
export const charterGroupQuerySchema = z.object({
  from: isoDaySchema.optional(),
  to: isoDaySchema.optional(),
});

/**
 * The transport officer turns a group of open requests into trips in one action: one vehicle
 * type, as many trips as the group needs at the occupancy cap (客座率).
 */
export const convertChartersSchema = z
  .object({
    requestIds: z.array(objectIdSchema).min(1, '请选择包车需求').max(20),
    departureAt: isoDateTimeSchema,
    vehicle: z.object({ plate: plateSchema, seats: z.number().int().min(5).max(120) }).strict(),
    driver: z.object({ name: z.string().trim().min(1, '请填写驾驶员').max(30) }).strict(),
    occupancyCapPct: z.number().int().min(1).max(100).default(50),
  })
  .strict();
export const convertChartersResultSchema = z.object({
  tripIds: z.array(objectIdSchema),
  requests: z.array(charterRequestSchema),
});
