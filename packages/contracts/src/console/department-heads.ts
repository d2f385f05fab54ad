import { z } from 'zod';
import { defineRoute } from '../route';
import { objectIdSchema } from '../common';
import { departmentCodeSchema } from '../enterprise/department';

/** The officer an escalation of a department's overdue issue reaches (部门负责人). */
export const departmentHeadSchema = z.object({
  departmentCode: departmentCodeSchema,
  userId: objectIdSchema,
  name: z.string().nullable(),
  setAt: z.string(),
});
export type DepartmentHead = z.infer<typeof departmentHeadSchema>;

export const departmentHeadInputSchema = z.object({ userId: objectIdSchema }).strict();

const tag = 'departments';

export const departmentHeadRoutes = {
  list: defineRoute({
    id: 'departments.heads',
    method: 'get',
    path: '/api/departments/heads',
    summary: '各部门负责人（超期督办通知对象）',
    tag,
    auth: 'user',
    response: z.object({ items: z.array(departmentHeadSchema) }),
  }),
  set: defineRoute({
    id: 'departments.head.set',
    method: 'put',
    path: '/api/departments/:code/head',
    summary: '指定部门负责人（须为该部门办理人，记入审计）',
    tag,
    auth: 'user',
    params: z.object({ code: departmentCodeSchema }),
    body: departmentHeadInputSchema,
    response: departmentHeadSchema,
  }),
};
