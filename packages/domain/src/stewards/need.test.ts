import { rankByNeed, type EnterpriseNeedInput } from './need';

const now = new Date('2026-03-06T12:00:00+08:00');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
const firm = (over: Partial<EnterpriseNeedInput> & { name: string }): EnterpriseNeedInput => ({
  enterpriseId: over.name,
  lastVisitAt: daysAgo(1),
  openIssues: 0,
  overdueIssues: 0,
  reopened: true,
  ...over,
});

describe("ordering a steward's enterprises by need", () => {
  it('when one firm has an overdue issue, one is not reopened and one was visited long ago, then they come in that order before a quiet firm', () => {
    const ranked = rankByNeed(
      [
        firm({ name: '甲' }),
        firm({ name: '乙', lastVisitAt: daysAgo(10) }),
        firm({ name: '丙', reopened: false }),
        firm({ name: '丁', overdueIssues: 1, openIssues: 1 }),
      ],
      now,
    );
    expect(ranked.map((r) => r.name)).toEqual(['丁', '丙', '乙', '甲']);
  });

  it('when a firm was never visited, then it ranks above one visited 20 days ago and says so', () => {
    const ranked = rankByNeed(
      [firm({ name: '乙', lastVisitAt: daysAgo(20) }), firm({ name: '甲', lastVisitAt: null })],
      now,
    );
    expect(ranked[0].name).toBe('甲');
    expect(ranked[0].daysSinceVisit).toBeNull();
    expect(ranked[0].reasons).toContain('尚未走访');
    expect(ranked[1].reasons).toContain('20 天未走访');
  });

  it('when two firms have the same need, then the order is stable by name', () => {
    const ranked = rankByNeed([firm({ name: '乙' }), firm({ name: '甲' })], now);
    expect(ranked.map((r) => r.name)).toEqual(['甲', '乙']);
    expect(ranked[0].needScore).toBe(ranked[1].needScore);
  });
});
