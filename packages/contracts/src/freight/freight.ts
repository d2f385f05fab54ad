import { z } from 'zod';
import {
  idNumberSchema,
  isoDateTimeSchema,
  objectIdSchema,
  personNameSchema,
  phoneSchema,
  regionCodeSchema,
} from '../common';
import { isValidPlate, normalisePlate, PLATE_FORMAT_MESSAGE } from './plate';

/**
 * What a lorry carries. The first three are the seed-000 绿色通道 (疫情防控物资、生活必需品、重点生产物资);
 * the last three are what seed 004 §5 adds to 应急运输保障 for 中小微企业 (原材辅料、生产设备及零部件、产成品).
 */
export const CARGO_CATEGORIES = [
  'epidemic_supplies',
  'daily_necessities',
  'key_production',
  'raw_materials',
  'components',
  'finished_goods',
] as const;
export const cargoCategorySchema = z.enum(CARGO_CATEGORIES, { message: '请选择货物类别' });
export type CargoCategory = z.infer<typeof cargoCategorySchema>;
export const CARGO_LABELS: Record<CargoCategory, string> = {
  epidemic_supplies: '防疫物资',
  daily_necessities: '生活必需品',
  key_production: '重点生产物资',
  raw_materials: '原辅材料',
  components: '零部件',
  finished_goods: '产成品',
};

export const VEHICLE_TYPES = [
  'heavy_truck',
  'medium_truck',
  'light_truck',
  'van',
  'refrigerated',
  'tanker',
] as const;
export const vehicleTypeSchema = z.enum(VEHICLE_TYPES, { message: '请选择车辆类型' });
export type VehicleType = z.infer<typeof vehicleTypeSchema>;
export const VEHICLE_LABELS: Record<VehicleType, string> = {
  heavy_truck: '重型货车',
  medium_truck: '中型货车',
  light_truck: '轻型货车',
  van: '厢式货车',
  refrigerated: '冷藏车',
  tanker: '罐式货车',
};

/** 即办 under 告知承诺 (green channel), or 人工审核 by a transport officer. */
export const APPROVAL_PATHS = ['commitment', 'review'] as const;
export const approvalPathSchema = z.enum(APPROVAL_PATHS);
export type ApprovalPath = z.infer<typeof approvalPathSchema>;
export const APPROVAL_PATH_LABELS: Record<ApprovalPath, string> = {
  commitment: '告知承诺即办',
  review: '人工审核',
};

export const FREIGHT_STATUSES = ['pending', 'approved', 'refused', 'revoked'] as const;
export const freightStatusSchema = z.enum(FREIGHT_STATUSES);
export type FreightStatus = z.infer<typeof freightStatusSchema>;
export const FREIGHT_STATUS_LABELS: Record<FreightStatus, string> = {
  pending: '待审核',
  approved: '已通过',
  refused: '未通过',
  revoked: '已撤销',
};

/**
 * The 告知承诺书 the applicant signs (seed 000 四(二): 采取告知承诺制…简化材料). Its version is stored with
 * the pass; a phone still showing an older text is asked to read the new one before applying.
 */
export const FREIGHT_COMMITMENT = {
  version: '2020-02-v1',
  text:
    '本单位承诺：所填车辆、驾驶员及货物信息真实准确；车辆仅用于运输所申报类别的货物，按申报路线和有效期通行；' +
    '驾驶员健康码为绿码、体温正常，途中落实消毒、测温和防护措施；如有虚假，愿承担相应法律责任，通行证将被立即撤销。',
} as const;

/** A plate as typed, normalised (浙b·12345 → 浙B12345) and checked. */
export const freightPlateSchema = z
  .string({ message: '请填写车牌号' })
  .max(20, PLATE_FORMAT_MESSAGE)
  .transform(normalisePlate)
  .refine(isValidPlate, PLATE_FORMAT_MESSAGE);

const placeText = z.string().trim().min(2, '请填写具体地点').max(60, '地点不能超过 60 个字');

export const freightRouteSchema = z
  .object({
    originRegionCode: regionCodeSchema,
    originText: placeText,
    destinationRegionCode: regionCodeSchema,
    destinationText: placeText,
  })
  .strict();

/**
 * An application. The validity window is checked by the service against the server clock
 * (domain `validityIssues`: start from 15 min ago to 7 days ahead, 1 h to 30 days long).
 */
export const freightApplySchema = z
  .object({
    plate: freightPlateSchema,
    vehicleType: vehicleTypeSchema,
    driver: z.object({ name: personNameSchema, phone: phoneSchema, idNumber: idNumberSchema }).strict(),
    cargo: cargoCategorySchema,
    cargoNote: z.string().trim().max(100, '货物说明不能超过 100 个字').default(''),
    route: freightRouteSchema,
    validFrom: isoDateTimeSchema,
    validUntil: isoDateTimeSchema,
    commitment: z
      .object({
        accepted: z.literal(true, { message: '请阅读并勾选告知承诺书' }),
        version: z.literal(FREIGHT_COMMITMENT.version, { message: '告知承诺书已更新，请重新阅读后勾选' }),
      })
      .strict(),
  })
  .strict();
