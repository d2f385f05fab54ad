import { addDays, chinaDayStart } from '../time/china-day';
import { assertFen, formatYuan } from './money';
import { addMonths, addYears } from './calendar-math';
import { firstReason, sortedBy, type Excluded, type SubsidyResult } from './types';

/** 一次性吸纳就业补贴 parameters (seed 004 §3). */
export interface HiringSubsidyParams {
  version: string;
  /** First day of the hiring window (China day), "2020年2月10日起". */
  windowStart: string;
  /** Length of the window in months, "一个月内": hires from windowStart up to (not including) the same day a month later. */
  windowMonths: number;
  perPersonFen: number;
  /** "签订1年以上劳动合同": at least this many years, 以上 including the number itself. */
  minContractYears: number;
}

export const HIRING_SUBSIDY_2020: HiringSubsidyParams = {
  version: 'hiring-2020-v1',
  windowStart: '2020-02-10',
  windowMonths: 1,
  perPersonFen: 100_000,
  minContractYears: 1,
};

/** One person on the firm's social-insurance roster. */
export interface RosterPerson {
  /** A stable key for the person (the BFF uses a keyed hash of the ID number, never the number). */
  personKey: string;
  hiredOn: string;
  contractStart: string;
  /** Last day of the contract, inclusive; null for an open-ended contract (无固定期限). */
  contractEnd: string | null;
  /** Social insurance paid for the person (缴纳社会保险). */
  insured: boolean;
}

export interface HiringFacts {
  windowStart: string;
  /** Last day of the window, inclusive. */
  windowEnd: string;
  counted: string[];
  excluded: Excluded[];
}

/** The inclusive last day of the window that starts on `start`. */
export function hiringWindowEnd(params: HiringSubsidyParams): string {
  return addDays(addMonths(params.windowStart, params.windowMonths), -1);
}

/**
 * True when the contract lasts at least `years`: a one-year contract from 2020-02-10 ends on
 * 2021-02-09 (its last day, inclusive) and qualifies; one ending 2021-02-08 does not.
 */
export function contractLastsYears(start: string, end: string | null, years: number): boolean {
  if (end === null) return true;
  return end >= addDays(addYears(start, years), -1);
}

function exclusionReason(p: RosterPerson, params: HiringSubsidyParams, windowEnd: string): string | null {
  if (p.hiredOn < params.windowStart || p.hiredOn > windowEnd)
    return `入职日期 ${p.hiredOn} 不在 ${params.windowStart} 至 ${windowEnd} 之间`;
  if (p.contractEnd !== null && p.contractEnd < p.contractStart) return '劳动合同止日早于起日';
  if (!contractLastsYears(p.contractStart, p.contractEnd, params.minContractYears))
    return `劳动合同不足 ${params.minContractYears} 年`;
  if (!p.insured) return '未缴纳社会保险';
  return null;
}

/**
 * 一次性吸纳就业补贴: perPersonFen for each person newly hired in the window on a contract of
 * at least minContractYears with social insurance paid. A person listed twice counts once.
 */
export function hiringSubsidy(
  roster: readonly RosterPerson[],
  params: HiringSubsidyParams = HIRING_SUBSIDY_2020,
): SubsidyResult<HiringFacts> {
  assertFen(params.perPersonFen, 'perPersonFen');
  chinaDayStart(params.windowStart);
  const windowEnd = hiringWindowEnd(params);
  const counted = new Set<string>();
  const excluded = new Map<string, string>();
  for (const p of roster) {
    const why = exclusionReason(p, params, windowEnd);
    if (why === null) counted.add(p.personKey);
    else excluded.set(p.personKey, firstReason(excluded.get(p.personKey), why));
  }
  for (const key of counted) excluded.delete(key);
  const n = counted.size;
  const amountFen = n * params.perPersonFen;
  return {
    policy: 'hiring',
    version: params.version,
    eligible: n > 0,
    amountFen,
    reason:
      n > 0 ? `新吸纳 ${n} 人 × ${formatYuan(params.perPersonFen)}` : '窗口期内没有符合条件的新吸纳人员',
    facts: {
      windowStart: params.windowStart,
      windowEnd,
      counted: [...counted].sort(),
      excluded: sortedBy(
        [...excluded].map(([personKey, reason]) => ({ personKey, reason })),
        (e) => e.personKey,
      ),
    },
  };
}
