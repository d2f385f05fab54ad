import { addWorkingDays, type WorkCalendar } from '../calendar/working-days';

/** 社保缓缴 parameters (seed 000 §一(五)). */
export interface DeferralParams {
  version: string;
  /** "缓缴期最长6个月". */
  maxMonths: number;
  /** "首次申请缓缴期在2个月以内的，开辟绿色通道". */
  greenChannelMaxMonths: number;
  /** "办理时限压缩至1个工作日". */
  greenChannelWorkingDays: number;
  /** Decision time outside the green channel (not fixed by the seed; a local setting). */
  normalWorkingDays: number;
}

export const DEFERRAL_2020: DeferralParams = {
  version: 'deferral-2020-v1',
  maxMonths: 6,
  greenChannelMaxMonths: 2,
  greenChannelWorkingDays: 1,
  normalWorkingDays: 5,
};

export interface DeferralApplication {
  /** 中小企业 受疫情影响生产经营困难. */
  sme: boolean;
  months: number;
  /** No earlier deferral application by the firm. */
  firstApplication: boolean;
  appliedAt: Date;
}

export type DeferralDecision =
  | { accepted: false; reason: string }
  | { accepted: true; greenChannel: boolean; decisionDue: Date; reason: string };

/**
 * Whether a deferral application can be taken, and when it must be decided: a first application
 * for at most 2 months in 1 working day (the calendar skips holidays), others in normalWorkingDays.
 * 养老、失业、工伤 premiums are deferred without late fees; this rule only sets the clock.
 */
export function deferralDecision(
  app: DeferralApplication,
  calendar: WorkCalendar,
  params: DeferralParams = DEFERRAL_2020,
): DeferralDecision {
  if (!Number.isInteger(app.months) || app.months < 1)
    return { accepted: false, reason: '缓缴月数应为正整数' };
  if (app.months > params.maxMonths)
    return { accepted: false, reason: `缓缴期最长 ${params.maxMonths} 个月` };
  if (!app.sme) return { accepted: false, reason: '缓缴仅限中小企业申请' };
  const greenChannel = app.firstApplication && app.months <= params.greenChannelMaxMonths;
  const days = greenChannel ? params.greenChannelWorkingDays : params.normalWorkingDays;
  return {
    accepted: true,
    greenChannel,
    decisionDue: addWorkingDays(app.appliedAt, days, calendar),
    reason: greenChannel
      ? `首次申请缓缴 ${app.months} 个月，走绿色通道，${days} 个工作日内办结`
      : `缓缴 ${app.months} 个月，${days} 个工作日内办结`,
  };
}
