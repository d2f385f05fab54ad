import { OPEN_ISSUE_STATES } from '../issues/state-machine';
import { PASS_RULES } from '../pass/pass-status';
import { cellKey, type CellDims } from './cells';

/**
 * A contribution is what one source record currently adds to the rollups, as a flat map
 * `docId \t fieldKey \t metric → n`. The rollup service stores each record's last applied
 * contribution and increments the counters by the difference, so re-applying the same state
 * is a no-op and a changed state moves exactly the difference.
 */
export type Contribution = Record<string, number>;

/** Rollup groups; `reopen` is also kept per day as deltas so the trend can be replayed. */
export const ROLLUP_GROUPS = {
  reopen: 'reopen',
  openByCategory: 'ecat',
  visitCoverage: 'vcov',
  transport: 'trans',
  issues: 'iss',
  health: 'health',
  visits: 'visits',
  callbacks: 'calls',
} as const;

/** The document holding the current totals of a group. */
export const CURRENT = '*';

/** Id of a rollup document: group and day (or CURRENT). */
export const rollupDocId = (group: string, day: string) => `${group}|${day}`;

/** Groups whose CURRENT document is mirrored into per-day delta documents (the trend). */
export const TRENDED_GROUPS: readonly string[] = [ROLLUP_GROUPS.reopen];

/**
 * The metrics of a trended group that change by day. Registry totals (enterprises, headcount)
 * are read as they are now: the registry's history is not what the command follows, and its
 * timestamps come from the wall clock rather than the reporting day.
 */
export const TRENDED_METRICS: readonly string[] = ['reported', 'reopened', 'staffOnSite', 'staffTotal'];

/** True for a contribution key whose change belongs in the per-day trend documents. */
export function isTrendedKey(key: string): boolean {
  const [docId, , metric] = key.split('\t');
  const [group, day] = docId.split('|');
  return day === CURRENT && TRENDED_GROUPS.includes(group) && TRENDED_METRICS.includes(metric);
}

function add(out: Contribution, docId: string, field: string, metrics: Record<string, number>): void {
  for (const [m, n] of Object.entries(metrics)) {
    if (n === 0) continue;
    const k = `${docId}\t${field}\t${m}`;
    out[k] = (out[k] ?? 0) + n;
  }
}

/** Everything the enterprise-level figures need about one enterprise, read fresh at sync time. */
export interface EnterpriseFacts {
  cell: CellDims;
  headcount: number;
  latestReport: { reopened: boolean; staffOnSite: number; staffTotal: number } | null;
  /** Category of each open issue of the enterprise (one entry per issue). */
  openIssueCategories: string[];
  hasSteward: boolean;
  /** China day of the last steward visit, or null when never visited. */
  lastVisitDay: string | null;
}

/** Registry, reopening status, open-issue categories (why not reopened) and visit coverage. */
export function enterpriseContribution(f: EnterpriseFacts): Contribution {
  const out: Contribution = {};
  const cell = cellKey(f.cell);
  const r = f.latestReport;
  add(out, rollupDocId(ROLLUP_GROUPS.reopen, CURRENT), cell, {
    enterprises: 1,
    headcount: f.headcount,
    reported: r ? 1 : 0,
    reopened: r?.reopened ? 1 : 0,
    staffOnSite: r ? r.staffOnSite : 0,
    staffTotal: r ? r.staffTotal : 0,
    closedWithIssues: !r?.reopened && f.openIssueCategories.length > 0 ? 1 : 0,
  });
  const perCategory = new Map<string, number>();
  for (const c of f.openIssueCategories) perCategory.set(c, (perCategory.get(c) ?? 0) + 1);
  for (const [category, n] of perCategory) {
    add(out, rollupDocId(ROLLUP_GROUPS.openByCategory, CURRENT), `${cell}~${category}`, {
      enterprises: 1,
      blocked: r?.reopened ? 0 : 1,
      issues: n,
      blockedIssues: r?.reopened ? 0 : n,
    });
  }
  if (f.hasSteward)
    add(out, rollupDocId(ROLLUP_GROUPS.visitCoverage, CURRENT), `${cell}~${f.lastVisitDay ?? 'never'}`, {
      enterprises: 1,
    });
  return out;
}

/** The parts of a trip the transport figures count. */
export interface TripFacts {
  status: 'draft' | 'published' | 'cancelled';
  travelDay: string;
  originRegionCode: string;
  capacity: number;
  bookedCount: number;
  boardedCount: number;
  /** Bookings that ever joined the trip's waitlist (the demand its seats did not meet). */
  waitlistJoins: number;
}

