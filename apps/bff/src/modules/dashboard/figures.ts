import {
  ISSUE_CATEGORY_LABELS,
  PROVINCE_LABELS,
  SIZE_LABELS,
  departmentName,
  regionLabel,
  type DashboardSummary,
  type IssueCategory,
} from '@fugong/contracts';
import { addDays, type CellFilter } from '@fugong/domain';
import type { RollupView } from '../rollups';
import {
  addMetrics,
  average,
  dailyTrend,
  dayRange,
  dayTotal,
  ratio,
  sumAsOf,
  sumCells,
  total,
  type AsOf,
  type Metrics,
} from './cell-sums';

/** Categories open at this many enterprises or more are 共性问题. */
export const COMMON_PROBLEM_MIN_ENTERPRISES = 3;
/** A steward whose call-back average is at or below this is listed as low-rated. */
const LOW_RATING = 3;

type Summary = DashboardSummary;
const byDesc =
  <T extends { key: string }>(f: (r: T) => number) =>
  (a: T, b: T) =>
    f(b) - f(a) || a.key.localeCompare(b.key);
const categoryLabel = (c: string) => ISSUE_CATEGORY_LABELS[c as IssueCategory] ?? c;

/**
 * The categories of open issues from the enterprise rollup, counted by the firms and issues that
 * `counts` picks from a category's metrics (all firms with one open, or only the closed ones it
 * blocks), at `minEnterprises` firms or more, most firms first.
 */
function openCategories(
  openByCategory: RollupView[],
  f: CellFilter,
  counts: (m: Metrics) => [number | undefined, number | undefined],
  minEnterprises: number,
) {
  return [...sumCells(openByCategory, f, (c) => c.extra[0])]
    .map(([k, m]) => {
      const [enterprises, issues] = counts(m);
      return { key: k, label: categoryLabel(k), enterprises: enterprises ?? 0, issues: issues ?? 0 };
    })
    .filter((r) => r.enterprises >= minEnterprises)
    .sort(byDesc((r) => r.enterprises));
}

function reopenRow(key: string, label: string, m: Metrics) {
  return {
    key,
    label,
    enterprises: m.enterprises ?? 0,
    reopened: m.reopened ?? 0,
    reopenRate: ratio(m.reopened, m.enterprises),
    staffOnSite: m.staffOnSite ?? 0,
    staffTotal: m.staffTotal ?? 0,
    returnRate: ratio(m.staffOnSite, m.staffTotal),
  };
}

/**
 * Reopening as of `date`: the current totals minus the per-day deltas recorded after it, and the
 * trend as the same subtraction walked back one day at a time.
 */
export function reopeningFigure(
  current: RollupView[],
  deltasAfterFrom: RollupView[],
  f: CellFilter,
  date: string,
  from: string,
): Summary['reopening'] & { closedWithIssues: number } {
  const cell = (by: (c: { region: string; industry: string; size: string }) => string) => {
    const m = sumCells(current, f, by);
    sumCells(
      deltasAfterFrom.filter((d) => d.d > date),
      f,
      by,
      -1,
      m,
    );
    return m;
  };
  const all = total(cell(() => ''));
  const rows = (m: Map<string, Metrics>, label: (k: string) => string) =>
    [...m]
      .map(([k, v]) => reopenRow(k, label(k), v))
      .filter((r) => r.enterprises > 0)
      .sort(byDesc((r) => r.enterprises));
  // Walk back from `date`: as-of(d-1) = as-of(d) − delta(d).
  const deltaOf = new Map<string, Metrics>();
  for (const d of deltasAfterFrom) deltaOf.set(d.d, total(sumCells([d], f, () => '')));
  const trend = [];
  let running = { ...all };
  for (const day of dayRange(from, date, addDays).reverse()) {
    trend.push(reopenRow(day, day.slice(5), running));
    running = addMetrics({ ...running }, deltaOf.get(day) ?? {}, -1);
  }
  return {
    enterprises: all.enterprises ?? 0,
    reported: all.reported ?? 0,
    reopened: all.reopened ?? 0,
    reopenRate: ratio(all.reopened, all.enterprises),
    headcount: all.headcount ?? 0,
    staffOnSite: all.staffOnSite ?? 0,
    staffTotal: all.staffTotal ?? 0,
    returnRate: ratio(all.staffOnSite, all.staffTotal),
    closedWithIssues: all.closedWithIssues ?? 0,
    byRegion: rows(
      cell((c) => c.region),
      regionLabel,
    ),
    byIndustry: rows(
      cell((c) => c.industry),
      (k) => k,
    ),
    bySize: rows(
      cell((c) => c.size),
      (k) => SIZE_LABELS[k] ?? k,
    ),
    trend: trend.reverse(),
  };
}

/** Transport on `date` (travel day), by origin province, and per day over the window. */
export function transportFigure(
  window: RollupView[],
  f: CellFilter,
  date: string,
  from: string,
): Summary['transport'] {
  const row = (key: string, label: string, m: Metrics) => ({
    key,
    label,
    trips: m.trips ?? 0,
    seats: m.seats ?? 0,
    booked: m.booked ?? 0,
    boarded: m.boarded ?? 0,
    waitTickets: m.waitTickets ?? 0,
  });
  const onDay = window.filter((d) => d.d === date);
  const all = dayTotal(window, f, date);
  const byProvince = [...sumCells(onDay, f, (c) => c.extra[0] ?? null)]
    .map(([k, m]) => row(k, PROVINCE_LABELS[k] ?? k, m))
    .sort(byDesc((r) => r.boarded + r.booked));
  const trend = dailyTrend(window, f, from, date, row);
  return { ...row('', '', all), byProvince, trend } as Summary['transport'];
}

