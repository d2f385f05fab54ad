import { addDays, chinaDayStart } from '../time/china-day';
import type { WorkCalendar } from './working-days';

/** The State Council's notices as data: days off (放假) and swapped working weekend days (调休上班). */
export interface HolidayData {
  holidays: readonly string[];
  workdays: readonly string[];
}

/**
 * A local decision that overrides the national data for one day: a holiday the city adds (a
 * province's "不早于 2 月 9 日复工" makes the days before it non-working), or a day it works.
 */
export interface CalendarOverride {
  day: string;
  kind: 'holiday' | 'workday';
  note: string;
}

/** A calendar plus what it knows about its own range. */
export interface ComposedCalendar extends WorkCalendar {
  /** The last year the national data has notices for; null when it has none. */
  lastCoveredYear: number | null;
}

/** The last year with any holiday in the data: the latest State Council notice it carries. */
export function lastCoveredYear(data: HolidayData): number | null {
  let last: number | null = null;
  for (const day of data.holidays) {
    const year = Number(day.slice(0, 4));
    if (last === null || year > last) last = year;
  }
  return last;
}

/**
 * The national data with local overrides on top (an override wins over the data for its day).
 * Pure: the BFF reads the package data and the admin's overrides and passes both in.
 */
export function composeCalendar(data: HolidayData, overrides: readonly CalendarOverride[]): ComposedCalendar {
  const holidays = new Set(data.holidays);
  const workdays = new Set(data.workdays);
  for (const o of overrides) {
    chinaDayStart(o.day);
    if (o.kind === 'holiday') {
      holidays.add(o.day);
      workdays.delete(o.day);
    } else {
      workdays.add(o.day);
      holidays.delete(o.day);
    }
  }
  return {
    holidays: [...holidays].sort(),
    extraWorkdays: [...workdays].sort(),
    lastCoveredYear: lastCoveredYear(data),
  };
}

/** Every day from `from` to `to` inclusive, at most 62 (one override request spans two months at most). */
export function daysInRange(from: string, to: string): string[] {
  chinaDayStart(from);
  chinaDayStart(to);
  if (to < from) throw new RangeError(`range ends (${to}) before it starts (${from})`);
  const out: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) {
    out.push(day);
    if (out.length > 62) throw new RangeError('an override range may span at most 62 days');
  }
  return out;
}
