import {
  DEFAULT_ISSUE_SLA,
  firstResponseDue,
  isClockOverdue,
  isIssueOverdue,
  progressDue,
  reminderAt,
  resolutionDue,
} from './sla';

const at = (s: string) => new Date(s);
const friday = at('2026-03-06T15:00:00+08:00');

describe('issue deadlines', () => {
  it('when an urgent issue is dispatched, then the department has 24 hours, weekend or not', () => {
    expect(
      progressDue(friday, { urgency: 'urgent', category: 'labour' }, DEFAULT_ISSUE_SLA).toISOString(),
    ).toBe(at('2026-03-07T15:00:00+08:00').toISOString());
  });

  it('when a normal policy question is dispatched, then it is due in 24 hours too', () => {
    expect(
      progressDue(friday, { urgency: 'normal', category: 'policy' }, DEFAULT_ISSUE_SLA).toISOString(),
    ).toBe(at('2026-03-07T15:00:00+08:00').toISOString());
  });

  it('when a normal issue is dispatched on Friday, then it is due after 3 working days, skipping the weekend and a configured holiday', () => {
    const policy = { ...DEFAULT_ISSUE_SLA, calendar: { holidays: ['2026-03-10'] } };
    expect(progressDue(friday, { urgency: 'normal', category: 'funding' }, policy).toISOString()).toBe(
      at('2026-03-12T15:00:00+08:00').toISOString(),
    );
  });

  it('when the policy is configured with other numbers, then the deadlines follow the configuration', () => {
    const policy = {
      ...DEFAULT_ISSUE_SLA,
      progress: { urgentHours: 12, policyHours: 48, normalWorkingDays: 1 },
      firstResponseHours: { urgent: 1, normal: 2 },
    };
    expect(progressDue(friday, { urgency: 'urgent', category: 'labour' }, policy).toISOString()).toBe(
      at('2026-03-07T03:00:00+08:00').toISOString(),
    );
    expect(progressDue(friday, { urgency: 'normal', category: 'funding' }, policy).toISOString()).toBe(
      at('2026-03-09T15:00:00+08:00').toISOString(),
    );
    expect(firstResponseDue(friday, 'normal', policy).toISOString()).toBe(
      at('2026-03-06T17:00:00+08:00').toISOString(),
    );
  });

  it('when the resolution and reminder times are asked for, then they follow the working-day rule and the lead time', () => {
    expect(resolutionDue(friday, 'urgent', DEFAULT_ISSUE_SLA).toISOString()).toBe(
      at('2026-03-11T15:00:00+08:00').toISOString(),
    );
    expect(reminderAt(friday, DEFAULT_ISSUE_SLA).toISOString()).toBe(
      at('2026-03-06T11:00:00+08:00').toISOString(),
    );
  });

  it('when a clock runs past its deadline or is met late, then it is overdue; met in time, it is not', () => {
    const dueAt = friday;
    expect(isClockOverdue({ dueAt, metAt: null }, at('2026-03-06T15:00:01+08:00'))).toBe(true);
    expect(isClockOverdue({ dueAt, metAt: null }, at('2026-03-06T14:59:59+08:00'))).toBe(false);
    expect(
      isClockOverdue({ dueAt, metAt: at('2026-03-06T16:00:00+08:00') }, at('2026-03-01T00:00:00+08:00')),
    ).toBe(true);
    expect(
      isClockOverdue({ dueAt, metAt: at('2026-03-06T14:00:00+08:00') }, at('2026-04-01T00:00:00+08:00')),
    ).toBe(false);
    expect(isClockOverdue({ dueAt: null, metAt: null }, friday)).toBe(false);
  });

  it('when a running clock of an open issue is past due, then the issue is overdue; a late-met clock or a confirmed issue is not', () => {
    const late = { dueAt: friday, metAt: null };
    const metLate = { dueAt: friday, metAt: at('2026-03-06T16:00:00+08:00') };
    const running = { dueAt: at('2026-03-09T15:00:00+08:00'), metAt: null };
    const now = at('2026-03-07T09:00:00+08:00');
    expect(
      isIssueOverdue({ state: 'dispatched', clocks: { progress: running, resolution: late } }, now),
    ).toBe(true);
    expect(
      isIssueOverdue({ state: 'answered', clocks: { progress: metLate, resolution: running } }, now),
    ).toBe(false);
    expect(isIssueOverdue({ state: 'confirmed', clocks: { resolution: late } }, now)).toBe(false);
  });
});
