import type { SubsidyPolicyCode } from '@fugong/contracts';

/**
 * What every subsidy rule answers: the amount in fen, why in plain Chinese, and the exact
 * facts it used — so an official can check a line, and two runs can be compared fact by fact.
 */
export interface SubsidyResult<F> {
  policy: SubsidyPolicyCode;
  /** The rule's parameter set (`hiring-2020-v1`); a list is computed for one version. */
  version: string;
  eligible: boolean;
  amountFen: number;
  /** "新吸纳 12 人 × 1,000 元", or why nothing is due. */
  reason: string;
  facts: F;
}

/** One person left out of a count, with the reason an official can read. */
export interface Excluded {
  personKey: string;
  reason: string;
}

/** Sorts in place by a string key and returns the array, so facts come out in one order. */
export function sortedBy<T>(items: T[], key: (t: T) => string): T[] {
  return items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Of two reasons for one person, the one that sorts first: the facts must not depend on row order. */
export function firstReason(current: string | undefined, next: string): string {
  return current === undefined || next < current ? next : current;
}
