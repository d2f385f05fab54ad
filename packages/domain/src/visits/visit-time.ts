import { HOUR_MS } from '../time/china-day';

/** A visit may be logged up to 48 h late (a steward back from a site without signal), never ahead. */
export const VISIT_TIME_RULES = { maxBackdateHours: 48, clockSkewMs: 60_000 } as const;

export type VisitTimeCheck = { ok: true } | { ok: false; reason: 'future' | 'too_old'; message: string };

/**
 * Checks the time a steward gives for a visit against the server clock. A minute of skew is
 * tolerated because phone clocks drift; anything more in the future is a typo or a cheat.
 */
export function checkVisitTime(
  visitedAt: Date,
  now: Date,
  rules: { maxBackdateHours: number; clockSkewMs: number } = VISIT_TIME_RULES,
): VisitTimeCheck {
  if (visitedAt.getTime() > now.getTime() + rules.clockSkewMs)
    return { ok: false, reason: 'future', message: '走访时间不能晚于当前时间' };
  if (visitedAt.getTime() < now.getTime() - rules.maxBackdateHours * HOUR_MS) {
    return { ok: false, reason: 'too_old', message: `走访记录最多补录 ${rules.maxBackdateHours} 小时内的` };
  }
  return { ok: true };
}
