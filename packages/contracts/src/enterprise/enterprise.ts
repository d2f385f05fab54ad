import { z } from 'zod';
import { isoDateTimeSchema, objectIdSchema, pageQuerySchema, regionCodeSchema } from '../common';
import { isValidCreditCode, normaliseCreditCode } from './credit-code';

/** 统一社会信用代码 as typed or imported: normalised, then checksum-validated. */
export const creditCodeSchema = z
  .string()
  .transform(normaliseCreditCode)
  .refine(isValidCreditCode, '统一社会信用代码不正确（应为 18 位，校验位不符）');

export const ENTERPRISE_SIZES = ['above', 'below'] as const;
export const enterpriseSizeSchema = z.enum(ENTERPRISE_SIZES, { message: '企业规模应为 规上 或 规下' });
export const ENTERPRISE_SIZE_LABELS = { above: '规上', below: '规下' } as const;

export const enterpriseInputSchema = z
  .object({
    name: z.string().trim().min(2, '请填写企业名称').max(100, '企业名称过长'),
    creditCode: creditCodeSchema,
    industry: z.string().trim().min(1, '请填写所属行业').max(40, '行业名称过长'),
    size: enterpriseSizeSchema,
    regionCode: regionCodeSchema,
    address: z.string().trim().max(200, '地址过长').default(''),
    headcount: z.coerce
      .number({ message: '职工人数应为数字' })
      .int('职工人数应为整数')
      .min(0, '职工人数不能为负')
      .max(500_000, '职工人数过大'),
  })
  .strict();
export type EnterpriseInput = z.infer<typeof enterpriseInputSchema>;

export const enterprisePatchSchema = enterpriseInputSchema.omit({ creditCode: true }).partial().strict();

export const enterpriseSchema = z.object({
  id: objectIdSchema,
  name: z.string(),
  creditCode: z.string(),
  industry: z.string(),
  size: enterpriseSizeSchema,
  regionCode: z.string(),
  address: z.string(),
  headcount: z.number().int(),
});
export type Enterprise = z.infer<typeof enterpriseSchema>;

export const enterpriseListQuerySchema = pageQuerySchema.extend({
  regionCode: regionCodeSchema.optional(),
  size: enterpriseSizeSchema.optional(),
  industry: z.string().max(40).optional(),
  q: z.string().trim().max(50).optional(),
});

/** Spreadsheet upload: the file travels base64-encoded; xlsx or CSV, at most ~70 KB decoded. */
export const enterpriseImportSchema = z
  .object({
    format: z.enum(['xlsx', 'csv']),
    dataBase64: z.string().min(1, '请选择文件').max(96_000, '文件过大，请分批导入（每批不超过 70 KB）'),
  })
  .strict();

/** One rejected row of an import: which row (1-based, as the sheet shows it), which field, why. */
export const importRowIssueSchema = z.object({
  row: z.number().int(),
  field: z.string(),
  reason: z.string(),
});
export type ImportRowIssue = z.infer<typeof importRowIssueSchema>;

export const enterpriseImportReportSchema = z.object({
  totalRows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  rejected: z.array(importRowIssueSchema),
});
export type EnterpriseImportReport = z.infer<typeof enterpriseImportReportSchema>;

export const inviteCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{8}$/, '邀请码应为 8 位字母或数字');
export const inviteCodeResponseSchema = z.object({ enterpriseId: objectIdSchema, inviteCode: z.string() });
export const bindLiaisonSchema = z.object({ inviteCode: inviteCodeSchema }).strict();
export const bindLiaisonResponseSchema = z.object({
  enterprise: enterpriseSchema,
  /** The session's token still carries the old scope: the client refreshes it right after. */
  refreshSession: z.literal(true),
});

export const idParamsSchema = z.object({ id: objectIdSchema });

/** What a liaison's home page shows in one request. */
export const enterpriseOverviewSchema = z.object({
  enterprise: enterpriseSchema,
  stewardName: z.string().nullable(),
  lastVisitAt: isoDateTimeSchema.nullable(),
  openIssues: z.number().int(),
  overdueIssues: z.number().int(),
  todayReported: z.boolean(),
});

/**
 * An enterprise's staff as its liaison picks them for seats on a charter trip: ids and names
 * only (no phone or ID number), enough to tell people apart on the booking screen.
 */
export const enterpriseStaffListSchema = z.object({
  items: z.array(z.object({ id: objectIdSchema, name: z.string().nullable() })),
});
export type EnterpriseStaffList = z.infer<typeof enterpriseStaffListSchema>;

/** Destination firms a transport officer can pick for a trip: names only, searched by name. */
export const enterpriseDirectoryQuerySchema = z.object({ q: z.string().trim().max(50).optional() });
export const enterpriseDirectorySchema = z.object({
  items: z.array(z.object({ id: objectIdSchema, name: z.string(), regionCode: z.string() })),
});
