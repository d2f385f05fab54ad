import { addDays, chinaDay, chinaDayStart, HOUR_MS } from '../time/china-day';
import { addWorkingDays, isWorkingDay, type WorkCalendar } from '../calendar/working-days';
import type { IssueSlaPolicy } from '../issues/sla';

/** A 序时进度表 milestone as stored: a planned day, and the day it was done (null while open). */
export interface MilestoneDays {
  plannedDate: string;
  doneDate: string | null;
}

/** Working days in (from, to]: how far past its planned day a milestone is. Bounded to a decade. */
export function workingDaysAfter(from: string, to: string, calendar: WorkCalendar): number {
  let n = 0;
  for (let day = addDays(from, 1), guard = 0; day <= to && guard < 3700; day = addDays(day, 1), guard += 1)
    if (isWorkingDay(day, calendar)) n += 1;
  return n;
}

/**
 * A milestone is late when working days have passed since its planned day and it is still open,
 * or when it was done only after such working days. A planned day on a Friday is not late on
 * the weekend: the 序时进度表 counts the days the departments and the site actually work.
 */
export function milestoneLateness(
  m: MilestoneDays,
  today: string,
  calendar: WorkCalendar,
): { late: boolean; workingDaysLate: number } {
  const end = m.doneDate ?? today;
  const workingDaysLate = end > m.plannedDate ? workingDaysAfter(m.plannedDate, end, calendar) : 0;
  return { late: workingDaysLate > 0, workingDaysLate };
}

/** The Monday (China time) of the week `at` falls in: one 周报 per project per such week. */
export function reportWeekOf(at: Date): string {
  const day = chinaDay(at);
  const weekday = new Date(chinaDayStart(day).getTime() + 12 * HOUR_MS).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** Working days a listed need may wait before it is dispatched or convened (马上会办: quickly). */
export const NEED_HANDLE_WORKING_DAYS = 2;

/** When a need in the 项目服务清单 must have been dispatched or convened. */
export function needHandleDue(raisedAt: Date, calendar: WorkCalendar): Date {
  return addWorkingDays(raisedAt, NEED_HANDLE_WORKING_DAYS, calendar);
}

/** A 会办 action item's deadline: the end (24:00 China time) of its due day. */
export function actionItemDue(dueDate: string): Date {
  return new Date(chinaDayStart(dueDate).getTime() + 24 * HOUR_MS);
}

/**
 * Where an action item's clock stands, by the issue SLA's rules: a reminder `reminderLeadHours`
 * before the deadline, escalation to the command once the deadline passes while still open.
 */
export function actionItemClock(
  item: { dueAt: Date; closedAt: Date | null },
  now: Date,
  policy: Pick<IssueSlaPolicy, 'reminderLeadHours'>,
): { overdue: boolean; remind: boolean; escalate: boolean } {
  const open = item.closedAt === null;
  const due = item.dueAt.getTime();
  const overdue = (item.closedAt ?? now).getTime() > due;
  return {
    overdue,
    remind: open && now.getTime() >= due - policy.reminderLeadHours * HOUR_MS && now.getTime() <= due,
    escalate: open && now.getTime() > due,
  };
}

/** The earliest day an action item may be due: its own session day (no deadlines in the past). */
export function actionDueProblem(dueDate: string, now: Date): string | null {
  const today = chinaDay(now);
  if (dueDate < today) return `办理期限 ${dueDate} 早于今天`;
  if (dueDate > addDays(today, 180)) return '办理期限不能超过 180 天';
  return null;
}
