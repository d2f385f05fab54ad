import { addDays, chinaDay, chinaDayStart, daysBetween } from './china-day';

describe('chinaDay', () => {
  it('when it is 23:59 UTC, then it is already the next day in China', () => {
    expect(chinaDay(new Date('2026-03-01T23:59:00Z'))).toBe('2026-03-02');
  });

  it('when it is 15:59 UTC, then it is still the same day in China', () => {
    expect(chinaDay(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(chinaDay(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
  });

  it('when a day starts, then it starts at 16:00 UTC the day before', () => {
    expect(chinaDayStart('2026-03-02').toISOString()).toBe('2026-03-01T16:00:00.000Z');
  });

  it('when a day is malformed or impossible, then it is refused', () => {
    expect(() => chinaDayStart('2026-3-2')).toThrow(TypeError);
    expect(() => chinaDayStart('2026-02-30')).toThrow(TypeError);
  });

  it('when days are added across a month end, then the calendar rolls over', () => {
    expect(addDays('2026-02-27', 14)).toBe('2026-03-13');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-02-27', '2026-03-13')).toBe(14);
  });
});
