import { assertFen, formatYuan, percentOf } from './money';
import type { SubsidyResult } from './types';

/** 失业保险稳岗返还 parameters (seed 000 §一(三)). Rates are per mille so comparisons stay integer. */
export interface UnemploymentRefundParams {
  version: string;
  /** "不高于…5.5%": the layoff-rate ceiling, inclusive, in per mille (55 = 5.5%). */
  maxLayoffPermille: number;
  /** "参保职工30人(含)以下": firms at or below this many insured staff get the small-firm ceiling. */
  smallFirmMaxInsured: number;
  /** "不超过…20%": the small firms' ceiling, inclusive, in per mille. */
  smallFirmMaxLayoffPermille: number;
  /** "返还其上年度实际缴纳失业保险费的50%". */
  refundPercent: number;
}

export const UNEMPLOYMENT_REFUND_2020: UnemploymentRefundParams = {
  version: 'ui-refund-2020-v1',
  maxLayoffPermille: 55,
  smallFirmMaxInsured: 30,
  smallFirmMaxLayoffPermille: 200,
  refundPercent: 50,
};

/** Last year's figures from the social-insurance agency. */
export interface UnemploymentRefundInput {
  /** 中小微企业 (the refund is for SMEs). */
  sme: boolean;
  /** Insured staff at the start of last year: the denominator of the layoff rate. */
  insuredAtStart: number;
  /** People the firm laid off during last year (裁员人数). */
  layoffs: number;
  /** Unemployment-insurance premiums actually paid last year, in fen. */
  premiumsPaidFen: number;
}

export interface UnemploymentRefundFacts extends UnemploymentRefundInput {
  /** layoffs ÷ insuredAtStart in percent, rounded to 0.01 % for display only (the test is exact). */
  layoffPercent: number;
  ceilingPermille: number;
  smallFirm: boolean;
}

/**
 * The layoff rate is defined as last year's layoffs divided by insured staff at the start of
 * last year; the comparison is done in integers (layoffs × 1000 ≤ ceiling × insured) so that
 * exactly 5.5 % or 20 % passes, as "不高于"/"不超过" say.
 */
export function layoffRateWithin(layoffs: number, insured: number, ceilingPermille: number): boolean {
  return layoffs * 1000 <= ceilingPermille * insured;
}

/** 失业保险稳岗返还: refundPercent of last year's premiums for an SME whose layoff rate stays within its ceiling. */
export function unemploymentRefund(
  input: UnemploymentRefundInput,
  params: UnemploymentRefundParams = UNEMPLOYMENT_REFUND_2020,
): SubsidyResult<UnemploymentRefundFacts> {
  assertFen(input.premiumsPaidFen, 'premiumsPaidFen');
  for (const [k, v] of [
    ['insuredAtStart', input.insuredAtStart],
    ['layoffs', input.layoffs],
  ] as const)
    if (!Number.isSafeInteger(v) || v < 0) throw new TypeError(`${k} must be a non-negative integer`);
  const smallFirm = input.insuredAtStart <= params.smallFirmMaxInsured;
  const ceilingPermille = smallFirm ? params.smallFirmMaxLayoffPermille : params.maxLayoffPermille;
  const layoffPercent =
    input.insuredAtStart > 0 ? Math.round((input.layoffs * 10_000) / input.insuredAtStart) / 100 : 0;
  const facts = { ...input, layoffPercent, ceilingPermille, smallFirm };
  const no = (reason: string) => ({
    policy: 'uiRefund' as const,
    version: params.version,
    eligible: false,
    amountFen: 0,
    reason,
    facts,
  });
  const ceiling = `${ceilingPermille / 10}%`;
  const rate = `裁员 ${input.layoffs} 人 ÷ 上年初参保 ${input.insuredAtStart} 人 = ${layoffPercent}%`;
  if (!input.sme) return no('不是中小微企业');
  if (input.insuredAtStart === 0) return no('上年初没有参保职工，无法计算裁员率');
  if (!layoffRateWithin(input.layoffs, input.insuredAtStart, ceilingPermille))
    return no(`${rate}，高于 ${ceiling}`);
  if (input.premiumsPaidFen === 0) return no('上年度未缴纳失业保险费');
  const amountFen = percentOf(input.premiumsPaidFen, params.refundPercent);
  return {
    policy: 'uiRefund',
    version: params.version,
    eligible: true,
    amountFen,
    reason: `上年度实缴失业保险费 ${formatYuan(input.premiumsPaidFen)} × ${params.refundPercent}%（${rate}，不高于 ${ceiling}）`,
    facts,
  };
}
