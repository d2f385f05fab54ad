import { z } from 'zod';
import { defineRoute } from '../route';
import { departmentSchema } from './department';

/** The departments issues are dispatched to (a fixed list kept in the contracts). */
export const departmentRoutes = {
  list: defineRoute({
    id: 'departments.list',
    method: 'get',
    path: '/api/departments',
    summary: '办理部门列表',
    tag: 'issues',
    auth: 'user',
    response: z.object({ items: z.array(departmentSchema) }),
  }),
};
