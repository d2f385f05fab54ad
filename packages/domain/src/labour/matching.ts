/**
 * How well a seeker fits a vacancy, 0–100, for the firm's list of candidates and the seeker's
 * daily digest. Industry and place weigh most (a worker looks for a kind of work in a place),
 * then wage, then the position words and certificates.
 */
export interface MatchSeeker {
  wantedIndustries: readonly string[];
  wantedPositions: readonly string[];
  willingRegionCodes: readonly string[];
  homeRegionCode: string;
  expectedWage: number;
  certificates: readonly string[];
}

export interface MatchVacancy {
  industry: string;
  position: string;
  regionCode: string;
  wageMin: number;
  wageMax: number;
  certificateRequired: boolean;
}

/** Same county scores full, same city most, same province some. */
function placeScore(regionCode: string, wanted: readonly string[], home: string): number {
  const targets = wanted.length > 0 ? wanted : [home];
  let best = 0;
  for (const t of targets) {
    if (t === regionCode) best = Math.max(best, 1);
    else if (t.slice(0, 4) === regionCode.slice(0, 4)) best = Math.max(best, 0.7);
    else if (t.slice(0, 2) === regionCode.slice(0, 2)) best = Math.max(best, 0.4);
  }
  // Anywhere is fine when the seeker named no place: half the weight, not nothing.
  return wanted.length === 0 ? Math.max(best, 0.5) : best;
}

function wageScore(expected: number, max: number): number {
  if (max >= expected) return 1;
  // Below expectation: linear down to 0 at 30 % short.
  return Math.max(0, 1 - (expected - max) / (expected * 0.3));
}

export function matchScore(s: MatchSeeker, v: MatchVacancy): number {
  const industry = s.wantedIndustries.includes(v.industry) ? 1 : 0;
  const position = s.wantedPositions.some((p) => v.position.includes(p) || p.includes(v.position)) ? 1 : 0;
  const certificates = v.certificateRequired ? (s.certificates.length > 0 ? 1 : 0) : 1;
  const score =
    35 * industry +
    30 * placeScore(v.regionCode, s.willingRegionCodes, s.homeRegionCode) +
    20 * wageScore(s.expectedWage, v.wageMax) +
    10 * position +
    5 * certificates;
  return Math.round(score);
}

/** Good enough to push to the seeker (one-to-one push, seed 003). */
export const DIGEST_MIN_SCORE = 60;

/** A digest names at most this many vacancies (the notice shows the best one; the page lists them). */
export const DIGEST_MAX_VACANCIES = 10;
/** Digests go out from 08:00 China time: new postings reach people in the morning, never at night. */
export const DIGEST_FROM_HOUR = 8;

/**
 * The new vacancies worth pushing to one seeker: those in an industry they want that score at
 * least DIGEST_MIN_SCORE, leaving out the ones an earlier digest already named, best first
 * (newest first among equals). Empty means no digest for them today.
 */
export function digestPicks<V extends MatchVacancy & { id: string; postedAt: Date }>(
  s: MatchSeeker,
  fresh: readonly V[],
  alreadySent: ReadonlySet<string> = new Set(),
): V[] {
  return fresh
    .filter((v) => !alreadySent.has(v.id) && s.wantedIndustries.includes(v.industry))
    .map((v) => ({ v, score: matchScore(s, v) }))
    .filter((x) => x.score >= DIGEST_MIN_SCORE)
    .sort((a, b) => b.score - a.score || b.v.postedAt.getTime() - a.v.postedAt.getTime())
    .slice(0, DIGEST_MAX_VACANCIES)
    .map((x) => x.v);
}

/**
 * Things grouped by the industry they are in (or want: a seeker under each industry they name,
 * once), so a day's matching scores each seeker only against the industries they want instead
 * of against every new posting — at city scale that scoring was most of the digest's time.
 */
export function byIndustry<T>(
  items: readonly T[],
  industriesOf: (t: T) => readonly string[],
): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of items)
    for (const industry of new Set(industriesOf(t))) {
      const list = out.get(industry);
      if (list) list.push(t);
      else out.set(industry, [t]);
    }
  return out;
}

/** The new seekers who fit a vacancy well enough to tell its firm of them (the firms' daily digest). */
export function fittingSeekers<S extends MatchSeeker>(v: MatchVacancy, seekers: readonly S[]): S[] {
  return seekers.filter(
    (s) => s.wantedIndustries.includes(v.industry) && matchScore(s, v) >= DIGEST_MIN_SCORE,
  );
}

type Fresh = MatchVacancy & { id: string; postedAt: Date };

/**
 * A day's new postings laid out for the digest sweep: by industry, then by work place and
 * position. A seeker's place and position scores depend only on those, so they are worked out
 * once per group instead of once per vacancy; what is left per vacancy is its wage and
 * certificates, plain arithmetic. At city scale (200,000 seekers against a day's postings)
 * scoring every pair with matchScore was most of the digest's time. Picks what digestPicks
 * picks, in the same order.
 */
export class FreshPostings<V extends Fresh> {
  private readonly groups = new Map<string, { regionCode: string; position: string; vacancies: V[] }[]>();
  /** Each posting's place in the day's list: equal picks keep digestPicks' order. */
  private readonly order = new Map<V, number>();

  constructor(fresh: readonly V[]) {
    fresh.forEach((v, i) => this.order.set(v, i));
    for (const [industry, vs] of byIndustry(fresh, (v) => [v.industry])) {
      const byPlace = new Map<string, { regionCode: string; position: string; vacancies: V[] }>();
      for (const v of vs) {
        const key = `${v.regionCode}\u0000${v.position}`;
        const g = byPlace.get(key);
        if (g) g.vacancies.push(v);
        else byPlace.set(key, { regionCode: v.regionCode, position: v.position, vacancies: [v] });
      }
      this.groups.set(industry, [...byPlace.values()]);
    }
  }

  /** The industries with new postings (the seekers worth reading want one of them). */
  industries(): string[] {
    return [...this.groups.keys()];
  }

  /** digestPicks(s, fresh, alreadySent), without scoring the seeker against other industries. */
  picksFor(s: MatchSeeker, alreadySent: ReadonlySet<string> = new Set()): V[] {
    const scored: { v: V; score: number }[] = [];
    const certificates = s.certificates.length > 0 ? 1 : 0;
    for (const industry of new Set(s.wantedIndustries))
      for (const g of this.groups.get(industry) ?? []) {
        const place = placeScore(g.regionCode, s.willingRegionCodes, s.homeRegionCode);
        const position = s.wantedPositions.some((p) => g.position.includes(p) || p.includes(g.position))
          ? 1
          : 0;
        for (const v of g.vacancies) {
          if (alreadySent.has(v.id)) continue;
          // The same sum, in the same order, as matchScore: the same rounding at the threshold.
          const score = Math.round(
            35 +
              30 * place +
              20 * wageScore(s.expectedWage, v.wageMax) +
              10 * position +
              5 * (v.certificateRequired ? certificates : 1),
          );
          if (score >= DIGEST_MIN_SCORE) scored.push({ v, score });
        }
      }
    return scored
      .sort(
        (a, b) =>
          b.score - a.score ||
          b.v.postedAt.getTime() - a.v.postedAt.getTime() ||
          this.order.get(a.v)! - this.order.get(b.v)!,
      )
      .slice(0, DIGEST_MAX_VACANCIES)
      .map((x) => x.v);
  }
}
