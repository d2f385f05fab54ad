import { HOTLINE_LABELS } from '@fugong/contracts';
import { chinaDay } from '@fugong/domain';
import type { Clock } from '../../clock';
import type { PiiCipher } from '../../crypto/pii';
import type { SmsGateway } from '../sms';
import type { CallRecord, HotlineCallRepository } from './hotline-call.repository';
import type { HotlineSmsRepository } from './hotline-sms.repository';

const MAX_ATTEMPTS = 5;
const LOCK_MS = 60_000;
/** Room for the answer in one long SMS (the rest of the text is the fixed frame). */
const ANSWER_CHARS = 120;

/** An issue as stored, as far as the caller's outcome needs it (read from the issues module). */
export interface IssueOutcome {
  state: string;
  answer: string | null;
  answeredAt: Date | null;
  resolutionDueAt: Date | null;
}
export type IssueOutcomeLookup = (issueId: string) => Promise<IssueOutcome | null>;

export interface HotlineOutcomeDeps {
  calls: HotlineCallRepository;
  outbox: HotlineSmsRepository;
  issueOf: IssueOutcomeLookup;
  sms: SmsGateway;
  pii: PiiCipher;
  clock: Clock;
}

const ANSWERED_STATES = new Set(['answered', 'confirmed']);

/** The text a caller gets when their issue has its answer. */
export function outcomeText(call: CallRecord, answer: string): string {
  const short = answer.length > ANSWER_CHARS ? `${answer.slice(0, ANSWER_CHARS)}…` : answer;
  const [, month, day] = chinaDay(call.receivedAt).split('-').map(Number);
  return `【复工通】您${month}月${day}日拨打${HOTLINE_LABELS[call.line].split(' ')[0]}反映的问题（编号${call.issueNumber}）已办理：${short}。如有疑问请再次来电。`;
}

/**
 * Tells callers the outcome of the issues raised for them. It hears every move of an issue
 * (`issue.moved`) and re-reads the issue; once it has its answer the call is closed by a guarded
 * write and the text is queued under the call's id, so a repeated or retried event neither closes
 * twice nor texts twice. The queue is drained at once and again by the periodic job on failure.
 */
export class HotlineOutcomes {
  constructor(private readonly d: HotlineOutcomeDeps) {}

  readonly onIssueMoved = async (issueId: string): Promise<void> => {
    const call = await this.d.calls.findByIssue(issueId);
    if (!call) return;
    const issue = await this.d.issueOf(issueId);
    if (!issue || !ANSWERED_STATES.has(issue.state) || !issue.answer) return;
    const closedAt = issue.answeredAt ?? this.d.clock.now();
    await this.d.calls.close(call.id, {
      answer: issue.answer,
      closedAt,
      closedWithinDeadline: !issue.resolutionDueAt || closedAt <= issue.resolutionDueAt,
    });
    // Queued whether or not this delivery closed the call: a crash between the two is repaired by the next event.
    await this.d.outbox.queueOutcome(call.id, outcomeText(call, issue.answer), this.d.clock.now());
    await this.drain();
  };

  /** Sends due outcome texts until none is left (or `max` were tried); returns how many went out. */
  async drain(max = 200): Promise<number> {
    let sent = 0;
    for (let i = 0; i < max; i += 1) {
      const now = this.d.clock.now();
      const sms = await this.d.outbox.claimDue(now, LOCK_MS);
      if (!sms) break;
      try {
        const call = await this.d.calls.findById(sms.callId);
        if (!call) throw new Error('call not found');
        const phone = this.d.pii.decrypt(call.callerPhoneEnc);
        await this.d.sms.send({ phone, text: sms.text, kind: 'hotline_outcome' });
        if (await this.d.outbox.markSent(sms.id, this.d.clock.now())) {
          await this.d.calls.markNotified(call.id, this.d.clock.now());
          sent += 1;
        }
      } catch (err) {
        const retryAt =
          sms.attempts >= MAX_ATTEMPTS ? null : new Date(now.getTime() + 30_000 * 2 ** (sms.attempts - 1));
        await this.d.outbox.markFailed(sms.id, (err as Error).message ?? 'send failed', retryAt);
      }
    }
    return sent;
  }
}
