import { z } from 'zod';
import { isoDateTimeSchema, isoDaySchema, objectIdSchema } from '../common';
import { passReasonSchema, passColorSchema, temperatureSchema } from './health';
import { WECHAT_DELIVERY_STATES } from '../wechat-delivery';

/**
 * pending: being placed (seconds at most); confirmed: holds a seat; waitlisted: 候补, waits for
 * a seat in order; boarded: on the bus; cancelled: by the worker, liaison or a cancelled trip;
 * released: the seat was taken back at the boarding cut-off because the pass was not green.
 */
export const BOOKING_STATUSES = [
  'pending',
  'confirmed',
  'waitlisted',
  'boarded',
  'cancelled',
  'released',
] as const;
export const bookingStatusSchema = z.enum(BOOKING_STATUSES);
export type BookingStatus = z.infer<typeof bookingStatusSchema>;
/** What a booking's status is called on every screen and in the manifest export. */
export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  pending: '处理中',
  confirmed: '已订座',
  waitlisted: '候补中',
  boarded: '已上车',
  cancelled: '已取消',
  released: '座位已释放',
};

export const bookingInputSchema = z
  .object({
    tripId: objectIdSchema,
    /** Index into the trip's pickup points; the first when omitted. */
    pickupIndex: z
      .number({ message: '上车点应为序号' })
      .int('上车点应为序号')
      .min(0, '上车点不存在')
      .max(9, '上车点不存在')
      .default(0),
  })
  .strict();
export type BookingInput = z.input<typeof bookingInputSchema>;

/** A liaison books seats for named staff of their own enterprise. */
export const staffBookingInputSchema = z
  .object({
    staffIds: z
      .array(objectIdSchema)
      .min(1, '请选择员工')
      .max(60, '一次最多 60 人')
      .refine((ids) => new Set(ids).size === ids.length, '员工不能重复'),
    pickupIndex: z
      .number({ message: '上车点应为序号' })
      .int('上车点应为序号')
      .min(0, '上车点不存在')
      .max(9, '上车点不存在')
      .default(0),
  })
  .strict();

export const bookingFlagSchema = z.object({
  color: passColorSchema,
  reasons: z.array(passReasonSchema),
  at: isoDateTimeSchema,
});

export const bookingSchema = z.object({
  id: objectIdSchema,
  tripId: objectIdSchema,
  workerId: objectIdSchema,
  travelDay: isoDaySchema,
  status: bookingStatusSchema,
  pickupPoint: z.string(),
  /** 1-based place in the waitlist; null unless waitlisted. */
  waitlistPosition: z.number().int().nullable(),
  /** Set when the worker's pass turned non-green before departure. */
  flag: bookingFlagSchema.nullable(),
  seatNo: z.number().int().nullable(),
  bookedBy: z.enum(['self', 'liaison']),
  createdAt: isoDateTimeSchema,
  cancelledAt: isoDateTimeSchema.nullable(),
  /** When the worker confirmed they reached the factory (确认到达); null until then. */
  arrivedAt: isoDateTimeSchema.nullable(),
  trip: z
    .object({
      originName: z.string(),
      destinationNames: z.array(z.string()),
      departureAt: isoDateTimeSchema,
      plate: z.string(),
      status: z.string(),
    })
    .nullable(),
});
export type Booking = z.infer<typeof bookingSchema>;

export const staffBookingResultSchema = z.object({
  results: z.array(
    z.object({
      workerId: objectIdSchema,
      booking: bookingSchema.nullable(),
      error: z.object({ code: z.string(), message: z.string() }).nullable(),
    }),
  ),
});

export const boardingInputSchema = z
  .object({
    /** The token read from the worker's QR code. */
    token: z.string().trim().min(10, '上车码无效').max(300, '上车码无效'),
    temperature: temperatureSchema,
    /**
     * When the marshal scanned it, for a scan queued on a phone without signal and uploaded
     * later; the server checks the code's boarding window at that moment. Absent: now.
     */
    scannedAt: isoDateTimeSchema.optional(),
  })
  .strict();
export type BoardingInput = z.input<typeof boardingInputSchema>;

/** One line of the 乘客名单, kept for epidemic tracing. */
export const manifestRowSchema = z.object({
  bookingId: objectIdSchema,
  workerId: objectIdSchema,
  name: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  status: bookingStatusSchema,
  pickupPoint: z.string(),
  seatNo: z.number().int().nullable(),
  boardingTemperature: z.number().nullable(),
  boardedAt: isoDateTimeSchema.nullable(),
  flag: bookingFlagSchema.nullable(),
});
export type ManifestRow = z.infer<typeof manifestRowSchema>;

export const manifestSchema = z.object({
  tripId: objectIdSchema,
  capacity: z.number().int(),
  bookedCount: z.number().int(),
  boardedCount: z.number().int(),
  rows: z.array(manifestRowSchema),
});

export const boardingResultSchema = z.object({ row: manifestRowSchema, alreadyBoarded: z.boolean() });

/**
 * The manifest export is masked unless `full=true` is asked with a reason (e.g. 流调溯源): the
 * full numbers are for tracing, and who read them and why goes into the audit log.
 */
export const manifestExportQuerySchema = z
  .object({
    format: z.enum(['csv', 'xlsx']).default('csv'),
    full: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    reason: z.string().trim().max(200, '导出事由不超过 200 字').optional(),
  })
  .superRefine((q, ctx) => {
    if (q.full && (q.reason ?? '').length < 4)
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: '导出完整信息须填写事由（至少 4 个字）',
      });
  });
export type ManifestExportQuery = z.output<typeof manifestExportQuerySchema>;

export const notificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  createdAt: isoDateTimeSchema,
  status: z.string(),
  /** Whether the message also reached the phone as a WeChat subscribe message. */
  wechat: z.enum(WECHAT_DELIVERY_STATES).optional(),
});

/** The worker's phone asks for its offline boarding code, naming itself by its device id. */
export const boardingTokenInputSchema = z
  .object({
    /** A random id the phone made once and keeps (not a hardware id): 32 hex characters. */
    deviceId: z.string().regex(/^[0-9a-f]{32}$/, '设备标识无效'),
  })
  .strict();

/**
 * A boarding code that works without signal: valid in the trip's boarding window only, for this
 * booking on this phone; refused once the booking has boarded or is cancelled.
 */
export const boardingTokenSchema = z.object({
  token: z.string(),
  bookingId: objectIdSchema,
  tripId: objectIdSchema,
  validFrom: isoDateTimeSchema,
  validUntil: isoDateTimeSchema,
  fetchedAt: isoDateTimeSchema,
});
export type BoardingToken = z.infer<typeof boardingTokenSchema>;