function issueRow(key: string, label: string, m: Metrics) {
  return {
    key,
    label,
    total: m.total ?? 0,
    open: m.open ?? 0,
    overdue: m.overdue ?? 0,
    answered: m.answered ?? 0,
    answeredOnTime: m.answeredOnTime ?? 0,
    onTimeRate: ratio(m.answeredOnTime, m.answered),
    satisfaction: average(m.ratingSum, m.rated),
  };
}

/** Issues reported up to `date` (their states are the current ones), plus 共性问题 from the enterprise rollup. */
export function issuesFigure(reported: AsOf, openByCategory: RollupView[], f: CellFilter): Summary['issues'] {
  const all = total(sumAsOf(reported, f, () => ''));
  const byCategory = [...sumAsOf(reported, f, (c) => c.extra[0])]
    .map(([k, m]) => issueRow(k, categoryLabel(k), m))
    .sort(byDesc((r) => r.total));
  const byDepartment = [...sumAsOf(reported, f, (c) => c.extra[1])]
    .map(([k, m]) => issueRow(k, k === 'none' ? '未派单' : departmentName(k), m))
    .sort(byDesc((r) => r.total));
  const common = openCategories(
    openByCategory,
    f,
    (m) => [m.enterprises, m.issues],
    COMMON_PROBLEM_MIN_ENTERPRISES,
  );
  const head = issueRow('', '', all);
  return {
    total: head.total,
    open: head.open,
    overdue: head.overdue,
    answered: head.answered,
    answeredOnTime: head.answeredOnTime,
    onTimeRate: head.onTimeRate,
    rated: all.rated ?? 0,
    satisfaction: head.satisfaction,
    byCategory,
    byDepartment,
    common,
  };
}

/** For enterprises not reopened: how many, and the categories of their open issues. */
export function whyNotReopenedFigure(
  reopening: Summary['reopening'] & { closedWithIssues: number },
  openByCategory: RollupView[],
  f: CellFilter,
): Summary['whyNotReopened'] {
  const byCategory = openCategories(openByCategory, f, (m) => [m.blocked, m.blockedIssues], 1);
  return {
    closedEnterprises: reopening.enterprises - reopening.reopened,
    blockedEnterprises: reopening.closedWithIssues,
    byCategory,
  };
}

/** Health on `date` by region, and per day over the window. */
export function healthFigure(
  window: RollupView[],
  f: CellFilter,
  date: string,
  from: string,
): Summary['health'] {
  const row = (key: string, label: string, m: Metrics) => ({
    key,
    label,
    checkins: m.checkins ?? 0,
    abnormalTemp: m.abnormalTemp ?? 0,
    nonGreen: m.nonGreen ?? 0,
  });
  const onDay = window.filter((d) => d.d === date);
  const all = dayTotal(window, f, date);
  const byRegion = [...sumCells(onDay, f, (c) => c.region)]
    .map(([k, m]) => row(k, regionLabel(k), m))
    .sort(byDesc((r) => r.checkins));
  const trend = dailyTrend(window, f, from, date, row);
  return {
    checkins: all.checkins ?? 0,
    abnormalTemp: all.abnormalTemp ?? 0,
    nonGreen: all.nonGreen ?? 0,
    byRegion,
    trend,
  };
}

/** Stewards: coverage (not visited in 7 days), visits per steward in the 7 days to `date`, call-back ratings up to `date`. */
export function stewardsFigure(
  coverage: RollupView[],
  visits: RollupView[],
  calls: AsOf,
  f: CellFilter,
  date: string,
): Summary['stewards'] {
  const lapseBefore = addDays(date, -6);
  let assigned = 0;
  let notVisited = 0;
  for (const [lastDay, m] of sumCells(coverage, f, (c) => c.extra[0])) {
    assigned += m.enterprises ?? 0;
    if (lastDay === 'never' || lastDay < lapseBefore) notVisited += m.enterprises ?? 0;
  }
  const perSteward = [...sumCells(visits, f, (c) => c.extra[0])]
    .map(([id, m]) => ({ stewardId: id, name: null as string | null, visits: m.visits ?? 0 }))
    .sort((a, b) => b.visits - a.visits || a.stewardId.localeCompare(b.stewardId));
  const callTotals = total(sumAsOf(calls, f, () => ''));
  const lowRated = [...sumAsOf(calls, f, (c) => (c.extra[0] === 'none' ? null : c.extra[0]))]
    .filter(([, m]) => (m.rated ?? 0) > 0 && (average(m.ratingSum, m.rated) ?? 5) <= LOW_RATING)
    .map(([id, m]) => ({
      stewardId: id,
      name: null as string | null,
      rated: m.rated ?? 0,
      satisfaction: average(m.ratingSum, m.rated)!,
    }))
    .sort((a, b) => a.satisfaction - b.satisfaction || a.stewardId.localeCompare(b.stewardId))
    .slice(0, 10);
  return {
    assignedEnterprises: assigned,
    notVisited7d: notVisited,
    visits: perSteward.reduce((s, r) => s + r.visits, 0),
    activeStewards: perSteward.length,
    visitsPerSteward: perSteward.slice(0, 10),
    callbacks: {
      calls: callTotals.calls ?? 0,
      reached: callTotals.reached ?? 0,
      rated: callTotals.rated ?? 0,
      satisfaction: average(callTotals.ratingSum, callTotals.rated),
    },
    lowRated,
  };
}
