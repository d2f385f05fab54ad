import {
  AUDIT_ACTION_LABELS,
  AUDIT_KIND_ACTIONS,
  type AuditEntryView,
  type AuditFilter,
} from '@fugong/contracts';
import { addDays, chinaDayStart } from '@fugong/domain';
import type { Actor } from '../../auth/actor';
import type { AuditEntry, AuditQuery, AuditRepository } from '../../audit/audit.repository';
import type { Clock } from '../../clock';
import { pullLines } from '../../http/pull-stream';
import type { RawResponse } from '../../http/route';
import { csvLine } from '../../http/csv';

/** Who did it, as the log shows them: a name and the phone masked (never the number itself). */
export interface AuditActorInfo {
  name: string | null;
  phoneMasked: string | null;
}

export interface AuditLogDeps {
  audit: AuditRepository;
  clock: Clock;
  /** Names and masked phones of the actors on a page (users read by the container). */
  actors: (ids: string[]) => Promise<Map<string, AuditActorInfo>>;
}

const CSV_HEAD = '\ufeff时间,操作人,操作人手机号,操作,对象类型,对象编号,涉及字段,请求编号\r\n';

/** A filter's days as the log's instants: from the start of `from` to the end of `to`, China time. */
function toQuery(f: AuditFilter): AuditQuery {
  return {
    since: chinaDayStart(f.from),
    before: chinaDayStart(addDays(f.to, 1)),
    actions: f.kind ? AUDIT_KIND_ACTIONS[f.kind] : undefined,
    actorId: f.actorId,
  };
}

const label = (action: string) => AUDIT_ACTION_LABELS[action] ?? action;

/**
 * The audit log as the command reads it: filtered by kind, actor and day range, paged, and
 * exported as CSV. Phones are masked in both; the export is itself audited before it streams.
 */
export class AuditLogService {
  constructor(private readonly d: AuditLogDeps) {}

  async list(f: AuditFilter, page: number, pageSize: number) {
    const { items, total } = await this.d.audit.search(toQuery(f), page, pageSize);
    const actors = await this.d.actors([...new Set(items.map((i) => i.actorId))]);
    return { items: items.map((e) => view(e, actors.get(e.actorId))), total, page, pageSize };
  }

  async export(actor: Actor, f: AuditFilter, requestId: string): Promise<RawResponse> {
    await this.d.audit.append({
      at: this.d.clock.now(),
      actorId: actor.id,
      action: 'audit.export',
      subjectType: 'audit_log',
      subjectId: `${f.from}..${f.to}`,
      fields: [f.kind ? `kind=${f.kind}` : 'kind=all', ...(f.actorId ? [`actorId=${f.actorId}`] : [])],
      requestId,
    });
    const cursor = this.d.audit.cursor(toQuery(f));
    // Actors repeat down a log: each is looked up once per download.
    const known = new Map<string, AuditActorInfo | undefined>();
    const body = pullLines(CSV_HEAD, {
      next: async () => {
        const e = await cursor.next();
        if (!e) return null;
        if (!known.has(e.actorId)) known.set(e.actorId, (await this.d.actors([e.actorId])).get(e.actorId));
        const v = view(e, known.get(e.actorId));
        return csvLine([
          v.at,
          v.actorName,
          v.actorPhoneMasked,
          v.actionLabel,
          v.subjectType,
          v.subjectId,
          v.fields.join(' '),
          v.requestId,
        ]);
      },
      close: () => cursor.close(),
    });
    return {
      raw: true,
      contentType: 'text/csv; charset=utf-8',
      filename: `审计日志-${f.from}-${f.to}.csv`,
      body,
    };
  }
}

function view(e: AuditEntry, who: AuditActorInfo | undefined): AuditEntryView {
  return {
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorName: who?.name ?? null,
    actorPhoneMasked: who?.phoneMasked ?? null,
    action: e.action,
    actionLabel: label(e.action),
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    fields: e.fields,
    requestId: e.requestId,
  };
}
