import { CALLBACK_FLAG_LABELS, CALLBACK_FLAGS, pageLink, SHARED_PAGES } from '@fugong/contracts';
import type { RecordEvents } from '../../events';
import type { StaffRepository } from '../enterprises';
import type { NoticeSink } from '../inbox';

/**
 * A call-back that records 不作为、中梗阻、慢作为 or 乱作为 reaches the supervisors: every 指挥部
 * account but the caller gets an inbox notice naming the firm and its steward. The steward is not
 * told by the system; following it up is the supervisors' call. The notice key names the call and
 * the person, so a repeated event delivers nothing twice.
 */
export function listenForCallbackFlags(
  events: RecordEvents,
  d: { staff: Pick<StaffRepository, 'listByRole' | 'findByIds'>; inbox: NoticeSink },
): void {
  events.on('callback.recorded', async (e) => {
    const flags = CALLBACK_FLAGS.filter((f) => e.flags.includes(f));
    if (flags.length === 0) return;
    const [supervisors, steward] = await Promise.all([
      d.staff.listByRole('admin'),
      e.stewardId ? d.staff.findByIds([e.stewardId]).then((s) => s[0] ?? null) : null,
    ]);
    const findings = flags.map((f) => CALLBACK_FLAG_LABELS[f]).join('、');
    for (const person of supervisors.filter((p) => p.id !== e.callerId)) {
      await d.inbox.deliver({
        key: `callback:${e.callId}:flag:${person.id}`,
        userId: person.id,
        kind: 'callback_flag',
        title: `回访发现${findings}：${e.enterpriseName}`,
        body: `复工管家：${steward?.name ?? (e.stewardId ? '（未留姓名）' : '（该企业暂无管家）')}。请在服务评价中查看回访记录并督促整改。`,
        page: pageLink(SHARED_PAGES.consoleCallbacks, { tab: 'scorecard' }),
      });
    }
  });
}