/** Province (first two digits) of a division code, as a six-digit code: 520102 → 520000. */
export const provinceOf = (regionCode: string) => `${regionCode.slice(0, 2)}0000`;

/**
 * A published trip counts once with its seats (the occupancy-capped capacity), seats held,
 * people boarded and bookings that joined its waitlist, on its travel day, in its first destination's cell and
 * its origin province. Drafts and cancelled trips count nothing.
 */
export function tripContribution(t: TripFacts, cell: CellDims): Contribution {
  const out: Contribution = {};
  if (t.status !== 'published') return out;
  add(
    out,
    rollupDocId(ROLLUP_GROUPS.transport, t.travelDay),
    `${cellKey(cell)}~${provinceOf(t.originRegionCode)}`,
    {
      trips: 1,
      seats: t.capacity,
      booked: t.bookedCount,
      boarded: t.boardedCount,
      waitTickets: t.waitlistJoins,
    },
  );
  return out;
}

/** The parts of an issue the issue figures count. */
export interface IssueFacts {
  category: string;
  departmentCode: string | null;
  state: string;
  escalated: boolean;
  reportedDay: string;
  rating: number | null;
  progress: { dueAt: Date | null; metAt: Date | null };
}

/**
 * One issue, counted on the day it was reported. "Overdue" is an open issue the sweep has
 * escalated (a deadline passed); "answered on time" is an answer given before the progress
 * deadline (or by the command directly, when no department clock ran).
 */
export function issueContribution(i: IssueFacts, cell: CellDims): Contribution {
  const out: Contribution = {};
  const open = (OPEN_ISSUE_STATES as readonly string[]).includes(i.state);
  const answered = i.progress.metAt !== null || i.state === 'answered' || i.state === 'confirmed';
  const onTime =
    i.progress.metAt !== null && (i.progress.dueAt === null || i.progress.metAt <= i.progress.dueAt);
  const metrics = {
    total: 1,
    open: open ? 1 : 0,
    overdue: open && i.escalated ? 1 : 0,
    answered: answered ? 1 : 0,
    answeredOnTime: onTime ? 1 : 0,
    rated: i.rating !== null ? 1 : 0,
    ratingSum: i.rating ?? 0,
  };
  // Counted on its report day (for "reported up to a date") and in the running total, so the
  // common case — up to today — is one document.
  const field = `${cellKey(cell)}~${i.category}~${i.departmentCode ?? 'none'}`;
  add(out, rollupDocId(ROLLUP_GROUPS.issues, i.reportedDay), field, metrics);
  add(out, rollupDocId(ROLLUP_GROUPS.issues, CURRENT), field, metrics);
  return out;
}

/** The parts of a check-in the health figures count. */
export interface CheckinFactsForRollup {
  day: string;
  temperature: number;
  healthCode: string;
}

/** One check-in on its day, in the worker's employer's cell. */
export function checkinContribution(c: CheckinFactsForRollup, cell: CellDims): Contribution {
  const out: Contribution = {};
  add(out, rollupDocId(ROLLUP_GROUPS.health, c.day), cellKey(cell), {
    checkins: 1,
    abnormalTemp: c.temperature >= PASS_RULES.feverFromC ? 1 : 0,
    nonGreen: c.healthCode !== 'green' ? 1 : 0,
  });
  return out;
}

/** A steward visit, counted once on its day (visits are never edited). */
export function visitEvent(v: { day: string; stewardId: string }, cell: CellDims): Contribution {
  const out: Contribution = {};
  add(out, rollupDocId(ROLLUP_GROUPS.visits, v.day), `${cellKey(cell)}~${v.stewardId}`, { visits: 1 });
  return out;
}

/** A call-back, counted once on its day (call-backs are never edited). */
export function callbackEvent(
  c: { day: string; stewardId: string | null; reached: boolean; satisfaction: number | null },
  cell: CellDims,
): Contribution {
  const out: Contribution = {};
  const rated = c.reached && c.satisfaction !== null;
  const metrics = {
    calls: 1,
    reached: c.reached ? 1 : 0,
    rated: rated ? 1 : 0,
    ratingSum: rated ? c.satisfaction! : 0,
  };
  const field = `${cellKey(cell)}~${c.stewardId ?? 'none'}`;
  add(out, rollupDocId(ROLLUP_GROUPS.callbacks, c.day), field, metrics);
  add(out, rollupDocId(ROLLUP_GROUPS.callbacks, CURRENT), field, metrics);
  return out;
}
