import fc from 'fast-check';
import { seatCapacity } from './capacity';

describe('seatCapacity', () => {
  it('when a 45-seat coach runs at the default 50% cap, then 22 seats are sold', () => {
    expect(seatCapacity(45)).toBe(22);
  });

  it('when the cap is 29% of 100 seats, then it is exactly 29 (no floating-point loss)', () => {
    expect(seatCapacity(100, 29)).toBe(29);
  });

  it('when any seats and cap are given, then capacity never exceeds seats × cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 100 }), (seats, cap) => {
        const c = seatCapacity(seats, cap);
        return c * 100 <= seats * cap && (c + 1) * 100 > seats * cap;
      }),
    );
  });

  it('when the cap is out of range or fractional, then it is a TypeError', () => {
    expect(() => seatCapacity(45, 0)).toThrow(TypeError);
    expect(() => seatCapacity(45, 0.5)).toThrow(TypeError);
    expect(() => seatCapacity(-1, 50)).toThrow(TypeError);
  });
});
