import pino from 'pino';
import { DEFAULT_ISSUE_SLA, isWorkingDay, progressDue, type CalendarOverride } from '@fugong/domain';
import { ManualClock } from '../../clock';
import { CalendarProvider } from './calendar-provider';
import type { CalendarOverrideRepository } from './calendar-override.repository';
import { nationalHolidayData } from './holiday-data';

const repoWith = (overrides: CalendarOverride[]) =>
  ({ all: async () => overrides }) as unknown as CalendarOverrideRepository;
const at = (s: string) => new Date(s);
const normal = { urgency: 'normal' as const, category: 'labour' as const };

describe('the working-day calendar from the chinese-days data', () => {
  const provider = new CalendarProvider(nationalHolidayData(), repoWith([]), new ManualClock());
  const sla = { ...DEFAULT_ISSUE_SLA, calendar: provider.calendar };

  it('when 春节 2020 is looked up, then it runs 01-24 to 02-02 with the State Council extension, and 02-01 is no longer a swapped working day', () => {
    for (const day of ['2020-01-24', '2020-01-30', '2020-01-31', '2020-02-01', '2020-02-02'])
      expect(isWorkingDay(day, provider.calendar)).toBe(false);
    expect(isWorkingDay('2020-01-19', provider.calendar)).toBe(true); // 调休 Sunday
    expect(isWorkingDay('2020-02-03', provider.calendar)).toBe(true);
  });

  it('when an issue is dispatched on Thursday 2020-01-23 15:00, then its 3 working days end on 2020-02-05 15:00, not before 春节 ends', () => {
    expect(progressDue(at('2020-01-23T15:00:00+08:00'), normal, sla).toISOString()).toBe(
      at('2020-02-05T15:00:00+08:00').toISOString(),
    );
  });

  it('when an issue is dispatched on 2020-09-30 10:00, then 国庆 is skipped and Saturday 10-10 (调休) counts: due 2020-10-12 10:00', () => {
    expect(progressDue(at('2020-09-30T10:00:00+08:00'), normal, sla).toISOString()).toBe(
      at('2020-10-12T10:00:00+08:00').toISOString(),
    );
  });

  it('when the data is read, then it covers at least 2004 to 2026', () => {
    expect(provider.lastCoveredYear).toBeGreaterThanOrEqual(2026);
    expect(isWorkingDay('2004-10-01', provider.calendar)).toBe(false);
  });

  it('when overrides are stored, then a refresh puts them on top of the national data in the same live calendar', async () => {
    const p = new CalendarProvider(
      nationalHolidayData(),
      repoWith([{ day: '2020-02-03', kind: 'holiday', note: '不早于 2 月 9 日复工' }]),
      new ManualClock(),
    );
    const live = p.calendar;
    expect(isWorkingDay('2020-02-03', live)).toBe(true);
    await p.refresh();
    expect(isWorkingDay('2020-02-03', live)).toBe(false);
    expect(p.listOverrides()).toHaveLength(1);
  });

  it('when the clock is in the last covered year, then the coming year is uncovered and a warning is logged; a year earlier, none', () => {
    const last = provider.lastCoveredYear!;
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (l: string) => void lines.push(l) });
    const late = new CalendarProvider(
      nationalHolidayData(),
      repoWith([]),
      new ManualClock(at(`${last}-12-01T09:00:00+08:00`)),
    );
    late.warnIfUncovered(logger);
    expect(late.coversComingYear()).toBe(false);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      msg: 'calendar.coming_year_uncovered',
      lastCoveredYear: last,
      comingYear: last + 1,
    });
    const early = new CalendarProvider(
      nationalHolidayData(),
      repoWith([]),
      new ManualClock(at(`${last - 1}-06-01T09:00:00+08:00`)),
    );
    early.warnIfUncovered(logger);
    expect(early.coversComingYear()).toBe(true);
    expect(lines).toHaveLength(1);
  });
});
