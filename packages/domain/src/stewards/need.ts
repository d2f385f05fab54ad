const DAY_MS = 24 * 60 * 60 * 1000;

/** What a steward knows about one of their enterprises when deciding where to go next. */
export interface EnterpriseNeedInput {
  enterpriseId: string;
  name: string;
  lastVisitAt: Date | null;
  openIssues: number;
  overdueIssues: number;
  reopened: boolean;
}

export interface RankedEnterprise extends EnterpriseNeedInput {
  daysSinceVisit: number | null;
  needScore: number;
  reasons: string[];
}

/**
 * Weights of the need score. Overdue issues dominate (a deadline already missed), then a firm
 * not yet reopened, then days without a visit (capped: after a month "never" and "long ago" mean
 * the same), then each open issue.
 */
export const NEED_WEIGHTS = {
  overdueIssue: 40,
  notReopened: 30,
  perDayUnvisited: 2,
  maxUnvisitedDays: 30,
  openIssue: 10,
} as const;

/** Days after which a firm counts as not visited lately (steward coverage, call-back surfacing). */
export const VISIT_LAPSE_DAYS = 14;

/** Orders a steward's enterprises by need, most urgent first; ties by name for a stable list. */
export function rankByNeed(items: EnterpriseNeedInput[], now: Date): RankedEnterprise[] {
  return items
    .map((item) => {
      const days = item.lastVisitAt
        ? Math.floor((now.getTime() - item.lastVisitAt.getTime()) / DAY_MS)
        : null;
      const unvisited = Math.min(days ?? NEED_WEIGHTS.maxUnvisitedDays, NEED_WEIGHTS.maxUnvisitedDays);
      const reasons: string[] = [];
      if (item.overdueIssues > 0) reasons.push(`${item.overdueIssues} 个问题已超期`);
      if (!item.reopened) reasons.push('尚未复工');
      if (days === null) reasons.push('尚未走访');
      else if (days >= VISIT_LAPSE_DAYS) reasons.push(`${days} 天未走访`);
      if (item.openIssues > 0) reasons.push(`${item.openIssues} 个问题待解决`);
      const needScore =
        item.overdueIssues * NEED_WEIGHTS.overdueIssue +
        (item.reopened ? 0 : NEED_WEIGHTS.notReopened) +
        unvisited * NEED_WEIGHTS.perDayUnvisited +
        item.openIssues * NEED_WEIGHTS.openIssue;
      return { ...item, daysSinceVisit: days, needScore, reasons };
    })
    .sort(
      (a, b) =>
        b.needScore - a.needScore ||
        a.name.localeCompare(b.name, 'zh-CN') ||
        a.enterpriseId.localeCompare(b.enterpriseId),
    );
}
