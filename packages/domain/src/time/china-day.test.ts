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

describe('chinaDay asked again and again (remembered)', () => {
  it('when instants cross midnight China time either way, then each is named by its own day', () => {
    const instants = [
      '2026-03-01T15:59:59.999Z',
      '2026-03-01T16:00:00.000Z',
      '2026-03-01T15:59:59.999Z',
      '2026-03-02T15:59:59.999Z',
      '2026-03-02T16:00:00.000Z',
      '1970-01-01T00:00:00.000Z',
      '2026-03-01T16:00:00.001Z',
      '2019-12-31T16:00:00.000Z',
      '2019-12-31T15:59:59.999Z',
    ];
    const named = instants.map((at) => chinaDay(new Date(at)));
    expect(named).toEqual([
      '2026-03-01',
      '2026-03-02',
      '2026-03-01',
      '2026-03-02',
      '2026-03-03',
      '1970-01-01',
      '2026-03-02',
      '2020-01-01',
      '2019-12-31',
    ]);
  });

  it('when the instant is invalid, then it still throws after a valid one was remembered', () => {
    expect(chinaDay(new Date('2026-03-01T00:00:00Z'))).toBe('2026-03-01');
    expect(() => chinaDay(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('when many random instants are asked in any order, then each matches formatting it afresh', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 2000; i += 1) {
      // Around midnights China time of a few days, to the millisecond.
      const ms = Date.UTC(2026, 2, 1 + (next() % 5), 16, 0, 0) + ((next() % 20_000) - 10_000);
      const at = new Date(ms);
      expect(chinaDay(at)).toBe(new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10));
    }
  });
});

describe('chinaDayStart of days named lately', () => {
  it('when a day was just named, then its start is still 16:00 UTC the day before, as a Date of its own', () => {
    expect(chinaDay(new Date('2026-05-10T03:00:00Z'))).toBe('2026-05-10');
    const start = chinaDayStart('2026-05-10');
    expect(start.toISOString()).toBe('2026-05-09T16:00:00.000Z');
    start.setTime(0);
    expect(chinaDayStart('2026-05-10').toISOString()).toBe('2026-05-09T16:00:00.000Z');
    expect(addDays('2026-05-10', -1)).toBe('2026-05-09');
    expect(() => chinaDayStart('2026-05-32')).toThrow(TypeError);
    expect(() => chinaDayStart('')).toThrow(TypeError);
  });
});
