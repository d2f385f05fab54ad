import { SUBSIDY_POLICY_LABELS } from '@fugong/contracts';
import type { Actor } from '../../auth/actor';
import type { Clock } from '../../clock';
import { DomainError } from '../../errors';
import type { SubsidyDeps } from './subsidy-deps';
import { assertPays, assertReadable } from './subsidy-access';
import { exportPayments } from './payment-export';
import { paymentView } from './subsidy-views';

/** 财政局's side: the payment list after 公示, its download, and marking payments paid. */
export class SubsidyPaymentService {
  constructor(private readonly d: SubsidyDeps & { clock: Clock }) {}

  /**
   * After 公示 has ended with every objection decided, the list becomes final and each line not
   * excluded enters the ledger once: a firm already in it for this policy and period (from an
   * earlier list) is not added again, so a rerun can never pay anyone twice. Retrying is safe.
   */
  async createPaymentList(actor: Actor, id: string) {
    const list = await this.d.lists.findById(id);
    if (!list) throw new DomainError('NOT_FOUND', '未找到该名单');
    assertPays(actor, list.policy);
    const now = this.d.clock.now();
    if (list.status !== 'final') {
      if (list.status !== 'publicity')
        throw new DomainError('INVALID_TRANSITION', '名单尚未公示，不能生成支付清单', {
          status: list.status,
        });
      if (!list.publicityEndsAt || list.publicityEndsAt > now)
        throw new DomainError('BUSINESS_RULE', '公示期尚未结束', {
          publicityEndsAt: list.publicityEndsAt?.toISOString() ?? null,
        });
      const pending = await this.d.lists.pendingObjections(id);
      if (pending > 0) throw new DomainError('BUSINESS_RULE', `还有 ${pending} 条异议未处理`);
      // A second caller finds the list already final and only tops up the ledger (idempotent).
      await this.d.lists.move(id, ['publicity'], 'final');
    }
    const lines = await this.d.lists.linesOf(id, { included: true });
    const { created, existing } = await this.d.payments.addOnce(
      id,
      lines.map((l) => ({
        listId: id,
        entitlementId: l.id,
        policy: l.policy,
        period: l.period,
        enterpriseId: l.enterpriseId,
        enterpriseName: l.enterpriseName,
        creditCode: l.creditCode,
        amountFen: l.amountFen,
      })),
      now,
    );
    await this.d.audit.append({
      at: now,
      actorId: actor.id,
      action: 'subsidy.payments.create',
      subjectType: 'subsidy_list',
      subjectId: id,
      fields: [`created=${created}`, `existing=${existing}`],
      requestId: null,
    });
    const items = await this.d.payments.forList(id);
    return { created, alreadyInLedger: existing, items: items.map(paymentView) };
  }

  async exportList(actor: Actor, id: string, format: 'csv' | 'xlsx') {
    const list = await this.d.lists.findById(id);
    if (!list) throw new DomainError('NOT_FOUND', '未找到该名单');
    assertReadable(actor, list.policy);
    const rows = await this.d.payments.forList(id);
    return exportPayments(`支付清单-${SUBSIDY_POLICY_LABELS[list.policy]}-${list.period}`, rows, format);
  }

  /** Pending → paid once; a second mark (a retry, a colleague) is refused, never a second payment. */
  async markPaid(actor: Actor, paymentId: string, reference: string) {
    const payment = await this.d.payments.findById(paymentId);
    if (!payment) throw new DomainError('NOT_FOUND', '未找到该支付记录');
    assertPays(actor, payment.policy);
    const now = this.d.clock.now();
    const paid = await this.d.payments.markPaid(paymentId, actor.id, reference, now);
    if (!paid) throw new DomainError('CONFLICT', '该笔补贴已支付，不能重复支付', { paidAt: payment.paidAt });
    await this.d.audit.append({
      at: now,
      actorId: actor.id,
      action: 'subsidy.payment.paid',
      subjectType: 'subsidy_payment',
      subjectId: paymentId,
      fields: [`reference=${reference}`, `amountFen=${paid.amountFen}`],
      requestId: null,
    });
    return paymentView(paid);
  }
}
