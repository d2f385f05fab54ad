import { formatYuan } from '@fugong/domain';
import type { MyEntitlement, MyEntitlementPage, SubsidyPageQuery } from '@fugong/contracts';
import type { Actor } from '../../auth/actor';
import type { Clock } from '../../clock';
import { DomainError } from '../../errors';
import type { SubsidyDeps } from './subsidy-deps';
import type { EntitlementRecord } from './list.repository';
import { lineView } from './subsidy-views';

/** A firm's side: what it gets without applying, and its objection during 公示. Its own lines only. */
export class SubsidyFirmService {
  constructor(private readonly d: SubsidyDeps & { clock: Clock }) {}

  /** The firm's entitlements, newest first, a page at a time. */
  async mine(actor: Actor, page: SubsidyPageQuery): Promise<MyEntitlementPage> {
    const enterpriseId = this.firmOf(actor);
    const lines = await this.d.lists.published(enterpriseId, { before: page.cursor, limit: page.limit + 1 });
    const shown = lines.slice(0, page.limit);
    const paid = await this.d.payments.paidFor(enterpriseId);
    const now = this.d.clock.now();
    return {
      items: shown.map((l) => this.view(l, paid, now)),
      nextCursor: lines.length > page.limit ? shown[shown.length - 1]!.id : null,
    };
  }

  async object(actor: Actor, lineId: string, text: string): Promise<MyEntitlement> {
    const enterpriseId = this.firmOf(actor);
    const now = this.d.clock.now();
    const line = await this.d.lists.addObjection(
      lineId,
      enterpriseId,
      {
        text,
        by: actor.id,
        at: now,
        status: 'pending',
        decisionNote: null,
        decidedBy: null,
        decidedAt: null,
      },
      now,
    );
    if (!line) {
      const current = await this.d.lists.lineById(lineId);
      // Another firm's line is answered as not found: a liaison learns nothing about other firms.
      if (
        !current ||
        current.enterpriseId !== enterpriseId ||
        !['publicity', 'final'].includes(current.stage)
      )
        throw new DomainError('NOT_FOUND', '未找到该补贴记录');
      if (current.objection) throw new DomainError('CONFLICT', '已提出过异议，请等待处理结果');
      throw new DomainError('BUSINESS_RULE', '公示期已结束，不能再提出异议');
    }
    await this.d.audit.append({
      at: now,
      actorId: actor.id,
      action: 'subsidy.objection',
      subjectType: 'subsidy',
      subjectId: line.id,
      fields: ['objection'],
      requestId: null,
    });
    return this.view(line, await this.d.payments.paidFor(enterpriseId), now);
  }

  private firmOf(actor: Actor): string {
    if (!actor.enterpriseId) throw new DomainError('FORBIDDEN', '请先绑定所在企业');
    return actor.enterpriseId;
  }

  private view(l: EntitlementRecord, paid: Map<string, number>, now: Date): MyEntitlement {
    const base = lineView(l);
    const paidFen = l.excluded ? undefined : paid.get(`${l.policy}:${l.period}`);
    // The ledger pays a firm once per policy and period: a later, larger list shows the gap
    // instead of pretending it was paid in full.
    const headline = l.excluded
      ? `本期不享受：${l.excluded.reason}`
      : paidFen !== undefined && paidFen < l.amountFen
        ? `您可享受 ${formatYuan(l.amountFen)}，已拨付 ${formatYuan(paidFen)}，差额待核定`
        : `您可享受 ${formatYuan(l.amountFen)}，无需申请`;
    return {
      ...base,
      // The firm sees the figures; the person keys behind a count stay with the officials.
      facts: Object.fromEntries(
        Object.entries(l.facts).map(([k, v]) => [k, Array.isArray(v) ? v.length : v]),
      ),
      headline,
      publicityEndsAt: l.publicityEndsAt ? l.publicityEndsAt.toISOString() : null,
      canObject: l.stage === 'publicity' && !l.objection && !!l.publicityEndsAt && l.publicityEndsAt > now,
      paid: paidFen !== undefined,
    };
  }
}
