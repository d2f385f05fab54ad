import { z } from 'zod';
import { defineRoute } from '../route';
import { objectIdSchema } from '../common';

/** What happened to one row of a registry file. */
export const IMPORT_OUTCOMES = ['created', 'updated', 'refused'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];
export const IMPORT_OUTCOME_LABELS: Record<ImportOutcome, string> = {
  created: '新增',
  updated: '更新',
  refused: '未导入',
};

/** One streamed registry import: its figures while it runs and once it is done. */
export const registryImportSchema = z.object({
  id: objectIdSchema,
  filename: z.string(),
  format: z.enum(['csv', 'xlsx']),
  /** The text encoding a CSV was read in (UTF-8, or GB18030 as Chinese Excel writes it). */
  encoding: z.string().nullable(),
  status: z.enum(['running', 'done', 'failed']),
  totalRows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  refused: z.number().int(),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type RegistryImport = z.infer<typeof registryImportSchema>;

/** The largest registry file accepted in one upload (27,800 firms in xlsx or CSV is ~4 MB). */
export const REGISTRY_FILE_MAX_BYTES = 40 * 1024 * 1024;

export const registryImportQuerySchema = z
  .object({
    /** Only for CSV; detected (BOM, then UTF-8, else GB18030) when absent. */
    encoding: z.enum(['utf-8', 'gb18030', 'gbk']).optional(),
  })
  .strict();

const tag = 'enterprises';
const idParams = z.object({ id: objectIdSchema });

export const registryImportRoutes = {
  upload: defineRoute({
    id: 'enterprises.registry.import',
    method: 'post',
    path: '/api/enterprise-imports',
    summary: '上传企业名录（multipart/form-data：file 为 xlsx 或 CSV，GBK/UTF-8 均可），流式逐行导入',
    tag,
    auth: 'user',
    query: registryImportQuerySchema,
    response: registryImportSchema,
    status: 201,
  }),
  list: defineRoute({
    id: 'enterprises.registry.imports',
    method: 'get',
    path: '/api/enterprise-imports',
    summary: '企业名录导入记录（最新在前）',
    tag,
    auth: 'user',
    response: z.object({ items: z.array(registryImportSchema) }),
  }),
  get: defineRoute({
    id: 'enterprises.registry.get',
    method: 'get',
    path: '/api/enterprise-imports/:id',
    summary: '一次导入的进度与结果',
    tag,
    auth: 'user',
    params: idParams,
    response: registryImportSchema,
  }),
  report: defineRoute({
    id: 'enterprises.registry.report',
    method: 'get',
    path: '/api/enterprise-imports/:id/report',
    summary: '逐行导入报告（CSV：行号、信用代码、企业名称、结果、原因）',
    tag,
    auth: 'user',
    params: idParams,
    response: z.string(),
    produces: 'text/csv',
  }),
};
