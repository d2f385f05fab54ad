import { registryImportRoutes as r } from '@fugong/contracts';
import { multipartRoute } from '../../http/multipart';
import { route, type RouteDef } from '../../http/route';
import type { RegistryImportService } from './registry-import.service';

/** The streamed registry import, its progress and its per-row report. */
export function registryImportRoutesFor(s: RegistryImportService): RouteDef[] {
  return [
    multipartRoute(r.upload, ({ actor, query, upload, requestId }) =>
      s.upload(actor, query.encoding, upload, requestId),
    ),
    route(r.list, () => s.list()),
    route(r.get, ({ params }) => s.get(params.id)),
    route(r.report, ({ actor, params, requestId }) => s.report(actor, params.id, requestId)),
  ];
}
