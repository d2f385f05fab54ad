import { z } from 'zod';

/**
 * The kinds of people who use 复工通 (PRODUCT.md, "Who uses it"); checkpoint: 卡口 checkers of freight
 * passes; hr_agency: a 人力资源服务机构 that 人社局 lets post vacancies for the firms it serves (seed 000 §一(一));
 * hotline_operator: answers 12345 / 12333 / 7712345 and raises issues on callers' behalf (seeds 002–004).
 */
export const ROLES = [
  'worker',
  'liaison',
  'steward',
  'officer',
  'transport',
  'admin',
  'checkpoint',
  'hr_agency',
  'hotline_operator',
] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const ROLE_LABELS: Record<Role, string> = {
  worker: '务工人员',
  liaison: '企业联络员',
  steward: '复工管家',
  officer: '部门办理人',
  transport: '交通专班',
  admin: '指挥部',
  checkpoint: '卡口核验员',
  hr_agency: '人力资源服务机构',
  hotline_operator: '热线话务员',
};
