/** The call list and the scorecard order: pure, so the rules are tested without a database. */

const DAY_MS = 86_400_000;

export interface DueFirm {
  enterpriseId: string;
  stewardId: string;
  lastCalledAt: Date | null;
}

/**
 * Firms with a live steward whose last call-back is at least `days` days old, or who were never
 * called: never-called first (oldest assignment first), then the longest since a call.
 */
export function dueForCallback(
  live: Array<{ enterpriseId: string; stewardId: string; from: Date }>,
  lastCalled: Map<string, Date>,
  now: Date,
  days: number,
): DueFirm[] {
  const cutoff = now.getTime() - days * DAY_MS;
  return live
    .map((a) => ({ a, last: lastCalled.get(a.enterpriseId) ?? null }))
    .filter(({ last }) => last === null || last.getTime() <= cutoff)
    .sort((x, y) => {
      if (x.last === null || y.last === null) {
        if (x.last !== y.last) return x.last === null ? -1 : 1;
        return x.a.from.getTime() - y.a.from.getTime();
      }
      return x.last.getTime() - y.last.getTime();
    })
    .map(({ a, last }) => ({ enterpriseId: a.enterpriseId, stewardId: a.stewardId, lastCalledAt: last }));
}

interface ScoreRow {
  stewardName: string | null;
  averageSatisfaction: number | null;
  flags: Record<string, number>;
}

const findings = (r: ScoreRow) => Object.values(r.flags).reduce((n, k) => n + k, 0);

/** Stewards with findings first (most first), then the lowest rating, unrated last, then by name. */
export function scorecardOrder(a: ScoreRow, b: ScoreRow): number {
  const byFindings = findings(b) - findings(a);
  if (byFindings !== 0) return byFindings;
  const ra = a.averageSatisfaction ?? Infinity;
  const rb = b.averageSatisfaction ?? Infinity;
  if (ra !== rb) return ra - rb;
  return (a.stewardName ?? '').localeCompare(b.stewardName ?? '', 'zh');
}
