import { z } from 'zod';
import { defineRoute } from '../route';
import {
  dashboardExportQuerySchema,
  dashboardQuerySchema,
  dashboardSummarySchema,
  rollupRebuildReportSchema,
} from './dashboard';

const tag = 'dashboard';

/** The command dashboard (指挥部): figures from rollups, the daily-report export, and the rollup rebuild. */
export const dashboardRoutes = {
  summary: defineRoute({
    id: 'dashboard.summary',
    method: 'get',
    path: '/api/dashboard/summary',
    summary: '指挥部汇总（复工、返岗、交通、问题、管家、健康）',
    tag,
    auth: 'user',
    query: dashboardQuerySchema,
    response: dashboardSummarySchema,
  }),
  export: defineRoute({
    id: 'dashboard.export',
    method: 'get',
    path: '/api/dashboard/export',
    summary: '导出日报（xlsx 每组一张表 / CSV 带 BOM），流式输出',
    tag,
    auth: 'user',
    query: dashboardExportQuerySchema,
    response: z.unknown(),
    produces: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  }),
  rebuild: defineRoute({
    id: 'dashboard.rollups.rebuild',
    method: 'post',
    path: '/api/dashboard/rollups/rebuild',
    summary: '从原始数据重算汇总并报告偏差',
    tag,
    auth: 'user',
    response: rollupRebuildReportSchema,
  }),
};
