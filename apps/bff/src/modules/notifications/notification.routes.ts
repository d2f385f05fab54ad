import { workerRoutes as r, wechatRoutes as w } from '@fugong/contracts';
import { route, type RouteDef } from '../../http/route';
import type { NotificationService } from './notification.service';
import type { ConsentService } from './consent.service';

/** The in-app inbox (the same messages the WeChat adapter sends) and subscribe consent. */
export function notificationRoutes(notifications: NotificationService, consents: ConsentService): RouteDef[] {
  return [
    route(r.notificationsMine, ({ actor }) => notifications.mine(actor.id)),
    route(w.subscribeConsent, ({ actor, body }) => consents.record(actor, body)),
  ];
}
