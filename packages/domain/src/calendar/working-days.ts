import { addDays, chinaDay, chinaDayStart } from '../time/china-day';

/**
 * Which China-time days are working days: Monday–Friday, minus public holidays, plus the
 * weekend days the State Council swaps in as working days (调休). Both lists are `YYYY-MM-DD`.
 */
export interface WorkCalendar {
  holidays: readonly string[];
  extraWorkdays?: readonly string[];
}

// Twenty years of State Council notices are ~600 holidays: look them up in a Set built once per list.
const sets = new WeakMap<readonly string[], ReadonlySet<string>>();
function asSet(list: readonly string[]): ReadonlySet<string> {
  let set = sets.get(list);
  if (!set) {
    set = new Set(list);
    sets.set(list, set);
  }
  return set;
}

/** True when `day` (YYYY-MM-DD, China time) is a working day under the calendar. */
export function isWorkingDay(day: string, calendar: WorkCalendar): boolean {
  if (calendar.extraWorkdays && asSet(calendar.extraWorkdays).has(day)) return true;
  if (asSet(calendar.holidays).has(day)) return false;
  // The UTC weekday of noon China time is the China weekday.
  const weekday = new Date(chinaDayStart(day).getTime() + 12 * 3_600_000).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The instant `n` working days after `at`, keeping the time of day. A start on a non-working
 * day counts from 00:00 of the next working day, so an issue dispatched on Saturday gets its
 * three full working days, not two and a half.
 */
export function addWorkingDays(at: Date, n: number, calendar: WorkCalendar): Date {
  if (!Number.isInteger(n) || n < 0)
    throw new TypeError(`working days must be a non-negative integer, got ${n}`);
  let day = chinaDay(at);
  let timeOfDay = at.getTime() - chinaDayStart(day).getTime();
  if (!isWorkingDay(day, calendar)) {
    day = nextWorkingDay(day, calendar);
    timeOfDay = 0;
  }
  for (let i = 0; i < n; i += 1) day = nextWorkingDay(day, calendar);
  return new Date(chinaDayStart(day).getTime() + timeOfDay);
}

function nextWorkingDay(day: string, calendar: WorkCalendar): string {
  let next = addDays(day, 1);
  // A year has no run of 30 non-working days; the bound turns a bad calendar into an error, not a hang.
  for (let guard = 0; !isWorkingDay(next, calendar); guard += 1) {
    if (guard > 30) throw new RangeError(`no working day within 30 days after ${day}`);
    next = addDays(next, 1);
  }
  return next;
}
