import { workerRoutes as r } from '@fugong/contracts';
import { route, type RouteDef } from '../../http/route';
import type { RegionService } from './region.service';

/** Region risk levels: everyone reads them (check-in place picker); admins set them. */
export function regionRoutes(regions: RegionService): RouteDef[] {
  return [
    route(r.regionsList, () => regions.list()),
    route(r.regionsUpsert, ({ actor, params, body, requestId }) =>
      regions.set(actor, params.code, body.name, body.riskLevel, requestId, body.effectiveFrom),
    ),
  ];
}
