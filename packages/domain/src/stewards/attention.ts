/** Call-back ratings at or below this average flag a steward (回访满意度低). */
export const LOW_SATISFACTION_AVERAGE = 3;

export interface StewardRecordInput {
  stewardId: string;
  enterprises: number;
  lapsedEnterprises: number;
  ratings: number[];
}

export interface StewardAttention {
  stewardId: string;
  enterprises: number;
  lapsedEnterprises: number;
  averageSatisfaction: number | null;
  ratings: number;
  reasons: string[];
}

/**
 * Stewards the command should look at (catching 不作为、慢作为): a low average call-back rating,
 * or enterprises not visited lately. Worst first: lowest rating, then most lapsed firms.
 */
export function stewardsNeedingAttention(records: StewardRecordInput[]): StewardAttention[] {
  return records
    .map((r) => {
      const avg = r.ratings.length
        ? Math.round((r.ratings.reduce((a, b) => a + b, 0) / r.ratings.length) * 10) / 10
        : null;
      const reasons: string[] = [];
      if (avg !== null && avg <= LOW_SATISFACTION_AVERAGE) reasons.push(`回访满意度 ${avg} 分`);
      if (r.lapsedEnterprises > 0) reasons.push(`${r.lapsedEnterprises} 家企业久未走访`);
      return {
        stewardId: r.stewardId,
        enterprises: r.enterprises,
        lapsedEnterprises: r.lapsedEnterprises,
        averageSatisfaction: avg,
        ratings: r.ratings.length,
        reasons,
      };
    })
    .filter((r) => r.reasons.length > 0)
    .sort(
      (a, b) =>
        (a.averageSatisfaction ?? 6) - (b.averageSatisfaction ?? 6) ||
        b.lapsedEnterprises - a.lapsedEnterprises,
    );
}
