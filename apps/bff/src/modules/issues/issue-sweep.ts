import { OPEN_ISSUE_STATES, reminderAt, type IssueSlaPolicy } from '@fugong/domain';
import type { IssueState } from '@fugong/contracts';
import { departmentName } from '@fugong/contracts';
import type { Clock } from '../../clock';
import type { ClockName, IssueRecord, IssueRepository } from './issue.repository';
import { NO_LISTENERS, type RecordEventPublisher } from '../../events';
import type { SweepIsolation } from '../sweep-failures';

/** The sweep's job name: its lease, its failure counts and its metrics are kept under it. */
export const ISSUES_SWEEP = 'issues.sweep';

/** While which states each clock runs. */
const CLOCK_STATES: Record<ClockName, readonly IssueState[]> = {
  firstResponse: ['submitted'],
  progress: ['dispatched'],
  resolution: OPEN_ISSUE_STATES,
};
const CLOCK_LABELS: Record<ClockName, string> = {
  firstResponse: '受理时限',
  progress: '办理时限',
  resolution: '办结时限',
};

/**
 * Reminders before deadlines and escalation after them. A plain function of the clock: the
 * server calls it on a timer, tests call it directly after moving a ManualClock. Each mark is a
 * guarded update, so overlapping sweeps (two BFF instances) never remind or escalate twice.
 */
export class IssueSweep {
  constructor(
    private readonly issues: IssueRepository,
    private readonly clock: Clock,
    private readonly sla: IssueSlaPolicy,
    /**
     * Every applied mark is announced (the alerts deliver it to people); an escalation also as an
     * issue move, which makes an open issue count as overdue on the dashboard.
     */
    private readonly events: RecordEventPublisher = NO_LISTENERS,
    private readonly isolation: SweepIsolation | null = null,
  ) {}

  /** Marks due reminders and escalations; records that threw show in the log and /metrics. */
  async run(): Promise<{ reminded: number; escalated: number }> {
    const now = this.clock.now();
    let reminded = 0;
    let escalated = 0;
    // One issue whose data makes a step throw is logged, counted and skipped; the others still
    // get their reminders and escalations (see SweepIsolation). Without isolation, as before.
    const isolated = await this.isolation?.begin(ISSUES_SWEEP);
    const each = (issueId: string, work: () => Promise<void>) =>
      isolated ? isolated.each(`issue:${issueId}`, work) : work();
    for (const clock of Object.keys(CLOCK_STATES) as ClockName[]) {
      const states = CLOCK_STATES[clock];
      const horizon = new Date(now.getTime() + this.sla.reminderLeadHours * 3_600_000);
      for (const issue of await this.issues.dueClocks(clock, states, 'remindedAt', horizon)) {
        const due = issue.clocks[clock].dueAt!;
        // Past due already: escalation below says it louder; a reminder now would be noise.
        if (due <= now || reminderAt(due, this.sla) > now) continue;
        await each(issue.id, async () => {
          const note = `${CLOCK_LABELS[clock]}将于 ${minutesLeft(due, now)} 分钟后到期`;
          if (
            await this.issues.markClock(
              issue.id,
              clock,
              states,
              'remindedAt',
              now,
              this.event(now, 'reminded', issue, note),
            )
          ) {
            reminded += 1;
            await this.announce('reminded', clock, issue, note);
          }
        });
      }
      for (const issue of await this.issues.dueClocks(clock, states, 'escalatedAt', now)) {
        await each(issue.id, async () => {
          const note = `${CLOCK_LABELS[clock]}已超期，已督办：${escalationTargets(clock, issue).join('、')}`;
          if (
            await this.issues.markClock(
              issue.id,
              clock,
              states,
              'escalatedAt',
              now,
              this.event(now, 'escalated', issue, note),
            )
          ) {
            escalated += 1;
            await this.announce('escalated', clock, issue, note);
            await this.events.publish({
              type: 'issue.moved',
              issueId: issue.id,
              enterpriseId: issue.enterpriseId,
            });
          }
        });
      }
    }
    return { reminded, escalated };
  }

  private announce(mark: 'reminded' | 'escalated', clock: ClockName, issue: IssueRecord, note: string) {
    return this.events.publish({
      type: 'issue.deadline-marked',
      issueId: issue.id,
      enterpriseId: issue.enterpriseId,
      mark,
      clock,
      clockLabel: CLOCK_LABELS[clock],
      note,
    });
  }

  private event(now: Date, type: 'reminded' | 'escalated', issue: IssueRecord, note: string) {
    return {
      at: now,
      type,
      actorId: null,
      actorRole: 'system',
      fromState: null,
      toState: null,
      departmentCode: issue.departmentCode,
      note,
    };
  }
}

/** Who hears about a missed deadline: the department head when a department holds it, always the command. */
function escalationTargets(clock: ClockName, issue: IssueRecord): string[] {
  if (clock === 'firstResponse') return ['复工管家', '指挥部'];
  return issue.departmentCode ? [`${departmentName(issue.departmentCode)}负责人`, '指挥部'] : ['指挥部'];
}

const minutesLeft = (due: Date, now: Date) =>
  Math.max(1, Math.round((due.getTime() - now.getTime()) / 60_000));
