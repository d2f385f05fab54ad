import { DEPARTMENTS, departmentRoutes as r } from '@fugong/contracts';
import { route, type RouteDef } from '../../http/route';

/**
 * The fixed list of departments issues go to. It lives in the contracts (codes are stored on
 * officers and issues and never change), so there is no collection to seed or to drift.
 */
export function departmentRoutes(): RouteDef[] {
  return [route(r.list, async () => ({ items: DEPARTMENTS.map((d) => ({ ...d })) }))];
}
