import { z } from 'zod';
import { defineRoute } from '../route';
import { objectIdSchema } from '../common';

/** What a notice is about; the inbox page shows the label, the sender picks the channel. */
export const NOTICE_KINDS = [
  'waitlist_promoted',
  'trip_time_changed',
  'trip_cancelled',
  'booking_flagged',
  'seat_released',
  'issue_reminder',
  'issue_escalated',
  'issue_overdue',
  'callback_flag',
  'subsidy_objection_decided',
  'labour_digest',
  'labour_candidates',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  waitlist_promoted: '候补成功',
  trip_time_changed: '班次改时',
  trip_cancelled: '班次取消',
  booking_flagged: '行程提醒',
  seat_released: '座位释放',
  issue_reminder: '办理提醒',
  issue_escalated: '超期督办',
  issue_overdue: '企业问题超期',
  callback_flag: '回访发现问题',
  subsidy_objection_decided: '异议处理结果',
  labour_digest: '新岗位推荐',
  labour_candidates: '新求职者推荐',
};

/** One notice in a person's in-app inbox. */
export const inboxNoticeSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** Deep link (a SHARED_PAGES path with its query) the notice opens. */
  page: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type InboxNotice = z.infer<typeof inboxNoticeSchema>;

export const inboxListSchema = z.object({
  items: z.array(inboxNoticeSchema),
  unread: z.number().int().min(0),
});
export type InboxList = z.infer<typeof inboxListSchema>;

export const inboxQuerySchema = z
  .object({
    /** Only unread notices when 'true'. */
    unread: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1, '至少 1 条').max(100, '最多 100 条').default(50),
  })
  .strict();

const tag = 'inbox';

export const inboxRoutes = {
  list: defineRoute({
    id: 'inbox.list',
    method: 'get',
    path: '/api/inbox',
    summary: '我的站内消息（最新在前）',
    tag,
    auth: 'user',
    query: inboxQuerySchema,
    response: inboxListSchema,
  }),
  unreadCount: defineRoute({
    id: 'inbox.unread',
    method: 'get',
    path: '/api/inbox/unread-count',
    summary: '未读消息数',
    tag,
    auth: 'user',
    response: z.object({ unread: z.number().int().min(0) }),
  }),
  read: defineRoute({
    id: 'inbox.read',
    method: 'post',
    path: '/api/inbox/:id/read',
    summary: '标为已读',
    tag,
    auth: 'user',
    params: z.object({ id: objectIdSchema }),
    response: inboxNoticeSchema,
  }),
};
