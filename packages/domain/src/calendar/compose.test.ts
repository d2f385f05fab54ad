import { composeCalendar, daysInRange, lastCoveredYear } from './compose';
import { addWorkingDays, isWorkingDay } from './working-days';

const data = { holidays: ['2020-01-24', '2020-10-01', '2019-10-01'], workdays: ['2020-01-19', '2020-09-27'] };

describe('composing the national data with local overrides', () => {
  it('when the data is read, then the last covered year is its latest holiday year', () => {
    expect(lastCoveredYear(data)).toBe(2020);
    expect(lastCoveredYear({ holidays: [], workdays: [] })).toBeNull();
  });

  it('when a province says 不早于 2 月 9 日复工, then the days before it become holidays and a swapped workday can be cancelled', () => {
    const overrides = [
      ...daysInRange('2020-02-03', '2020-02-08').map((day) => ({
        day,
        kind: 'holiday' as const,
        note: '不早于 2 月 9 日复工',
      })),
      { day: '2020-09-27', kind: 'holiday' as const, note: '本地取消调休' },
    ];
    const cal = composeCalendar(data, overrides);
    expect(isWorkingDay('2020-02-03', cal)).toBe(false);
    expect(isWorkingDay('2020-02-10', cal)).toBe(true);
    expect(isWorkingDay('2020-09-27', cal)).toBe(false);
    expect(isWorkingDay('2020-01-19', cal)).toBe(true);
    expect(addWorkingDays(new Date('2020-02-03T09:00:00+08:00'), 1, cal).toISOString()).toBe(
      new Date('2020-02-11T00:00:00+08:00').toISOString(),
    );
  });

  it('when an override makes a national holiday a working day, then the override wins', () => {
    const cal = composeCalendar(data, [{ day: '2020-10-01', kind: 'workday', note: '抗疫值守' }]);
    expect(isWorkingDay('2020-10-01', cal)).toBe(true);
  });

  it('when a range is reversed, malformed or longer than 62 days, then it is refused', () => {
    expect(() => daysInRange('2020-02-09', '2020-02-01')).toThrow(RangeError);
    expect(() => daysInRange('2020-01-01', '2020-06-01')).toThrow(RangeError);
    expect(() => daysInRange('2020-02-30', '2020-03-01')).toThrow(TypeError);
    expect(daysInRange('2020-02-28', '2020-03-01')).toEqual(['2020-02-28', '2020-02-29', '2020-03-01']);
  });
});
