import { z } from 'zod';
import { pageQuerySchema, regionCodeSchema } from '../common';
import { MATCH_STATUSES, postSideSchema, supplyCategorySchema } from './supply';

/** 工信局's lists: the posts (or matches) that end soonest first, or the newest first. */
export const SUPPLY_BROWSE_SORTS = ['expiry', 'newest'] as const;
export const SUPPLY_BROWSE_SORT_LABELS: Record<(typeof SUPPLY_BROWSE_SORTS)[number], string> = {
  expiry: '即将到期',
  newest: '最新发布',
};
export const POST_STATUSES = ['open', 'closed'] as const;
export const POST_STATUS_LABELS: Record<(typeof POST_STATUSES)[number], string> = {
  open: '进行中',
  closed: '已关闭',
};

const browseFilters = pageQuerySchema.extend({
  regionCode: regionCodeSchema.optional(),
  industry: z.string().trim().min(1, '请填写行业').max(40, '行业名称过长').optional(),
  category: supplyCategorySchema.optional(),
  sort: z.enum(SUPPLY_BROWSE_SORTS, { message: '请选择排序方式' }).default('expiry'),
});

/** Every firm's posts for 工信局 and the command: by region, industry, 供/需, category and status. */
export const supplyPostBrowseQuerySchema = browseFilters
  .extend({
    side: postSideSchema.optional(),
    status: z.enum(POST_STATUSES, { message: '请选择状态' }).optional(),
  })
  .strict();
export type SupplyPostBrowseQuery = z.infer<typeof supplyPostBrowseQuerySchema>;

/** Every match: region and industry of either party, status; expiry is the sooner of its two posts'. */
export const supplyMatchBrowseQuerySchema = browseFilters
  .extend({ status: z.enum(MATCH_STATUSES, { message: '请选择状态' }).optional() })
  .strict();
export type SupplyMatchBrowseQuery = z.infer<typeof supplyMatchBrowseQuerySchema>;
