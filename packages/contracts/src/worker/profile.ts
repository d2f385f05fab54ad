import { z } from 'zod';
import { idNumberSchema, objectIdSchema, personNameSchema, regionCodeSchema } from '../common';
import { roleSchema } from '../roles';

/** Home region as province / city / county division codes (GB/T 2260). */
export const homeRegionSchema = z
  .object({ province: regionCodeSchema, city: regionCodeSchema, county: regionCodeSchema })
  .strict()
  .refine(
    (r) => r.city.slice(0, 2) === r.province.slice(0, 2) && r.county.slice(0, 4) === r.city.slice(0, 4),
    {
      message: '省、市、县（区）不匹配',
      path: ['county'],
    },
  );
export type HomeRegion = z.infer<typeof homeRegionSchema>;

/** What a worker fills in about themselves. */
export const profileUpdateSchema = z
  .object({
    name: personNameSchema,
    /** Omitted: the number on file is kept (the worker never retypes it to change their county). */
    idNumber: idNumberSchema.optional(),
    homeRegion: homeRegionSchema,
    /** Employer; null for a job seeker. */
    enterpriseId: objectIdSchema.nullable().default(null),
  })
  .strict();
export type ProfileUpdate = z.input<typeof profileUpdateSchema>;

/** The profile as every screen sees it: phone and ID number masked. */
export const profileSchema = z.object({
  id: objectIdSchema,
  name: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  homeRegion: z.object({ province: z.string(), city: z.string(), county: z.string() }).nullable(),
  enterprise: z.object({ id: objectIdSchema, name: z.string() }).nullable(),
  roles: z.array(roleSchema),
  complete: z.boolean(),
});
export type Profile = z.infer<typeof profileSchema>;

/** Full personal data; only served by endpoints that write to the audit log. */
export const profileFullSchema = z.object({
  id: objectIdSchema,
  name: z.string().nullable(),
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
});
export type ProfileFull = z.infer<typeof profileFullSchema>;

/** Admin: grant roles and the scope they are bound to. */
export const roleGrantSchema = z
  .object({
    roles: z.array(roleSchema).min(1, '至少保留一个角色').max(6),
    enterpriseId: objectIdSchema.nullable().default(null),
    departmentId: z.string().trim().min(1).max(40).nullable().default(null),
  })
  .strict()
  .refine((g) => !g.roles.includes('liaison') || g.enterpriseId !== null, {
    message: '企业联络员必须指定所属企业',
    path: ['enterpriseId'],
  })
  .refine((g) => !g.roles.includes('officer') || g.departmentId !== null, {
    message: '部门办理人必须指定所属部门',
    path: ['departmentId'],
  });
export type RoleGrant = z.input<typeof roleGrantSchema>;
