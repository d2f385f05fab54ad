/**
 * 行政区划 (GB/T 2260 and its town level): the tree the region cascader walks, one level per
 * request — provinces, then a province's cities, a city's counties, a county's towns.
 */
import { z } from 'zod';
import { defineRoute } from './route';

export const DIVISION_LEVELS = ['province', 'city', 'county', 'town'] as const;
export const divisionLevelSchema = z.enum(DIVISION_LEVELS);
export type DivisionLevel = z.infer<typeof divisionLevelSchema>;

export const divisionSchema = z.object({
  /** 2 digits (province), 4 (city), 6 (county, the region code the other forms store), 9 (town). */
  code: z.string(),
  name: z.string(),
  level: divisionLevelSchema,
  /** False for towns: the cascader stops there. */
  hasChildren: z.boolean(),
});
export type Division = z.infer<typeof divisionSchema>;

export const divisionQuerySchema = z
  .object({
    /** The division whose children are wanted; absent for the provinces. */
    parent: z
      .string()
      .regex(/^(\d{2}|\d{4}|\d{6})$/, '上级区划代码应为 2、4 或 6 位数字')
      .optional(),
  })
  .strict();

export const divisionListSchema = z.object({
  /** The parent asked for, with its full path (省 / 市 / 县) for showing a chosen code. */
  parent: divisionSchema.extend({ path: z.array(z.string()) }).nullable(),
  items: z.array(divisionSchema),
});
export type DivisionList = z.infer<typeof divisionListSchema>;

export const divisionRoutes = {
  list: defineRoute({
    id: 'divisions.list',
    method: 'get',
    path: '/api/divisions',
    summary: '行政区划（省、市、县、乡镇，逐级读取）',
    tag: 'divisions',
    auth: 'user',
    query: divisionQuerySchema,
    response: divisionListSchema,
  }),
};
