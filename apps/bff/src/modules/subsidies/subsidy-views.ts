import { SUBSIDY_POLICY_LABELS, type SubsidyEntitlement, type SubsidyList } from '@fugong/contracts';
import type { ListRecord, EntitlementRecord } from './list.repository';
import type { PaymentRecord } from './payment.repository';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function listView(l: ListRecord): SubsidyList {
  return {
    id: l.id,
    policy: l.policy,
    policyLabel: SUBSIDY_POLICY_LABELS[l.policy],
    period: l.period,
    version: l.version,
    status: l.status,
    count: l.count,
    totalFen: l.totalFen,
    createdAt: l.createdAt.toISOString(),
    publicityEndsAt: iso(l.publicityEndsAt),
    diff: l.diff,
  };
}

export function lineView(e: EntitlementRecord): SubsidyEntitlement {
  return {
    id: e.id,
    listId: e.listId,
    policy: e.policy,
    policyLabel: SUBSIDY_POLICY_LABELS[e.policy],
    period: e.period,
    enterpriseId: e.enterpriseId,
    enterpriseName: e.enterpriseName,
    amountFen: e.amountFen,
    reason: e.reason,
    facts: e.facts,
    excluded: e.excluded ? { reason: e.excluded.reason, at: e.excluded.at.toISOString() } : null,
    objection: e.objection
      ? {
          text: e.objection.text,
          at: e.objection.at.toISOString(),
          status: e.objection.status,
          decisionNote: e.objection.decisionNote,
          decidedAt: iso(e.objection.decidedAt),
        }
      : null,
  };
}

export function paymentView(p: PaymentRecord) {
  return {
    id: p.id,
    listId: p.listId,
    policy: p.policy,
    period: p.period,
    enterpriseId: p.enterpriseId,
    enterpriseName: p.enterpriseName,
    creditCode: p.creditCode,
    amountFen: p.amountFen,
    status: p.status,
    paidAt: iso(p.paidAt),
    reference: p.reference,
  };
}
