import type { RecordEvents } from '../../events';
import type { IssueAlert } from './alert-recipients';
import type { AlertService } from './alert.service';

/** Reads an issue as stored, as far as an alert needs it (the issues module's repository). */
export type AlertIssueLookup = (issueId: string) => Promise<IssueAlert['issue'] | null>;

/**
 * Subscribes the alerts to the deadline sweep's marks. The sweep only announces that it marked
 * a clock; who hears about it is decided here. The issue is re-read, so the alert names the
 * department holding it now. A delivery row's id names the event and the person, so a mark
 * announced twice (a retried sweep) still reaches each person once.
 */
export function listenForIssueAlerts(
  events: RecordEvents,
  alerts: AlertService,
  issueOf: AlertIssueLookup,
): void {
  events.on('issue.deadline-marked', async (e) => {
    const issue = await issueOf(e.issueId);
    if (!issue) return;
    await alerts.onIssueAlert({
      type: e.mark,
      clock: e.clock,
      clockLabel: e.clockLabel,
      note: e.note,
      issue,
    });
  });
}
