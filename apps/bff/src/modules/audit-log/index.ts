/**
 * 审计日志 (the audit log as the command reads it): what other modules may use — the builder and
 * the routes. The log itself is written by every module through the shared AuditRepository;
 * this module only reads it (and appends the entry of its own export). Publishes no events.
 */
import type { AuditRepository } from '../../audit/audit.repository';
import type { Clock } from '../../clock';
import type { RouteDef } from '../../http/route';
import { AuditLogService, type AuditLogDeps } from './audit-log.service';
import { auditLogRoutesFor } from './audit-log.routes';

export type { AuditActorInfo } from './audit-log.service';

/** Builds the module once (the container calls this). */
export function buildAuditLog(d: { audit: AuditRepository; clock: Clock; actors: AuditLogDeps['actors'] }) {
  return { services: { auditLog: new AuditLogService(d) } };
}

export type AuditLog = ReturnType<typeof buildAuditLog>;

export function auditLogRoutes(a: AuditLog): RouteDef[] {
  return auditLogRoutesFor(a.services.auditLog);
}
