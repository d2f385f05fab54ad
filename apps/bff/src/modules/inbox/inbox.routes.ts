import { inboxRoutes as r } from '@fugong/contracts';
import { route, type RouteDef } from '../../http/route';
import type { InboxService } from './inbox.service';

/** The signed-in person's own inbox. */
export function inboxRoutesFor(s: InboxService): RouteDef[] {
  return [
    route(r.unreadCount, ({ actor }) => s.unreadCount(actor)),
    route(r.list, ({ actor, query }) => s.list(actor, query)),
    route(r.read, ({ actor, params }) => s.markRead(actor, params.id)),
  ];
}
