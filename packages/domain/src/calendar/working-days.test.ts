import { addWorkingDays, isWorkingDay } from './working-days';

const plain = { holidays: [] };
const at = (s: string) => new Date(s);

describe('working days in China time', () => {
  it('when a day is a Saturday or Sunday in China, then it is not a working day, even if it is still Friday in UTC', () => {
    expect(isWorkingDay('2026-03-06', plain)).toBe(true); // Friday
    expect(isWorkingDay('2026-03-07', plain)).toBe(false);
    expect(isWorkingDay('2026-03-08', plain)).toBe(false);
  });

  it('when a holiday or a swapped working Sunday is configured, then the calendar follows it', () => {
    const cal = { holidays: ['2026-03-09'], extraWorkdays: ['2026-03-08'] };
    expect(isWorkingDay('2026-03-09', cal)).toBe(false);
    expect(isWorkingDay('2026-03-08', cal)).toBe(true);
  });

  it('when 3 working days are added to Friday 15:00, then the weekend is skipped and it lands on Wednesday 15:00', () => {
    expect(addWorkingDays(at('2026-03-06T15:00:00+08:00'), 3, plain).toISOString()).toBe(
      at('2026-03-11T15:00:00+08:00').toISOString(),
    );
  });

  it('when a Monday holiday falls inside the window, then it is skipped too', () => {
    const due = addWorkingDays(at('2026-03-06T15:00:00+08:00'), 3, { holidays: ['2026-03-09'] });
    expect(due.toISOString()).toBe(at('2026-03-12T15:00:00+08:00').toISOString());
  });

  it('when the start is on a Saturday, then counting starts at 00:00 of Monday', () => {
    expect(addWorkingDays(at('2026-03-07T10:00:00+08:00'), 3, plain).toISOString()).toBe(
      at('2026-03-12T00:00:00+08:00').toISOString(),
    );
  });

  it('when Friday 23:30 China time (15:30 UTC) is the start, then China days are counted, not UTC days', () => {
    expect(addWorkingDays(at('2026-03-06T15:30:00Z'), 1, plain).toISOString()).toBe(
      at('2026-03-09T23:30:00+08:00').toISOString(),
    );
  });

  it('when the count is negative or fractional, then it is refused', () => {
    expect(() => addWorkingDays(new Date(), -1, plain)).toThrow(TypeError);
    expect(() => addWorkingDays(new Date(), 1.5, plain)).toThrow(TypeError);
  });
});
