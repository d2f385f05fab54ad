import { chinaDayStart } from '../time/china-day';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The same day `n` months later; a day the target month lacks becomes its last day
 * (01-31 + 1 month = 02-28/29), as a civil-law period ending in a shorter month does.
 */
export function addMonths(day: string, n: number): string {
  chinaDayStart(day);
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/** The same day `n` years later (02-29 becomes 02-28 in a common year). */
export function addYears(day: string, n: number): string {
  return addMonths(day, n * 12);
}
