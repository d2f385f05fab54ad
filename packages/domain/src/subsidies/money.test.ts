import fc from 'fast-check';
import { formatYuan, percentOf } from './money';
import { addMonths, addYears } from './calendar-math';

describe('money in fen', () => {
  it('when amounts are formatted, then yuan are grouped and fen shown only when present', () => {
    expect(formatYuan(100_000)).toBe('1,000 元');
    expect(formatYuan(1_200_000_00)).toBe('1,200,000 元');
    expect(formatYuan(1_250)).toBe('12.50 元');
    expect(formatYuan(0)).toBe('0 元');
  });

  it('when an amount is negative or fractional, then it is a TypeError', () => {
    expect(() => formatYuan(-1)).toThrow(TypeError);
    expect(() => formatYuan(1.5)).toThrow(TypeError);
    expect(() => percentOf(100, 101)).toThrow(TypeError);
  });

  it('when a percentage of any amount is taken, then it is the floor, never above the exact share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 0, max: 100 }), (fen, pct) => {
        const r = percentOf(fen, pct);
        return Number.isInteger(r) && r * 100 <= fen * pct && (r + 1) * 100 > fen * pct;
      }),
    );
  });
});

describe('month and year arithmetic on China days', () => {
  it('when a month is added, then the same day follows, or the last day of a shorter month', () => {
    expect(addMonths('2020-02-10', 1)).toBe('2020-03-10');
    expect(addMonths('2020-01-31', 1)).toBe('2020-02-29');
    expect(addMonths('2019-12-15', 1)).toBe('2020-01-15');
    expect(addYears('2020-02-29', 1)).toBe('2021-02-28');
  });
});
