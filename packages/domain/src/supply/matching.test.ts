import { distanceKm, matchProblem, supplierReopening } from './matching';

describe('supply matching rules', () => {
  it('when two places are Yuyao and Ningbo, then they are about 45 km apart; a place from itself is 0', () => {
    const yuyao = { lat: 30.037, lng: 121.155 };
    const ningbo = { lat: 29.868, lng: 121.544 };
    expect(distanceKm(yuyao, ningbo)).toBeGreaterThan(40);
    expect(distanceKm(yuyao, ningbo)).toBeLessThan(45);
    expect(distanceKm(yuyao, yuyao)).toBe(0);
  });

  it('when the sides, categories, status or firms do not fit, then the match is refused with the reason', () => {
    const base = { side: 'supply', category: 'parts', status: 'open', enterpriseId: 'a' };
    const other = { side: 'demand', category: 'parts', status: 'open', enterpriseId: 'b' };
    expect(matchProblem(base, other)).toBeNull();
    expect(matchProblem(base, { ...other, enterpriseId: 'a' })).toMatch('本企业');
    expect(matchProblem(base, { ...other, side: 'supply' })).toMatch('供应只能与需求');
    expect(matchProblem(base, { ...other, category: 'orders' })).toMatch('类别不同');
    expect(matchProblem(base, { ...other, status: 'closed' })).toMatch('已关闭');
  });

  it('when a supplier has not reopened or nobody knows, then it is a chain risk; the registry report wins over hearsay', () => {
    expect(supplierReopening({ reopened: true }, false)).toEqual({
      reopened: true,
      source: 'registry',
      chainRisk: false,
    });
    expect(supplierReopening(null, false)).toEqual({ reopened: false, source: 'lead_firm', chainRisk: true });
    expect(supplierReopening(null, true).chainRisk).toBe(false);
    expect(supplierReopening(null, null)).toEqual({ reopened: null, source: 'unknown', chainRisk: true });
  });
});
