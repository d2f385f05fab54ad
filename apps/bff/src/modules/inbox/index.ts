/**
 * The in-app inbox (站内消息): one notice per person and source event, with read marks. Other
 * modules deliver through the NoticeSink the container passes them; nothing else reaches in.
 */
import type { Connection } from 'mongoose';
import type { Clock } from '../../clock';
import type { RouteDef } from '../../http/route';
import { InboxRepository } from './inbox.repository';
import { InboxService } from './inbox.service';
import { inboxRoutesFor } from './inbox.routes';

export type { NoticeSink } from './inbox.service';
export type { NewNotice, NoticeRecord } from './inbox.repository';

/** Builds the module once (the container calls this). */
export function buildInbox(d: { conn: Connection; clock: Clock }) {
  const repo = InboxRepository.on(d.conn);
  const service = new InboxService(repo, d.clock);
  return {
    service,
    /** The notices recorded for one source prefix (an issue's deliveries on its timeline). */
    noticesFor: (keyPrefix: string) => repo.byKeyPrefix(keyPrefix),
  };
}

export type Inbox = ReturnType<typeof buildInbox>;

export function inboxRoutes(i: Inbox): RouteDef[] {
  return inboxRoutesFor(i.service);
}
