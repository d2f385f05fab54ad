/** Rules of the 动态空岗信息库 (seed 002 §二): staleness, headcount and the 农民工专区. */

export const STALE_AFTER_DAYS = 7;
const DAY_MS = 86_400_000;

/** Unconfirmed by the firm for 7 days: flagged, and hidden from search until confirmed again. */
export function isStale(confirmedAt: Date, now: Date): boolean {
  return now.getTime() - confirmedAt.getTime() >= STALE_AFTER_DAYS * DAY_MS;
}

/** Searchable vacancies were confirmed strictly after this time (at exactly 7 days they are stale). */
export function freshSince(now: Date): Date {
  return new Date(now.getTime() - STALE_AFTER_DAYS * DAY_MS);
}

/** A new headcount may not go below the hires already made. */
export function headcountProblem(headcount: number, filled: number): string | null {
  if (!Number.isInteger(headcount) || headcount < 1) return '招聘人数至少 1 人';
  if (headcount < filled) return `已录用 ${filled} 人，招聘人数不能少于已录用人数`;
  return null;
}

/** The state a vacancy should show for its counts (withdrawn is final and set by the firm). */
export function vacancyStateFor(filled: number, headcount: number): 'open' | 'full' {
  return filled >= headcount ? 'full' : 'open';
}
