import { pageLink, SHARED_PAGES, SUBSIDY_POLICY_LABELS, type SubsidyPolicyCode } from '@fugong/contracts';
import { formatYuan } from '@fugong/domain';
import type { RecordEvents } from '../../events';
import type { NoticeSink } from '../inbox';

type Decided = { decision: 'upheld' | 'rejected'; note: string; amountFen: number | null };

/** The outcome in the firm's words and what it does next: nothing to apply for either way. */
export function objectionNotice(policy: string, period: string, e: Decided): { title: string; body: string } {
  const what = `${period} 年${SUBSIDY_POLICY_LABELS[policy as SubsidyPolicyCode] ?? '补贴'}`;
  const opinion = `处理意见：${e.note}。`;
  if (e.decision === 'rejected')
    return {
      title: `异议不成立：${what}`,
      body: `${opinion}公示结果维持${e.amountFen !== null ? ` ${formatYuan(e.amountFen)}` : ''}，公示期满后按名单拨付，无需申请。如仍有疑问，可在“可享政策”页发起政策咨询。`,
    };
  if (e.amountFen !== null)
    return {
      title: `异议成立：${what}核定为 ${formatYuan(e.amountFen)}`,
      body: `${opinion}公示期满后按核定金额拨付，无需申请。`,
    };
  return {
    title: `异议成立：${what}已从名单中移除`,
    body: `${opinion}本期不再拨付该项补贴。如有新的材料，可在“可享政策”页发起政策咨询。`,
  };
}

/**
 * A decided 异议 reaches the liaison who filed it. The notice key names the line, which has one
 * objection, so a repeated event delivers nothing twice.
 */
export function listenForObjectionDecisions(events: RecordEvents, inbox: NoticeSink): void {
  events.on('subsidy.objection-decided', async (e) => {
    await inbox.deliver({
      key: `subsidy-objection:${e.entitlementId}:${e.objectorId}`,
      userId: e.objectorId,
      kind: 'subsidy_objection_decided',
      ...objectionNotice(e.policy, e.period, e),
      page: pageLink(SHARED_PAGES.subsidies),
    });
  });
}
