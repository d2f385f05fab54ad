import type { CheckResult, FreightStatus } from '@fugong/contracts';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/**
 * The validity window a pass may ask for. A pass starts now (a phone's clock and a form filled
 * in on a slow connection may lag: 15 minutes of grace) or within the coming week, lasts at
 * least an hour, and at most 30 days — an epidemic-time pass is re-issued monthly at the
 * longest, so a revoked firm cannot live on an old one.
 */
export const FREIGHT_VALIDITY = {
  startGraceMs: 15 * MINUTE_MS,
  maxStartAheadMs: 7 * DAY_MS,
  minLengthMs: HOUR_MS,
  maxLengthMs: 30 * DAY_MS,
} as const;

/** One problem with a requested window, in the shape of a field issue. */
export interface ValidityIssue {
  path: 'validFrom' | 'validUntil';
  code: 'start_past' | 'start_too_far' | 'too_short' | 'too_long';
  message: string;
}

/** Everything wrong with a requested validity window at `now` (empty when it is acceptable). */
export function validityIssues(from: Date, until: Date, now: Date): ValidityIssue[] {
  const v = FREIGHT_VALIDITY;
  const issues: ValidityIssue[] = [];
  if (from.getTime() < now.getTime() - v.startGraceMs)
    issues.push({ path: 'validFrom', code: 'start_past', message: '开始时间不能早于当前时间' });
  if (from.getTime() > now.getTime() + v.maxStartAheadMs)
    issues.push({ path: 'validFrom', code: 'start_too_far', message: '开始时间最多提前 7 天' });
  const length = until.getTime() - from.getTime();
  if (length < v.minLengthMs)
    issues.push({ path: 'validUntil', code: 'too_short', message: '结束时间应至少晚于开始时间 1 小时' });
  if (length > v.maxLengthMs)
    issues.push({ path: 'validUntil', code: 'too_long', message: '有效期最长 30 天' });
  return issues;
}

/** What a checkpoint sees for a pass at `now`: revocation first, then approval, then the window. */
export function freightPassVerdict(
  pass: { status: FreightStatus; validFrom: Date; validUntil: Date },
  now: Date,
): Exclude<CheckResult, 'code_invalid'> {
  if (pass.status === 'revoked') return 'revoked';
  if (pass.status !== 'approved') return 'not_approved';
  if (now.getTime() < pass.validFrom.getTime()) return 'not_yet_valid';
  if (now.getTime() >= pass.validUntil.getTime()) return 'expired';
  return 'valid';
}
