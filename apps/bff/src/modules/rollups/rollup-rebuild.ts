import {
  addContribution,
  addDays,
  callbackEvent,
  checkinContribution,
  chinaDay,
  chinaDayStart,
  contributionDelta,
  enterpriseContribution,
  flattenDoc,
  issueContribution,
  nestByDoc,
  NO_CELL,
  OPEN_ISSUE_STATES,
  tripContribution,
  visitEvent,
  isTrendedKey,
  type CellDims,
  type Contribution,
  type EnterpriseFacts,
} from '@fugong/domain';
import type { RollupRebuildReport } from '@fugong/contracts';
import type { Clock } from '../../clock';
import { ROLLUP_FORMAT, type LedgerDoc, type RollupDoc } from './rollup.repository';
import type { RollupRepository } from './rollup.repository';
import { cellOfEnterprise, issueFactsOf, type ReportState, type RollupReaders } from './rollup-sources';

/** Told how far the rebuild got: a stage name and records read so far in it. */
export type RebuildProgress = (stage: string, done: number) => void;

const MAX_DRIFT_LISTED = 200;
const BATCH = 5000;

/**
 * Recounts every rollup from raw data, compares the recount with the stored counters, reports
 * every difference as drift, and replaces counters and ledgers with the recount. Reads each
 * raw collection once through a cursor, so memory grows with enterprises, workers and cells —
 * not with check-ins. Run it when writes are quiet: writes landing during a rebuild may be
 * counted twice or not at all until the next one (the drift report of a second run shows it).
 */
