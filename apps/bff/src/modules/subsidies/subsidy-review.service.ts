import { addWorkingDays, formatYuan } from '@fugong/domain';
import type { SubsidyPageQuery, SubsidyPolicyCode } from '@fugong/contracts';
import type { Actor } from '../../auth/actor';
import type { Clock } from '../../clock';
import { DomainError } from '../../errors';
import type { SubsidyDeps } from './subsidy-deps';
import type { ListStatus } from './list.repository';
import type { ListRecord } from './list.repository';
import { assertManages, assertReadable, readablePolicies } from './subsidy-access';
import { lineView, listView } from './subsidy-views';

const STATUS_WORDS: Record<ListStatus, string> = {
  draft: '待审核',
  approved: '已审核',
  publicity: '公示中',
  final: '已生成支付清单',
  superseded: '已被新名单取代',
};

/** 人社局's side: read lists, exclude or restore a line, approve, publish (公示), decide objections. */
export class SubsidyReviewService {
  constructor(private readonly d: SubsidyDeps & { clock: Clock }) {}

  async lists(actor: Actor, policy?: SubsidyPolicyCode, period?: string) {
    const mine = readablePolicies(actor);
    const policies = policy ? mine.filter((p) => p === policy) : mine;
    const items = policies.length ? await this.d.lists.find({ policies, period }) : [];
    return { items: items.map(listView) };
  }

  /** The list's header and one page of its firms, in a stable enterprise order. */
  async detail(actor: Actor, id: string, page: SubsidyPageQuery) {
    const list = await this.readable(actor, id);
    // One more than the page tells whether another page follows without a count.
    const lines = await this.d.lists.linesBetween(id, page.cursor ?? null, null, page.limit + 1);
    const items = lines.slice(0, page.limit);
    const nextCursor = lines.length > page.limit ? items[items.length - 1]!.enterpriseId : null;
    const pendingObjections = await this.d.lists.pendingObjections(id);
    return { ...listView(list), items: items.map(lineView), nextCursor, pendingObjections };
  }

  async exclude(actor: Actor, id: string, lineId: string, reason: string) {
    const list = await this.managed(actor, id);
    const now = this.d.clock.now();
    const line = await this.d.lists.updateLine(
      list.id,
      lineId,
      { stage: 'draft' },
      { excluded: { reason, by: actor.id, at: now } },
    );
    if (!line) throw await this.lineRefusal(list, lineId, '只有待审核的名单可以剔除企业');
    await this.audit(actor, 'subsidy.exclude', line.id, [`reason=${reason}`]);
    return lineView(line);
  }

  async include(actor: Actor, id: string, lineId: string) {
    const list = await this.managed(actor, id);
    const line = await this.d.lists.updateLine(list.id, lineId, { stage: 'draft' }, { excluded: null });
    if (!line) throw await this.lineRefusal(list, lineId, '只有待审核的名单可以恢复企业');
    await this.audit(actor, 'subsidy.include', line.id, []);
    return lineView(line);
  }

  async approve(actor: Actor, id: string) {
    const list = await this.managed(actor, id);
    const now = this.d.clock.now();
    const moved = await this.d.lists.move(list.id, ['draft'], 'approved', {
      approvedBy: actor.id,
      approvedAt: now,
    });
    if (!moved) throw transition(list, '审核');
    await this.audit(actor, 'subsidy.approve', list.id, [`total=${moved.totalFen}`]);
    return listView(moved);
  }

  /** 公示: firms see their line and may object until the period (in working days) ends. */
  async publish(actor: Actor, id: string) {
    const list = await this.managed(actor, id);
    const now = this.d.clock.now();
    const publicityEndsAt = addWorkingDays(now, this.d.publicityWorkingDays, this.d.calendar);
    const moved = await this.d.lists.move(list.id, ['approved'], 'publicity', {
      publishedBy: actor.id,
      publishedAt: now,
      publicityEndsAt,
    });
    if (!moved) throw transition(list, '公示');
    // The newest 公示 is the one firms see: earlier published lists of the same policy and period
    // step aside (their ledger entries stay; the ledger, not the list, decides what is paid).
    for (const earlier of await this.d.lists.find({ policies: [list.policy], period: list.period }))
      if (earlier.id !== list.id && (earlier.status === 'publicity' || earlier.status === 'final'))
        await this.d.lists.move(earlier.id, [earlier.status], 'superseded');
    // Only the call whose move applied announces it (政策直通), once per firm and policy period.
    const told = await this.d.push.published(moved);
    await this.audit(actor, 'subsidy.publish', list.id, [
      `until=${publicityEndsAt.toISOString()}`,
      `notified=${told}`,
    ]);
    return listView(moved);
  }

