import { z } from 'zod';
import { defineRoute } from '../route';
import { daySpanProblem, isoDaySchema, objectIdSchema, pageQuerySchema } from '../common';

/**
 * What an auditor asks the log for, by kind; each kind is the audit actions the modules write
 * for it. A new audited action joins a kind here (or shows under 其他). An action may be in two
 * kinds: a 批量授权 sheet is both an import and a role grant, and an auditor may ask for either.
 */
export const AUDIT_KIND_ACTIONS = {
  pii_read: ['pii.read', 'photo.read'],
  export: [
    'pii.export',
    'enterprises.registry.report',
    'roles.grant.report',
    'audit.export',
    'labour.figures.export',
  ],
  role_grant: ['roles.grant', 'roles.grant.sheet', 'labour.agency.grant', 'departments.head.set'],
  import: ['enterprises.registry.import', 'roles.grant.sheet', 'subsidy.import'],
  assignment: ['stewards.assign', 'stewards.assign.bulk', 'stewards.rebalance'],
} as const;
export type AuditKind = keyof typeof AUDIT_KIND_ACTIONS;
export const AUDIT_KINDS = Object.keys(AUDIT_KIND_ACTIONS) as AuditKind[];

export const AUDIT_KIND_LABELS: Record<AuditKind, string> = {
  pii_read: '个人信息完整查看',
  export: '导出',
  role_grant: '角色授权',
  import: '导入',
  assignment: '管家指派',
};

/** Chinese names of the audited actions; an action not listed shows as its code. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'pii.read': '查看完整个人信息',
  'photo.read': '查看问题照片原图',
  'pii.export': '导出个人信息',
  'enterprises.registry.report': '下载企业库导入报告',
  'audit.export': '导出审计日志',
  'roles.grant': '授予或撤销角色',
  'roles.grant.sheet': '批量授权（上传表格）',
  'roles.grant.report': '下载批量授权报告',
  'labour.agency.grant': '指定人力资源服务机构服务企业',
  'departments.head.set': '指定部门负责人',
  'enterprises.registry.import': '导入企业库',
  'subsidy.import': '导入补贴数据',
  'stewards.assign': '指派企业管家',
  'stewards.assign.bulk': '批量指派企业管家',
  'stewards.rebalance': '管家离岗移交企业',
  'region.risk.set': '调整地区风险等级',
  'user.merge': '合并账号',
  'user.phone.bind': '绑定手机号',
  'labour.figures.export': '导出用工缺口',
  'supply.post.close': '关闭供需信息',
  'subsidy.objection': '提出补贴异议',
  'subsidy.objection.decide': '处理补贴异议',
  'subsidy.payment.paid': '标记补贴已发放',
  'subsidy.payments.create': '生成补贴发放清单',
};

/** The longest span one query or export covers: a year of entries. */
export const AUDIT_MAX_SPAN_DAYS = 366;

const auditFilterFields = z.object({
  kind: z.enum(AUDIT_KINDS as [AuditKind, ...AuditKind[]], { message: '类别不正确' }).optional(),
  actorId: objectIdSchema.optional(),
  from: isoDaySchema,
  to: isoDaySchema,
});

/** A real range: `to` not before `from`, and no longer than AUDIT_MAX_SPAN_DAYS. */
function withinSpan<T extends z.ZodType<{ from: string; to: string }>>(schema: T) {
  return schema.superRefine((f, ctx) => {
    const problem = daySpanProblem(f.from, f.to, AUDIT_MAX_SPAN_DAYS);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['to'] });
  });
}

/** Kind, actor and China-day range; `from`..`to` inclusive. */
export const auditFilterSchema = withinSpan(auditFilterFields);
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const auditQuerySchema = withinSpan(auditFilterFields.extend(pageQuerySchema.shape));

export const auditEntrySchema = z.object({
  at: z.string(),
  actorId: z.string(),
  actorName: z.string().nullable(),
  actorPhoneMasked: z.string().nullable(),
  action: z.string(),
  actionLabel: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  fields: z.array(z.string()),
  requestId: z.string().nullable(),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({
  items: z.array(auditEntrySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

const tag = 'audit';

export const auditLogRoutes = {
  list: defineRoute({
    id: 'audit.list',
    method: 'get',
    path: '/api/audit-log',
    summary: '审计日志：按类别、操作人、日期筛选，分页',
    tag,
    auth: 'user',
    query: auditQuerySchema,
    response: auditPageSchema,
  }),
  export: defineRoute({
    id: 'audit.export',
    method: 'get',
    path: '/api/audit-log/export',
    summary: '导出审计日志 CSV（手机号脱敏；导出本身记入审计）',
    tag,
    auth: 'user',
    query: auditFilterSchema,
    response: z.string(),
    produces: 'text/csv',
  }),
};
