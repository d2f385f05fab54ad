/** An open issue as the command's common-problem view needs it. */
export interface CommonProblemCandidate {
  id: string;
  category: string;
  enterpriseId: string;
}

/**
 * 共性问题: categories in which at least `minEnterprises` different enterprises have open issues
 * (seed 002 §八: common problems get a policy answer, individual ones 一事一议). Widest first.
 */
export function groupCommonProblems<T extends CommonProblemCandidate>(
  issues: T[],
  minEnterprises: number,
): { category: string; enterprises: number; issues: T[] }[] {
  const byCategory = new Map<string, T[]>();
  for (const issue of issues)
    byCategory.set(issue.category, [...(byCategory.get(issue.category) ?? []), issue]);
  return [...byCategory.entries()]
    .map(([category, list]) => ({
      category,
      enterprises: new Set(list.map((i) => i.enterpriseId)).size,
      issues: list,
    }))
    .filter((g) => g.enterprises >= minEnterprises)
    .sort((a, b) => b.enterprises - a.enterprises || a.category.localeCompare(b.category));
}
