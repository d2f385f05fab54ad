import { stewardsNeedingAttention } from './attention';

describe('stewards needing attention', () => {
  it('when a steward is rated low and another has lapsed visits, then both are surfaced, the low rating first; a good steward is not', () => {
    const out = stewardsNeedingAttention([
      { stewardId: 'good', enterprises: 3, lapsedEnterprises: 0, ratings: [5, 4] },
      { stewardId: 'lapsed', enterprises: 3, lapsedEnterprises: 2, ratings: [5] },
      { stewardId: 'low', enterprises: 2, lapsedEnterprises: 0, ratings: [2, 3, 2] },
    ]);
    expect(out.map((s) => s.stewardId)).toEqual(['low', 'lapsed']);
    expect(out[0].averageSatisfaction).toBe(2.3);
    expect(out[0].reasons[0]).toContain('满意度');
    expect(out[1].reasons).toEqual(['2 家企业久未走访']);
  });

  it('when a steward has no ratings and no lapsed firms, then nothing is surfaced', () => {
    expect(
      stewardsNeedingAttention([{ stewardId: 'new', enterprises: 1, lapsedEnterprises: 0, ratings: [] }]),
    ).toEqual([]);
  });
});
