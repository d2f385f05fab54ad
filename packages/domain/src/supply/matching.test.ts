import { distanceKm, matchableWindow, matchProblem, supplierReopening } from './matching';

describe('supply matching rules', () => {
  it('when two places are Yuyao and Ningbo, then they are about 45 km apart; a place from itself is 0', () => {
    const yuyao = { lat: 30.037, lng: 121.155 };
    const ningbo = { lat: 29.868, lng: 121.544 };
    expect(distanceKm(yuyao, ningbo)).toBeGreaterThan(40);
    expect(distanceKm(yuyao, ningbo)).toBeLessThan(45);
    expect(distanceKm(yuyao, yuyao)).toBe(0);
  });

  it('when the sides, categories, status or firms do not fit, then the match is refused with the reason', () => {
    const days = { availableFrom: '2026-03-01', availableUntil: '2026-03-31' };
    const base = { side: 'supply', category: 'parts', status: 'open', enterpriseId: 'a', ...days };
    const other = { side: 'demand', category: 'parts', status: 'open', enterpriseId: 'b', ...days };
    const today = '2026-03-10';
    expect(matchProblem(base, other, today)).toBeNull();
    expect(matchProblem(base, { ...other, enterpriseId: 'a' }, today)).toMatch('本企业');
    expect(matchProblem(base, { ...other, side: 'supply' }, today)).toMatch('供应只能与需求');
    expect(matchProblem(base, { ...other, category: 'orders' }, today)).toMatch('类别不同');
    expect(matchProblem(base, { ...other, status: 'closed' }, today)).toMatch('已关闭');
  });

  it('when either post has ended, or their days do not meet after today, then the match is refused; a shared last day is enough', () => {
    const base = {
      side: 'supply',
      category: 'parts',
      status: 'open',
      enterpriseId: 'a',
      availableFrom: '2026-03-01',
      availableUntil: '2026-03-31',
    };
    const other = { ...base, side: 'demand', enterpriseId: 'b' };
    expect(matchProblem(base, other, '2026-04-01')).toMatch('本企业的这条信息已过有效期');
    expect(
      matchProblem(
        base,
        { ...other, availableFrom: '2026-02-01', availableUntil: '2026-03-09' },
        '2026-03-10',
      ),
    ).toMatch('对方的信息已过有效期');
    expect(
      matchProblem(
        base,
        { ...other, availableFrom: '2026-04-01', availableUntil: '2026-04-30' },
        '2026-03-10',
      ),
    ).toMatch('没有重叠');
    expect(
      matchProblem(
        base,
        { ...other, availableFrom: '2026-03-31', availableUntil: '2026-04-30' },
        '2026-03-10',
      ),
    ).toBeNull();
    // Days in common that are already past do not count: today is the earliest shared day.
    expect(matchableWindow(base, '2026-03-10')).toEqual({ from: '2026-03-10', until: '2026-03-31' });
    expect(matchableWindow({ ...base, availableFrom: '2026-03-20' }, '2026-03-10').from).toBe('2026-03-20');
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
