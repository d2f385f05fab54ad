import { SHARED_PAGES, SUBSIDY_POLICY_LABELS } from '@fugong/contracts';
import { formatYuan } from '@fugong/domain';
import type { Clock } from '../../clock';
import type { OutboxMessage } from '../notifications';
import type { ListRepository, ListRecord } from './list.repository';
import type { NoticeRepository } from './notice.repository';

/** What 政策直通 needs from outside the module, passed in by the container. */
export interface SubsidyNoticePorts {
  /** Liaison user ids per enterprise id. */
  liaisonsOf(enterpriseIds: string[]): Promise<Map<string, string[]>>;
  /** Queues messages for the inbox and the person's phone (the notifications outbox); the same id twice is kept once. */
  enqueue(messages: OutboxMessage[]): Promise<void>;
}

/** The firm's own subsidy page (the mini-program path, without the leading slash). */
const SUBSIDY_PAGE = SHARED_PAGES.subsidies;

/**
 * 政策直通: when a list goes into 公示, every firm on it that has not yet been told of this policy
 * period gets "您可享受 X 元，无需申请" in its liaisons' inboxes and by subscribe message. The claim
 * in `subsidy_notices` is the once-per-firm-per-period guard; the messages are queued only by the
 * call whose claim applied, and their ids are deterministic so a retry cannot double them.
 */
export class SubsidyPush {
  constructor(
    private readonly d: { lists: ListRepository; notices: NoticeRepository; clock: Clock },
    private readonly ports: SubsidyNoticePorts,
  ) {}

  async published(list: ListRecord): Promise<number> {
    const lines = await this.d.lists.linesOf(list.id, { included: true });
    const liaisons = await this.ports.liaisonsOf(lines.map((l) => l.enterpriseId));
    const label = SUBSIDY_POLICY_LABELS[list.policy];
    const at = this.d.clock.now();
    const claimed = await this.d.notices.claim(
      lines.map((line) => ({
        policy: list.policy,
        period: list.period,
        enterpriseId: line.enterpriseId,
        listId: list.id,
        amountFen: line.amountFen,
        recipients: liaisons.get(line.enterpriseId)?.length ?? 0,
        at,
      })),
    );
    await this.ports.enqueue(
      lines
        .filter((line) => claimed.has(line.enterpriseId))
        .flatMap((line) =>
          (liaisons.get(line.enterpriseId) ?? []).map((workerId) => ({
            id: `subsidy:${list.policy}:${list.period}:${line.enterpriseId}:${workerId}`,
            workerId,
            kind: 'subsidy.entitled',
            title: `${label}：您可享受 ${formatYuan(line.amountFen)}`,
            body: `无需申请。${line.reason}。公示期内如有异议可在“可享政策”中提出`,
            page: SUBSIDY_PAGE,
          })),
        ),
    );
    return claimed.size;
  }
}
