import { departmentHeadRoutes as r } from '@fugong/contracts';
import { route, type RouteDef } from '../../http/route';
import type { DepartmentHeadService } from './department-head.service';

/** Department heads: the people escalations reach. */
export function departmentHeadRoutesFor(s: DepartmentHeadService): RouteDef[] {
  return [
    route(r.list, () => s.list()),
    route(r.set, ({ actor, params, body, requestId }) => s.set(actor, params.code, body.userId, requestId)),
  ];
}
