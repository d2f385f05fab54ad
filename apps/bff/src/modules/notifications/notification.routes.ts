import { workerRoutes as r } from '@fugong/contracts';
import { route, type RouteDef } from '../../http/route';
import type { NotificationService } from './notification.service';

/** The in-app inbox: the same messages the WeChat adapter sends. */
export function notificationRoutes(notifications: NotificationService): RouteDef[] {
  return [route(r.notificationsMine, ({ actor }) => notifications.mine(actor.id))];
}
