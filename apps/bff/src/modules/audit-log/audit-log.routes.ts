import { auditLogRoutes as r } from '@fugong/contracts';
import { route, type RouteDef } from '../../http/route';
import type { AuditLogService } from './audit-log.service';

/** The audit log page and its CSV export. */
export function auditLogRoutesFor(s: AuditLogService): RouteDef[] {
  return [
    route(r.export, ({ actor, query, requestId }) => s.export(actor, query, requestId)),
    route(r.list, ({ query }) => {
      const { page, pageSize, ...filter } = query;
      return s.list(filter, page, pageSize);
    }),
  ];
}
