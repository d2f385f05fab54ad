import { calendarRoutes as r } from '@fugong/contracts';
import { route, type RouteDef } from '../../http/route';
import type { CalendarService } from './calendar.service';

/** Calendar coverage and local overrides. */
export function calendarRoutesFor(s: CalendarService): RouteDef[] {
  return [
    route(r.status, async () => s.status()),
    route(r.setOverrides, ({ actor, body }) => s.setOverrides(actor, body)),
    route(r.removeOverride, ({ params }) => s.removeOverride(params.day)),
  ];
}