  /**
   * Decides a pending objection. Upheld with a corrected amount keeps the line at that amount;
   * upheld without one takes the line out (异议成立); rejected leaves it. Audited either way.
   */
  async decide(
    actor: Actor,
    id: string,
    lineId: string,
    body: { decision: 'upheld' | 'rejected'; note: string; correctedAmountFen?: number },
  ) {
    const list = await this.managed(actor, id);
    const now = this.d.clock.now();
    const current = await this.d.lists.line(list.id, lineId);
    if (!current) throw new DomainError('NOT_FOUND', '未找到该企业的记录');
    if (current.objection?.status !== 'pending')
      throw new DomainError('INVALID_TRANSITION', '该企业没有待处理的异议');
    const set: Parameters<SubsidyDeps['lists']['updateLine']>[3] = {
      objection: {
        ...current.objection,
        status: body.decision,
        decisionNote: body.note,
        decidedBy: actor.id,
        decidedAt: now,
      },
    };
    if (body.decision === 'upheld' && body.correctedAmountFen !== undefined) {
      set.amountFen = body.correctedAmountFen;
      set.reason = `${current.reason}；异议成立，核定为 ${formatYuan(body.correctedAmountFen)}`;
    } else if (body.decision === 'upheld') {
      set.excluded = { reason: `异议成立：${body.note}`, by: actor.id, at: now };
    }
    // Guarded on the objection still pending: two officials deciding at once, only one decision lands.
    const line = await this.d.lists.updateLine(
      list.id,
      lineId,
      { stage: 'publicity', objectionPending: true },
      set,
    );
    if (!line) throw new DomainError('CONFLICT', '该异议已被处理，请刷新');
    await this.audit(actor, 'subsidy.objection.decide', line.id, [
      `decision=${body.decision}`,
      `note=${body.note}`,
      ...(body.correctedAmountFen !== undefined ? [`amountFen=${body.correctedAmountFen}`] : []),
    ]);
    // Only this decision's write landed (the guard above): the firm is told once.
    await this.d.events.publish({
      type: 'subsidy.objection-decided',
      entitlementId: line.id,
      enterpriseId: line.enterpriseId,
      objectorId: current.objection.by,
      policy: line.policy,
      period: line.period,
      decision: body.decision,
      note: body.note,
      amountFen: line.excluded ? null : line.amountFen,
    });
    return lineView(line);
  }

  private async readable(actor: Actor, id: string): Promise<ListRecord> {
    const list = await this.d.lists.findById(id);
    if (!list) throw new DomainError('NOT_FOUND', '未找到该名单');
    assertReadable(actor, list.policy);
    return list;
  }

  private async managed(actor: Actor, id: string): Promise<ListRecord> {
    const list = await this.readable(actor, id);
    assertManages(actor, list.policy);
    return list;
  }

  private async lineRefusal(list: ListRecord, lineId: string, message: string): Promise<DomainError> {
    return (await this.d.lists.line(list.id, lineId))
      ? new DomainError('INVALID_TRANSITION', message, { status: list.status })
      : new DomainError('NOT_FOUND', '未找到该企业的记录');
  }

  private audit(actor: Actor, action: string, subjectId: string, fields: string[]) {
    return this.d.audit.append({
      at: this.d.clock.now(),
      actorId: actor.id,
      action,
      subjectType: 'subsidy',
      subjectId,
      fields,
      requestId: null,
    });
  }
}

function transition(list: ListRecord, what: string): DomainError {
  return new DomainError('INVALID_TRANSITION', `名单${STATUS_WORDS[list.status]}，不能${what}`, {
    status: list.status,
  });
}
