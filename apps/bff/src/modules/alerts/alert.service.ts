import type { Clock } from '../../clock';
import type { NoticeSink } from '../inbox';
import type { SmsGateway } from '../sms';
import type { AlertChannel, AlertRecord, AlertRepository } from './alert.repository';
import type { DepartmentHeadRepository } from './department-head.repository';
import { alertsFor, targetsOf, type AlertPeople, type IssueAlert } from './alert-recipients';

const MAX_ATTEMPTS = 5;
const LOCK_MS = 60_000;

/** How a person is reached beyond the inbox; null fields when they have no WeChat or phone. */
export type ContactLookup = (userId: string) => Promise<{ openid: string | null; phone: string | null }>;

/**
 * The WeChat subscribe-message channel: 'sent' when it reached the phone, anything else (no
 * acceptance, no openid) means "use SMS"; rejects for a failure worth retrying.
 */
export type WechatChannel = (a: AlertRecord, openid: string) => Promise<string>;

/** Appends the "已通知" line to the issue's timeline. */
export type TimelineNote = (issueId: string, at: Date, note: string) => Promise<void>;

export interface AlertServiceDeps {
  alerts: AlertRepository;
  heads: DepartmentHeadRepository;
  people: AlertPeople;
  contactOf: ContactLookup;
  inbox: NoticeSink;
  wechat: WechatChannel;
  sms: SmsGateway;
  timeline: TimelineNote;
  clock: Clock;
}

const CHANNEL_LABELS: Record<AlertChannel, string> = {
  wechat: '站内消息、微信订阅消息',
  sms: '站内消息、短信',
  inbox_only: '站内消息（无微信授权与手机号）',
};

/** Turns the sweep's reminders and escalations into deliveries, and drains them with retries. */
export class AlertService {
  constructor(private readonly d: AlertServiceDeps) {}

  /** Records the deliveries of one applied deadline mark (idempotent by id; see alert-listeners). */
  readonly onIssueAlert = async (a: IssueAlert): Promise<void> => {
    const targets = await targetsOf(a, this.d.people, this.d.heads);
    await this.d.alerts.addMany(alertsFor(a, targets), this.d.clock.now());
  };

  /** Delivers due alerts until none is left (or `max` were tried); returns how many went out. */
  async drain(max = 500): Promise<number> {
    let sent = 0;
    for (let i = 0; i < max; i += 1) {
      const now = this.d.clock.now();
      const a = await this.d.alerts.claimDue(now, LOCK_MS);
      if (!a) break;
      try {
        const channel = await this.deliver(a);
        // The timeline line only when this drainer's guarded write applied: never twice.
        if (await this.d.alerts.markSent(a.id, this.d.clock.now(), channel)) {
          await this.d.timeline(
            a.issueId,
            this.d.clock.now(),
            `${a.title}，已通知${a.recipientLabel}（${CHANNEL_LABELS[channel]}）`,
          );
          sent += 1;
        }
      } catch (err) {
        const retryAt =
          a.attempts >= MAX_ATTEMPTS ? null : new Date(now.getTime() + 30_000 * 2 ** (a.attempts - 1));
        await this.d.alerts.markFailed(a.id, (err as Error).message ?? 'send failed', retryAt);
      }
    }
    return sent;
  }

  /** Inbox always (its key makes a retry a no-op); then WeChat where it reaches the phone, else SMS. */
  private async deliver(a: AlertRecord): Promise<AlertChannel> {
    await this.d.inbox.deliver({
      key: a.id,
      userId: a.userId,
      kind: a.kind,
      title: a.title,
      body: a.body,
      page: a.page,
    });
    const contact = await this.d.contactOf(a.userId);
    if (contact.openid && (await this.d.wechat(a, contact.openid)) === 'sent') return 'wechat';
    if (!contact.phone) return 'inbox_only';
    await this.d.sms.send({ phone: contact.phone, kind: a.kind, text: `【复工通】${a.title}。${a.body}` });
    return 'sms';
  }

  listForIssue(issueId: string) {
    return this.d.alerts.listForIssue(issueId);
  }
}
