/**
 * "Day" in 复工通 means the calendar day in China time (UTC+8, no daylight saving), whatever
 * zone the server runs in: one check-in per worker per China day, one live booking per travel day.
 */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
/** China time's zone name, for Intl formatting (`toLocaleString`) that must not follow the device's zone. */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

/**
 * The last few days chinaDay named and the instants each spans, [from, to): every check-in and
 * booking of a morning asks for today (and yesterday, through addDays), and a range test is
 * exact where formatting a Date each time was ~1% of a check-in's CPU. An instant outside them
 * (past midnight China time, an old record's, an invalid Date) is formatted, and its day takes
 * the oldest slot. A fixed handful of slots: nothing grows.
 */
const spans: { from: number; to: number; day: string | null }[] = Array.from({ length: 4 }, () => ({
  from: 0,
  to: 0,
  day: null,
}));
let oldest = 0;

/** The China-time calendar day of an instant, as `YYYY-MM-DD`. */
export function chinaDay(at: Date): string {
  const ms = at.getTime();
  for (const span of spans) if (ms >= span.from && ms < span.to) return span.day as string;
  const day = new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
  // Midnight China time of that day, and of the next: the offset is fixed (no daylight saving).
  const from = Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS;
  spans[oldest] = { from, to: from + DAY_MS, day };
  oldest = (oldest + 1) % spans.length;
  return day;
}

/** An instant as `YYYY-MM-DD HH:mm` in China time (a form's way of writing a time). */
export function chinaDateTime(at: Date): string {
  const d = new Date(at.getTime() + CHINA_OFFSET_MS).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
}

/** The instant a China-time day starts (00:00 +08:00). Throws on a malformed day. */
export function chinaDayStart(day: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new TypeError(`Not a YYYY-MM-DD day: ${day}`);
  // A day chinaDay named lately starts where its span does (a fresh Date: callers may change it).
  for (const span of spans) if (span.day === day) return new Date(span.from);
  const start = new Date(`${day}T00:00:00+08:00`);
  if (Number.isNaN(start.getTime()) || chinaDay(start) !== day)
    throw new TypeError(`Not a calendar day: ${day}`);
  return start;
}

/** The day `n` days after (or before, when negative) a China-time day. */
export function addDays(day: string, n: number): string {
  return chinaDay(new Date(chinaDayStart(day).getTime() + n * DAY_MS));
}

/** Whole China-time days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((chinaDayStart(to).getTime() - chinaDayStart(from).getTime()) / DAY_MS);
}

export const HOUR_MS = 60 * 60 * 1000;
export const MINUTE_MS = 60 * 1000;
