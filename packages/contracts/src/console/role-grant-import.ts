import { z } from 'zod';
import { defineRoute } from '../route';
import { objectIdSchema, phoneSchema } from '../common';
import { DEPARTMENTS } from '../enterprise/department';
import { creditCodeSchema } from '../enterprise/enterprise';
import { ROLE_LABELS, ROLES, type Role } from '../roles';

/** What happened to one row of a bulk-grant sheet. */
export const ROLE_GRANT_OUTCOMES = ['granted', 'already', 'refused'] as const;
export type RoleGrantOutcome = (typeof ROLE_GRANT_OUTCOMES)[number];
export const ROLE_GRANT_OUTCOME_LABELS: Record<RoleGrantOutcome, string> = {
  granted: '已授权',
  already: '已有',
  refused: '未授权',
};

/** The most rows one sheet may carry: a county's stewards and officers fit many times over. */
export const ROLE_GRANT_MAX_ROWS = 5000;
/** 5,000 rows of phone, role, scope and note are well under 1 MB in any format. */
export const ROLE_GRANT_FILE_MAX_BYTES = 2 * 1024 * 1024;

/**
 * The sheet's columns as the console describes them (the first header name is the one the
 * template uses; the others are accepted as typed by hand).
 */
export const ROLE_GRANT_COLUMNS = {
  phone: ['手机号', '手机号码', '电话'],
  role: ['角色'],
  scope: ['范围', '授权范围', '所属部门/企业'],
  note: ['备注'],
} as const;

/**
 * The scope a role is bound to, read from the sheet's 范围 cell: an officer's department (code or
 * name), a liaison's enterprise (its 统一社会信用代码). Other roles carry no scope on the account
 * (a steward's firms come from the assignments), so their cell must be empty.
 */
export const ROLE_SCOPE_KIND: Partial<Record<Role, 'department' | 'enterprise'>> = {
  officer: 'department',
  liaison: 'enterprise',
};

/**
 * The command itself is never granted from a sheet: a typo would hand the whole city's data to
 * someone. It is granted one person at a time on 人员与角色.
 */
export const ROLES_NOT_BULK_GRANTED: readonly Role[] = ['admin'];

const roleByWord = new Map<string, Role>([
  ...ROLES.map((r) => [r, r] as [string, Role]),
  ...ROLES.map((r) => [ROLE_LABELS[r], r] as [string, Role]),
]);
const departmentByWord = new Map<string, string>([
  ...DEPARTMENTS.map((d) => [d.code, d.code] as [string, string]),
  ...DEPARTMENTS.map((d) => [d.name, d.code] as [string, string]),
  ...DEPARTMENTS.map((d) => [d.fullName, d.code] as [string, string]),
]);

/** A phone as Excel may hold it: spaces, dashes or a +86 prefix around the 11 digits. */
const sheetPhoneSchema = z
  .string()
  .transform((s) => s.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, ''))
  .pipe(phoneSchema);

/**
 * One sheet row checked by meaning: a mainland mobile number, a known role (its name or code),
 * the scope that role needs and nothing for a role that needs none. Whether the department or
 * enterprise exists and the person has an account is the server's to check.
 */
export const roleGrantRowSchema = z
  .object({
    phone: sheetPhoneSchema,
    role: z
      .string()
      .trim()
      .transform((w, ctx) => {
        const role = roleByWord.get(w);
        if (!role) {
          ctx.addIssue({ code: 'custom', message: `未知角色“${w.slice(0, 20)}”` });
          return z.NEVER;
        }
        return role;
      })
      .refine((r) => !ROLES_NOT_BULK_GRANTED.includes(r), '指挥部角色不能批量授予，请在人员与角色逐一授予'),
    scope: z.string().trim().max(60, '范围过长'),
    note: z.string().trim().max(100, '备注最多 100 字').default(''),
  })
  .transform((r, ctx) => {
    const kind = ROLE_SCOPE_KIND[r.role];
    if (!kind) {
      if (r.scope !== '')
        ctx.addIssue({ code: 'custom', path: ['scope'], message: `${ROLE_LABELS[r.role]}无需填写范围` });
      return { ...r, scope: null };
    }
    if (r.scope === '') {
      const what = kind === 'department' ? '所属部门' : '所属企业的统一社会信用代码';
      ctx.addIssue({ code: 'custom', path: ['scope'], message: `${ROLE_LABELS[r.role]}须填写${what}` });
      return z.NEVER;
    }
    if (kind === 'department') {
      const code = departmentByWord.get(r.scope);
      if (!code) {
        ctx.addIssue({ code: 'custom', path: ['scope'], message: `未知部门“${r.scope.slice(0, 20)}”` });
        return z.NEVER;
      }
      return { ...r, scope: { kind, code } };
    }
    const credit = creditCodeSchema.safeParse(r.scope);
    if (!credit.success) {
      ctx.addIssue({ code: 'custom', path: ['scope'], message: credit.error.issues[0]!.message });
      return z.NEVER;
    }
    return { ...r, scope: { kind, code: credit.data } };
  });
export type RoleGrantRow = z.output<typeof roleGrantRowSchema>;

/** One row of the per-row result, as the console shows it and the report writes it. */
export const roleGrantLineSchema = z.object({
  row: z.number().int(),
  phoneMasked: z.string(),
  role: z.string(),
  scope: z.string(),
  outcome: z.enum(ROLE_GRANT_OUTCOMES),
  reason: z.string(),
});
export type RoleGrantLine = z.infer<typeof roleGrantLineSchema>;

/** One bulk grant: its figures and every row's outcome. */
export const roleGrantImportSchema = z.object({
  id: objectIdSchema,
  filename: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().nullable(),
  totalRows: z.number().int(),
  granted: z.number().int(),
  already: z.number().int(),
  refused: z.number().int(),
  rows: z.array(roleGrantLineSchema),
  at: z.string(),
});
export type RoleGrantImport = z.infer<typeof roleGrantImportSchema>;

export const roleGrantImportQuerySchema = z
  .object({
    /** Only for CSV; detected (BOM, then UTF-8, else GB18030) when absent. */
    encoding: z.enum(['utf-8', 'gb18030', 'gbk']).optional(),
  })
  .strict();

const tag = 'admin';

export const roleGrantImportRoutes = {
  upload: defineRoute({
    id: 'admin.roleGrants.import',
    method: 'post',
    path: '/api/admin/role-grant-imports',
    summary: '批量授权（multipart/form-data：file 为 xlsx 或 CSV，列：手机号、角色、范围、备注）',
    tag,
    auth: 'user',
    query: roleGrantImportQuerySchema,
    response: roleGrantImportSchema,
    status: 201,
  }),
  report: defineRoute({
    id: 'admin.roleGrants.report',
    method: 'get',
    path: '/api/admin/role-grant-imports/:id/report',
    summary: '批量授权逐行报告（CSV：行号、手机号、角色、范围、结果、原因）',
    tag,
    auth: 'user',
    params: z.object({ id: objectIdSchema }),
    response: z.string(),
    produces: 'text/csv',
  }),
};