export async function rebuildRollups(
  repo: RollupRepository,
  read: RollupReaders,
  clock: Clock,
  progress: RebuildProgress = () => undefined,
): Promise<RollupRebuildReport> {
  const started = Date.now();
  const today = chinaDay(clock.now());
  const expected: Contribution = {};
  const ledgers: LedgerDoc[] = [];
  const ledger = (key: string, c: Contribution, expireAt: Date | null = null) => {
    if (Object.keys(c).length > 0) ledgers.push({ _id: key, seq: 1, c: Object.entries(c), expireAt });
  };

  const firms = new Map<
    string,
    {
      cell: CellDims;
      headcount: number;
      reports: ReportState[];
      open: string[];
      steward: boolean;
      lastVisit: string | null;
    }
  >();
  let n = 0;
  for await (const e of read.enterprises.cellsForRecount(BATCH)) {
    firms.set(e._id.toHexString(), {
      cell: cellOfEnterprise(e),
      headcount: e.headcount,
      reports: [],
      open: [],
      steward: false,
      lastVisit: null,
    });
    if (++n % BATCH === 0) progress('enterprises', n);
  }
  const cell = (id: string | null | undefined) => (id ? firms.get(id)?.cell : undefined) ?? NO_CELL;

  n = 0;
  for await (const r of read.reopening.reportsForRecount(BATCH)) {
    firms.get(r.enterpriseId.toHexString())?.reports.push({
      day: r.day,
      reopened: r.reopened,
      staffOnSite: r.staffOnSite,
      staffTotal: r.staffTotal,
    });
    if (++n % BATCH === 0) progress('reopening', n);
  }

  n = 0;
  for await (const i of read.issues.issuesForRecount(BATCH)) {
    const eid = i.enterpriseId.toHexString();
    const c = issueContribution(issueFactsOf(i), cell(eid));
    addContribution(expected, c);
    ledger(`iss:${i._id.toHexString()}`, c);
    if ((OPEN_ISSUE_STATES as readonly string[]).includes(i.state)) firms.get(eid)?.open.push(i.category);
    if (++n % BATCH === 0) progress('issues', n);
  }

  for await (const a of read.assignments.liveForRecount(BATCH)) {
    const f = firms.get(a.enterpriseId.toHexString());
    if (f) f.steward = true;
  }

  n = 0;
  for await (const v of read.visits.visitsForRecount(BATCH)) {
    const eid = v.enterpriseId.toHexString();
    const day = chinaDay(v.visitedAt);
    addContribution(expected, visitEvent({ day, stewardId: v.stewardId.toHexString() }, cell(eid)));
    const f = firms.get(eid);
    if (f && (f.lastVisit === null || f.lastVisit < day)) f.lastVisit = day;
    if (++n % BATCH === 0) progress('visits', n);
  }

  for await (const c of read.callbacks.callbacksForRecount(BATCH)) {
    const ev = {
      day: chinaDay(c.calledAt),
      stewardId: c.stewardId?.toHexString() ?? null,
      reached: c.reached,
      satisfaction: c.satisfaction ?? null,
    };
    addContribution(expected, callbackEvent(ev, cell(c.enterpriseId.toHexString())));
  }

  n = 0;
  for (const [id, f] of firms) {
    f.reports.sort((a, b) => (a.day < b.day ? -1 : 1));
    const latest = f.reports.at(-1) ?? null;
    const facts: EnterpriseFacts = {
      cell: f.cell,
      headcount: f.headcount,
      latestReport: latest,
      openIssueCategories: f.open,
      hasSteward: f.steward,
      lastVisitDay: f.lastVisit,
    };
    const c = enterpriseContribution(facts);
    addContribution(expected, c);
    ledger(`ent:${id}`, c);
    addContribution(expected, reopenTrend(f));
    if (++n % BATCH === 0) progress('enterprise rollups', n);
  }

  // Waitlist joins per trip, in one pass over the bookings that ever waited.
  const joins = new Map<string, number>();
  for await (const b of read.bookings.waitlistJoinsForRecount(BATCH)) {
    const id = b.tripId.toHexString();
    joins.set(id, (joins.get(id) ?? 0) + 1);
  }
  n = 0;
  for await (const t of read.trips.tripsForRecount(BATCH)) {
    const facts = { ...t, waitlistJoins: joins.get(t._id.toHexString()) ?? 0 };
    const c = tripContribution(facts, cell(t.destinations[0]?.enterpriseId.toHexString()));
    addContribution(expected, c);
    ledger(`trip:${t._id.toHexString()}`, c);
    if (++n % BATCH === 0) progress('trips', n);
  }

  const employer = new Map<string, string>();
  for await (const u of read.users.employersForRecount(BATCH)) {
    employer.set(u._id.toHexString(), u.enterpriseId!.toHexString());
  }
  n = 0;
  // Only today's and yesterday's check-ins can still be rewritten (by a late sync); older ones need no ledger.
  const mutableFrom = addDays(today, -1);
  for await (const c of read.checkins.checkinsForRecount(BATCH)) {
    const worker = c.workerId.toHexString();
    const contribution = checkinContribution(c, cell(employer.get(worker)));
    addContribution(expected, contribution);
    if (c.day >= mutableFrom) ledger(`ci:${worker}:${c.day}`, contribution, chinaDayStart(addDays(c.day, 2)));
    if (++n % (BATCH * 10) === 0) progress('check-ins', n);
  }

  progress('compare', 0);
  // Cells only: slices are moved by the same single-document updates as their cells, and the
  // cells of older-format documents (named metrics) read back like current ones.
  const stored: Contribution = {};
  for (const d of await repo.allDocs()) flattenDoc(d._id, d.c ?? {}, stored);
  const diff = contributionDelta(stored, expected);
  const drift = Object.entries(diff)
    .slice(0, MAX_DRIFT_LISTED)
    .map(([k, d]) => {
      const [doc, field, metric] = k.split('\t');
      return { doc, field, metric, stored: stored[k] ?? 0, recount: (stored[k] ?? 0) + d };
    });
  // Written in the current format whatever the stored documents were: a rebuild is the migration.
  const docs: RollupDoc[] = [...nestByDoc(expected)].map(([id, counters]) => {
    const [g, d] = id.split('|');
    return { _id: id, g, d, ...counters, v: ROLLUP_FORMAT };
  });
  progress('write', docs.length);
  await repo.replaceAll(docs, ledgers);
  return {
    documents: docs.length,
    ledgers: ledgers.length,
    driftCount: Object.keys(diff).length,
    drift,
    tookMs: Date.now() - started,
  };
}

/** The reopening trend of one enterprise as per-day deltas: each report day's change of its latest status (as the live sync does). */
function reopenTrend(f: { cell: CellDims; headcount: number; reports: ReportState[] }): Contribution {
  const out: Contribution = {};
  const days = [...new Set(f.reports.map((r) => r.day))].sort();
  let prev: Contribution = {};
  for (const day of days) {
    const asOf = f.reports.filter((r) => r.day <= day).at(-1) ?? null;
    const now = enterpriseContribution({
      cell: f.cell,
      headcount: f.headcount,
      latestReport: asOf,
      openIssueCategories: [],
      hasSteward: false,
      lastVisitDay: null,
    });
    for (const [k, d] of Object.entries(contributionDelta(prev, now))) {
      if (!isTrendedKey(k)) continue;
      const dayKey = k.replace(/^reopen\|\*\t/, `reopen|${day}\t`);
      out[dayKey] = (out[dayKey] ?? 0) + d;
    }
    prev = now;
  }
  return out;
}
