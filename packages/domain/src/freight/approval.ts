import type { ApprovalPath, CargoCategory, ENTERPRISE_SIZES } from '@fugong/contracts';
import { addWorkingDays, type WorkCalendar } from '../calendar/working-days';

type EnterpriseSize = (typeof ENTERPRISE_SIZES)[number];

/**
 * Seed 000 §二(三) (一断三不断): the 绿色通道 gives priority to 疫情防控物资、生活必需品、重点生产物资, and
 * 通行证网上办理 is to make their passes quick — so any applicant carrying them is approved at once
 * on its 告知承诺.
 */
export const GREEN_CHANNEL_CARGO: readonly CargoCategory[] = [
  'epidemic_supplies',
  'daily_necessities',
  'key_production',
];

/**
 * Seed 004 §5 puts 中小微企业生产运行所需的原材辅料、生产设备及零部件、产成品 into 应急运输保障 with a green
 * channel: for a small firm (规下 in the registry, the nearest the registry comes to 中小微) these
 * are approved at once too. A 规上 firm's raw materials or parts are not named by either seed,
 * so they wait for a transport officer.
 */
export const SME_GREEN_CHANNEL_CARGO: readonly CargoCategory[] = [
  'raw_materials',
  'components',
  'finished_goods',
];

/** Whether an application is approved at once under 告知承诺 or reviewed by a transport officer. */
export function approvalPathFor(cargo: CargoCategory, applicantSize: EnterpriseSize): ApprovalPath {
  if (GREEN_CHANNEL_CARGO.includes(cargo)) return 'commitment';
  if (applicantSize === 'below' && SME_GREEN_CHANNEL_CARGO.includes(cargo)) return 'commitment';
  return 'review';
}

/**
 * A reviewed application is decided within one working day (seed 000 压缩审批时间; the 1-working-day
 * 绿色通道 deadline the same seed sets for social-insurance deferral, the only number it gives).
 */
export const FREIGHT_REVIEW_WORKING_DAYS = 1;

/** When the transport officer must have decided an application made at `appliedAt`. */
export function freightReviewDue(appliedAt: Date, calendar: WorkCalendar): Date {
  return addWorkingDays(appliedAt, FREIGHT_REVIEW_WORKING_DAYS, calendar);
}
