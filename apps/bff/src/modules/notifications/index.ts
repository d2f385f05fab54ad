/**
 * Worker notifications: the outbox every notice goes through (delivered over WeChat subscribe
 * messages, copied into the in-app inbox), the senders, and the subscribe consents. What other
 * modules may use — the builder, the routes, the outbox and the sender. Publishes no events.
 */
import type { Connection } from 'mongoose';
import type { Clock } from '../../clock';
import type { RouteDef } from '../../http/route';
import type { ProfileRepository } from '../profile';
import { OutboxRepository } from './outbox.repository';
import { NotificationService, type InboxCopy } from './notification.service';
import { notificationRoutes as notificationRoutesFor } from './notification.routes';
import type { NotificationSender } from './sender';
import type { ConsentRepository } from './consent.repository';
import { ConsentService } from './consent.service';

export { ConsentRepository } from './consent.repository';
export { MemoryNotificationSender, notificationSenderFor, type NotificationSender } from './sender';
export type { InboxCopy, NotificationService } from './notification.service';
export type { OutboxMessage, OutboxRecord, OutboxRepository } from './outbox.repository';

export interface NotificationDeps {
  conn: Connection;
  clock: Clock;
  sender: NotificationSender;
  /** Whom a notice goes to: the worker's openid, from their profile. */
  people: Pick<ProfileRepository, 'openidOf'>;
  /** Subscribe consents (shared with the WeChat sender) and the templates a person may accept. */
  consents: ConsentRepository;
  subscribeTemplateIds: readonly string[];
  /** Copies every delivered notice into the in-app inbox; none when built without it. */
  inboxCopy?: InboxCopy;
}

/** Builds the module once (the container calls this). */
export function buildNotifications(d: NotificationDeps) {
  const repos = { outbox: OutboxRepository.on(d.conn) };
  const openidOf = (id: string) => d.people.openidOf(id);
  const notifications = new NotificationService(
    repos.outbox,
    d.sender,
    openidOf,
    d.clock,
    d.inboxCopy ?? null,
  );
  const consents = new ConsentService(d.consents, openidOf, d.subscribeTemplateIds, d.clock);
  return { repos, sender: d.sender, services: { notifications, consents } };
}

export type Notifications = ReturnType<typeof buildNotifications>;

export function notificationRoutes(n: Notifications): RouteDef[] {
  return notificationRoutesFor(n.services.notifications, n.services.consents);
}
