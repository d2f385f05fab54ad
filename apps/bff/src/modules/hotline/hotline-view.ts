import { maskPhone, type HotlineCall, type HotlineFigures } from '@fugong/contracts';
import type { CallRecord, HotlineCallRepository } from './hotline-call.repository';

/** A call as every response shows it: the caller's number masked, never the ciphertext. */
export function toCallView(c: CallRecord, decrypt: (enc: string) => string): HotlineCall {
  return {
    id: c.id,
    line: c.line,
    callerPhoneMasked: maskPhone(decrypt(c.callerPhoneEnc)),
    enterpriseId: c.enterpriseId,
    enterpriseName: c.enterpriseName,
    category: c.category,
    text: c.text,
    status: c.status,
    answer: c.answer,
    issueId: c.issueId,
    issueNumber: c.issueNumber,
    receivedAt: c.receivedAt.toISOString(),
    closedAt: c.closedAt?.toISOString() ?? null,
    closedWithinDeadline: c.closedWithinDeadline,
    notifiedAt: c.notifiedAt?.toISOString() ?? null,
    callback: c.callback ? { satisfaction: c.callback.satisfaction, at: c.callback.at.toISOString() } : null,
  };
}

const rate = (count: number, of: number) => ({
  count,
  of,
  rate: of === 0 ? null : Math.round((count / of) * 1000) / 1000,
});

/** The 三率 from the stored counts: a rate over nothing is null ("—"), not 0 % or 100 %. */
export function toFigures(
  n: Awaited<ReturnType<HotlineCallRepository['counts']>>,
): Omit<HotlineFigures, 'from' | 'to'> {
  return {
    calls: n.calls,
    answered: rate(n.answered, n.calls),
    issuesCreated: n.issues,
    closedWithinDeadline: rate(n.closedInTime, n.closed),
    satisfied: rate(n.satisfied, n.callbacks),
  };
}
