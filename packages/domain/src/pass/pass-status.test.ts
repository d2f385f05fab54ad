import type { RiskLevel } from '@fugong/contracts';
import {
  boardingRefusal,
  computePass,
  observationEnd,
  riskFromTable,
  type CheckinFacts,
} from './pass-status';

const now = new Date('2026-03-02T08:00:00+08:00');
const lowEverywhere = () => 'low' as const;
const healthy = (over: Partial<CheckinFacts> = {}): CheckinFacts => ({
  at: new Date('2026-03-02T07:00:00+08:00'),
  temperature: 36.5,
  symptoms: [],
  healthCode: 'green',
  places: ['520102'],
  arrivedFromOutsideProvince: false,
  arrivalDate: null,
  ...over,
});
const codes = (c: CheckinFacts) => computePass(c, now, lowEverywhere).reasons.map((r) => r.code);

describe('computePass', () => {
  it('when a fresh check-in passes every rule, then the pass is green with no reasons', () => {
    const pass = computePass(healthy(), now, lowEverywhere);
    expect(pass).toEqual({ color: 'green', reasons: [], validUntil: new Date('2026-03-03T07:00:00+08:00') });
  });

  it('when there has never been a check-in, then the pass is yellow asking for one', () => {
    const pass = computePass(null, now, lowEverywhere);
    expect(pass.color).toBe('yellow');
    expect(pass.reasons[0].code).toBe('NO_CHECKIN');
  });

  it('when the check-in is exactly 24 hours old, then it no longer counts', () => {
    const at = new Date(now.getTime() - 24 * 3600_000);
    expect(codes(healthy({ at }))).toEqual(['CHECKIN_STALE']);
    expect(codes(healthy({ at: new Date(at.getTime() + 1) }))).toEqual([]);
  });

  it('when the temperature is 37.3 ℃, then it is red; at 37.2 ℃ it is green', () => {
    expect(computePass(healthy({ temperature: 37.3 }), now, lowEverywhere).color).toBe('red');
    expect(computePass(healthy({ temperature: 37.2 }), now, lowEverywhere).color).toBe('green');
  });

  it('when there are symptoms or a red code, then it is red; a yellow code is yellow', () => {
    expect(codes(healthy({ symptoms: ['cough'] }))).toEqual(['SYMPTOMS']);
    expect(computePass(healthy({ healthCode: 'red' }), now, lowEverywhere).color).toBe('red');
    expect(computePass(healthy({ healthCode: 'yellow' }), now, lowEverywhere).color).toBe('yellow');
  });

  it('when several rules fail, then the worst colour wins and every reason is listed', () => {
    const pass = computePass(healthy({ healthCode: 'yellow', temperature: 38.0 }), now, lowEverywhere);
    expect(pass.color).toBe('red');
    expect(pass.reasons.map((r) => r.code)).toEqual(['FEVER', 'CODE_YELLOW']);
  });

  it('when a worker arrived from outside the province 13 days ago, then they are under observation; after 14 days they pass', () => {
    expect(codes(healthy({ arrivedFromOutsideProvince: true, arrivalDate: '2026-02-17' }))).toEqual([
      'OBSERVATION',
    ]);
    expect(codes(healthy({ arrivedFromOutsideProvince: true, arrivalDate: '2026-02-16' }))).toEqual([]);
    expect(observationEnd('2026-02-16').toISOString()).toBe('2026-03-01T16:00:00.000Z');
  });

  it('when a worker stayed in a high-risk region, then red; medium-risk, yellow', () => {
    const table = new Map<string, RiskLevel>([
      ['420100', 'high'],
      ['340000', 'medium'],
    ]);
    const riskOf = riskFromTable(table);
    expect(computePass(healthy({ places: ['420106'] }), now, riskOf).reasons.map((r) => r.code)).toEqual([
      'HIGH_RISK_STAY',
    ]);
    expect(computePass(healthy({ places: ['341102', '520102'] }), now, riskOf).color).toBe('yellow');
    expect(computePass(healthy({ places: ['341102', '420106'] }), now, riskOf).color).toBe('red');
  });
});

describe('riskFromTable', () => {
  it('when the county, city and province carry levels, then the highest applies', () => {
    const riskOf = riskFromTable(
      new Map<string, RiskLevel>([
        ['520000', 'medium'],
        ['520102', 'low'],
      ]),
    );
    expect(riskOf('520102')).toBe('medium');
    expect(riskOf('510104')).toBe('low');
  });

  it('when a town has its own level, then it applies in place of its county (a town without one takes the county), while a province marking still covers it', () => {
    const table = (...rows: [string, RiskLevel][]) => riskFromTable(new Map(rows));
    const yuyao = table(['330281', 'medium'], ['330281001', 'low'], ['330281002', 'high']);
    expect(['330281001', '330281002', '330281003'].map(yuyao)).toEqual(['low', 'high', 'medium']);
    // The county's own stay is the county's level: a town marked high does not raise it.
    expect(yuyao('330281')).toBe('medium');
    expect(table(['330000', 'high'], ['330281001', 'low'])('330281001')).toBe('high');
  });
});

describe('boardingRefusal', () => {
  it('when the pass is green and the door temperature normal, then nothing refuses boarding', () => {
    expect(boardingRefusal(computePass(healthy(), now, lowEverywhere), 36.6)).toEqual([]);
  });

  it('when the door temperature is a fever, then boarding is refused even with a green pass', () => {
    expect(boardingRefusal(computePass(healthy(), now, lowEverywhere), 37.5).map((r) => r.code)).toEqual([
      'FEVER',
    ]);
  });

  it('when the pass is red, then its reasons refuse boarding', () => {
    expect(
      boardingRefusal(computePass(healthy({ healthCode: 'red' }), now, lowEverywhere), 36.5)[0].code,
    ).toBe('CODE_RED');
  });
});
