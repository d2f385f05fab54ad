import {
  actionDueProblem,
  actionItemClock,
  actionItemDue,
  milestoneLateness,
  needHandleDue,
  reportWeekOf,
} from './progress';

const calendar = { holidays: ['2026-04-06'], extraWorkdays: [] };

describe('milestone lateness (序时进度表)', () => {
  it('when a milestone planned for Friday is still open on Saturday and Sunday, then it is not late; on Monday it is one working day late', () => {
    const m = { plannedDate: '2026-03-06', doneDate: null };
    expect(milestoneLateness(m, '2026-03-08', calendar)).toEqual({ late: false, workingDaysLate: 0 });
    expect(milestoneLateness(m, '2026-03-09', calendar)).toEqual({ late: true, workingDaysLate: 1 });
  });

  it('when a holiday falls in between, then it is not counted', () => {
    const m = { plannedDate: '2026-04-03', doneDate: null };
    expect(milestoneLateness(m, '2026-04-07', calendar).workingDaysLate).toBe(1);
  });

  it('when a milestone was done on its planned day or before, then it is not late however late it is now', () => {
    expect(
      milestoneLateness({ plannedDate: '2026-03-06', doneDate: '2026-03-05' }, '2026-05-01', calendar).late,
    ).toBe(false);
    expect(
      milestoneLateness({ plannedDate: '2026-03-06', doneDate: '2026-03-10' }, '2026-05-01', calendar),
    ).toEqual({ late: true, workingDaysLate: 2 });
  });
});

describe('the report week', () => {
  it('when reported on a Sunday night China time, then the week is the Monday before; Monday 00:30 starts a new week', () => {
    expect(reportWeekOf(new Date('2026-03-08T23:00:00+08:00'))).toBe('2026-03-02');
    expect(reportWeekOf(new Date('2026-03-09T00:30:00+08:00'))).toBe('2026-03-09');
  });
});

describe('deadlines', () => {
  it('when a need is raised on Friday afternoon, then it must be handled by Tuesday afternoon', () => {
    expect(needHandleDue(new Date('2026-03-06T15:00:00+08:00'), calendar).toISOString()).toBe(
      new Date('2026-03-10T15:00:00+08:00').toISOString(),
    );
  });

  it('when an action item is due on a day, then its clock runs to midnight, reminds 4 h before and escalates after', () => {
    const dueAt = actionItemDue('2026-03-10');
    expect(dueAt.toISOString()).toBe(new Date('2026-03-11T00:00:00+08:00').toISOString());
    const policy = { reminderLeadHours: 4 };
    const at = (s: string) => new Date(`${s}+08:00`);
    expect(actionItemClock({ dueAt, closedAt: null }, at('2026-03-10T12:00:00'), policy)).toEqual({
      overdue: false,
      remind: false,
      escalate: false,
    });
    expect(actionItemClock({ dueAt, closedAt: null }, at('2026-03-10T21:00:00'), policy).remind).toBe(true);
    expect(actionItemClock({ dueAt, closedAt: null }, at('2026-03-11T09:00:00'), policy)).toEqual({
      overdue: true,
      remind: false,
      escalate: true,
    });
    const closedLate = { dueAt, closedAt: at('2026-03-12T09:00:00') };
    expect(actionItemClock(closedLate, at('2026-03-20T09:00:00'), policy)).toEqual({
      overdue: true,
      remind: false,
      escalate: false,
    });
  });

  it('when an action item is due before today or more than 180 days ahead, then it is refused', () => {
    const now = new Date('2026-03-10T10:00:00+08:00');
    expect(actionDueProblem('2026-03-09', now)).toMatch('早于今天');
    expect(actionDueProblem('2026-03-10', now)).toBeNull();
    expect(actionDueProblem('2026-09-07', now)).toMatch('180');
  });
});