export type FreightApplyInput = z.input<typeof freightApplySchema>;

/** The driver as every list and scan shows them: phone and ID number masked. */
export const maskedDriverSchema = z.object({ name: z.string(), phone: z.string(), idNumber: z.string() });

export const freightPassSchema = z.object({
  id: objectIdSchema,
  enterpriseId: objectIdSchema,
  enterpriseName: z.string(),
  plate: z.string(),
  vehicleType: vehicleTypeSchema,
  driver: maskedDriverSchema,
  cargo: cargoCategorySchema,
  cargoNote: z.string(),
  route: freightRouteSchema,
  validFrom: isoDateTimeSchema,
  validUntil: isoDateTimeSchema,
  approvalPath: approvalPathSchema,
  status: freightStatusSchema,
  commitment: z.object({ version: z.string(), signedAt: isoDateTimeSchema }),
  appliedAt: isoDateTimeSchema,
  /** When a transport officer must have decided (review path only). */
  reviewDueAt: isoDateTimeSchema.nullable(),
  overdue: z.boolean(),
  decidedAt: isoDateTimeSchema.nullable(),
  decisionNote: z.string(),
  revokedAt: isoDateTimeSchema.nullable(),
  revokeReason: z.string(),
});
export type FreightPass = z.infer<typeof freightPassSchema>;

/** The audited full read of a pass's driver (for a trace or a roadside call). */
export const freightDriverFullSchema = z.object({
  passId: objectIdSchema,
  name: z.string(),
  phone: z.string(),
  idNumber: z.string(),
});

export const freightListQuerySchema = z.object({ status: freightStatusSchema.optional() });
export const freightDecisionSchema = z
  .object({ note: z.string().trim().max(200, '意见不能超过 200 个字').default('') })
  .strict();
export const freightReasonSchema = z
  .object({ reason: z.string().trim().min(2, '请填写原因').max(200, '原因不能超过 200 个字') })
  .strict();

export const freightTokenSchema = z.object({
  token: z.string(),
  qrDataUrl: z.string(),
  expiresAt: isoDateTimeSchema,
  refreshInSec: z.number().int(),
  pass: freightPassSchema,
});
export type FreightToken = z.infer<typeof freightTokenSchema>;

/** What a checkpoint scan can find. */
export const CHECK_RESULTS = [
  'valid',
  'not_yet_valid',
  'expired',
  'revoked',
  'not_approved',
  'code_invalid',
] as const;
export const checkResultSchema = z.enum(CHECK_RESULTS);
export type CheckResult = z.infer<typeof checkResultSchema>;
export const CHECK_RESULT_LABELS: Record<CheckResult, string> = {
  valid: '有效，准予通行',
  not_yet_valid: '未到有效期',
  expired: '已过有效期',
  revoked: '已被撤销',
  not_approved: '未获批准',
  code_invalid: '二维码无效或已过期（截图无效），请司机刷新',
};

/** The post a checker scans at: a short code and its name (e.g. G15-YY01 · 沈海高速余姚收费站). */
export const checkpointSchema = z
  .object({
    code: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9-]{2,20}$/, '卡口编号应为 2–20 位字母、数字或 -'),
    name: z.string().trim().min(2, '请填写卡口名称').max(40, '卡口名称不能超过 40 个字'),
  })
  .strict();

export const freightCheckInputSchema = z
  .object({
    token: z.string().trim().min(1, '请扫码或粘贴通行证二维码').max(200),
    checkpoint: checkpointSchema,
  })
  .strict();

export const freightCheckResultSchema = z.object({
  id: objectIdSchema,
  result: checkResultSchema,
  message: z.string(),
  checkedAt: isoDateTimeSchema,
  pass: z
    .object({
      id: objectIdSchema,
      plate: z.string(),
      vehicleType: vehicleTypeSchema,
      cargo: cargoCategorySchema,
      driver: maskedDriverSchema,
      enterpriseName: z.string(),
      route: freightRouteSchema,
      validFrom: isoDateTimeSchema,
      validUntil: isoDateTimeSchema,
    })
    .nullable(),
});
export type FreightCheckResult = z.infer<typeof freightCheckResultSchema>;

const countRow = <T extends z.ZodRawShape>(shape: T) => z.object({ ...shape, count: z.number().int() });
export const freightFiguresSchema = z.object({
  /** Passes ever issued (approved, including those revoked since). */
  issued: z.array(countRow({ cargo: cargoCategorySchema, approvalPath: approvalPathSchema })),
  byStatus: z.array(countRow({ status: freightStatusSchema })),
  checks: z.array(
    countRow({
      checkpointCode: z.string(),
      checkpointName: z.string(),
      cargo: cargoCategorySchema.nullable(),
      result: checkResultSchema,
    }),
  ),
});
export type FreightFigures = z.infer<typeof freightFiguresSchema>;
