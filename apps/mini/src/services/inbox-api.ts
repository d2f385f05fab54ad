/** Calls of the in-app inbox, typed by the shared route contracts. */
import { inboxRoutes as r } from '@fugong/contracts';
import { callRoute } from './call-route';

export const inboxApi = {
  list: (unreadOnly = false) =>
    callRoute(r.list, { query: unreadOnly ? { unread: 'true' } : {} }, { silent: true }),
  unreadCount: () => callRoute(r.unreadCount, {}, { silent: true }),
  /** Marking twice keeps the first read time, so a retry after a lost answer is harmless. */
  markRead: (id: string) => callRoute(r.read, { params: { id } }, { silent: true }),
};
