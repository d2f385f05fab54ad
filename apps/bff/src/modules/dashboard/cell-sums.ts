import { addDays, cellMatches, type CellFilter, type ParsedCell } from '@fugong/domain';
import type { Metrics, RollupView } from '../rollups';

export type { Metrics };

/** Adds `b` into `a` (scaled by `sign`, -1 to subtract) and returns `a`. */
export function addMetrics(a: Metrics, b: Metrics, sign = 1): Metrics {
  for (const k in b) a[k] = (a[k] ?? 0) + sign * b[k];
  return a;
}

/**
 * Sums the entries of some rollup documents that match the filter, grouped by `by(cell)` (null
 * drops the entry). Sliced documents hold only the filter's entries already; whole documents are
 * filtered cell by cell. This walk is the whole cost of a figure.
 */
export function sumCells(
  docs: RollupView[],
  filter: CellFilter,
  by: (cell: ParsedCell) => string | null,
  sign = 1,
  into = new Map<string, Metrics>(),
): Map<string, Metrics> {
  for (const doc of docs) {
    for (const { cell, m } of doc.cells) {
      if (!doc.sliced && !cellMatches(cell, filter)) continue;
      const group = by(cell);
      if (group === null) continue;
      let acc = into.get(group);
      if (!acc) into.set(group, (acc = {}));
      addMetrics(acc, m, sign);
    }
  }
  return into;
}

/** Totals as of a date: the running totals minus the per-day documents after it. */
export interface AsOf {
  plus: RollupView[];
  minus: RollupView[];
}

/** sumCells over an AsOf pair. */
export function sumAsOf(
  docs: AsOf,
  filter: CellFilter,
  by: (cell: ParsedCell) => string | null,
): Map<string, Metrics> {
  return sumCells(docs.minus, filter, by, -1, sumCells(docs.plus, filter, by));
}

/** The single total of a grouping (everything under one key). */
export const total = (m: Map<string, Metrics>, key = ''): Metrics => m.get(key) ?? {};

/** num/den rounded to 4 places; null when there is nothing to divide by. */
export const ratio = (num: number | undefined, den: number | undefined): number | null =>
  den ? Math.round(((num ?? 0) / den) * 10_000) / 10_000 : null;

/** Average of a sum over a count, one decimal; null without any count. */
export const average = (sum: number | undefined, count: number | undefined): number | null =>
  count ? Math.round(((sum ?? 0) / count) * 10) / 10 : null;

/** The days from `from` to `to` inclusive, oldest first. */
export function dayRange(from: string, to: string, addDays: (d: string, n: number) => string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The window's totals on one day (a travel day, a check-in day). */
export const dayTotal = (window: RollupView[], f: CellFilter, day: string) =>
  total(
    sumCells(
      window.filter((d) => d.d === day),
      f,
      () => '',
    ),
  );

/** One row a day from `from` to `date`, labelled MM-DD, of that day's totals (the charts' trend). */
export function dailyTrend<R>(
  window: RollupView[],
  f: CellFilter,
  from: string,
  date: string,
  row: (key: string, label: string, m: Metrics) => R,
): R[] {
  return dayRange(from, date, addDays).map((day) => row(day, day.slice(5), dayTotal(window, f, day)));
}
