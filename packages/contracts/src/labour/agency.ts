import { z } from 'zod';
import { objectIdSchema, phoneSchema } from '../common';

/** How many firms one 人力资源服务机构 may act for: a county's agency serves dozens, not thousands. */
export const MAX_AGENCY_FIRMS = 200;

/**
 * 人社局 names the firms an HR service agency may post vacancies and move applications for. The
 * list replaces the previous one: a firm that ended its contract with the agency is left out.
 */
export const agencyGrantSchema = z
  .object({
    name: z
      .string({ message: '请填写机构名称' })
      .trim()
      .min(2, '请填写机构名称')
      .max(60, '机构名称不能超过 60 个字'),
    enterpriseIds: z
      .array(objectIdSchema, { message: '请选择服务的企业' })
      .max(MAX_AGENCY_FIRMS, `一家机构最多代理 ${MAX_AGENCY_FIRMS} 家企业`)
      .refine((ids) => new Set(ids.map((i) => i.toLowerCase())).size === ids.length, '企业不能重复'),
  })
  .strict();
export type AgencyGrantInput = z.input<typeof agencyGrantSchema>;

export const agencySchema = z.object({
  userId: objectIdSchema,
  name: z.string(),
  enterpriseIds: z.array(objectIdSchema),
});
export type Agency = z.infer<typeof agencySchema>;

/** 人社局 finds an agency's account by the phone it signed in with. */
export const agencyFindQuerySchema = z.object({ phone: phoneSchema }).strict();

/** The account found: the phone masked, whether it holds the agency role, and what it was granted. */
export const agencyAccountSchema = z.object({
  userId: objectIdSchema,
  phoneMasked: z.string(),
  isAgency: z.boolean(),
  name: z.string().nullable(),
  enterprises: z.array(z.object({ id: objectIdSchema, name: z.string() })),
});
export type AgencyAccount = z.infer<typeof agencyAccountSchema>;
