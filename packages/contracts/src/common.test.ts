import { dayProblem, isoDateTimeSchema, isoDaySchema, isCalendarDay } from './common';
import { checkinInputSchema } from './worker/health';
import { tripInputSchema } from './worker/trip';
import { charterRequestInputSchema } from './enterprise/charter';

const issues = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.error?.issues.map((i) => i.message) ?? [];

describe('days and timestamps', () => {
  it('when a day does not exist on the calendar (02-30, 0000-00-00, 2021-02-29), then the day schema refuses it in Chinese', () => {
    for (const bad of ['2020-02-30', '0000-00-00', '2021-02-29', '2020-13-01', '2020-04-31']) {
      const r = isoDaySchema.safeParse(bad);
      expect(r.success).toBe(false);
      expect(issues(r)).toEqual([`${bad} 不是有效日期`]);
    }
    expect(isoDaySchema.safeParse('2020-02-29').success).toBe(true);
  });

  it('when a day is outside the plausible span (before 2019-12-01, after 2099), then it is refused', () => {
    expect(issues(isoDaySchema.safeParse('2019-11-30'))).toEqual(['日期不能早于 2019-12-01']);
    expect(issues(isoDaySchema.safeParse('9999-12-31'))).toEqual(['日期不能晚于 2099-12-31']);
    expect(issues(isoDaySchema.safeParse('2020-2-3'))).toEqual(['日期格式应为 YYYY-MM-DD']);
    expect(isCalendarDay('2019-12-01')).toBe(true);
  });

  it('when any YYYY-MM-DD is asked, then it is a calendar day exactly when a UTC Date keeps its year, month and day', () => {
    // The reference: what a Date makes of the digits (years 0000-0099 become 19xx, so are refused).
    const byDate = (y: number, m: number, d: number) => {
      const at = new Date(Date.UTC(y, m - 1, d));
      return at.getUTCFullYear() === y && at.getUTCMonth() === m - 1 && at.getUTCDate() === d;
    };
    const text = (n: number, width: number) => String(n).padStart(width, '0');
    const years = [0, 1, 99, 100, 1600, 1700, 1900, 2000, 2019, 2020, 2021, 2024, 2100, 2400, 9999];
    for (const y of years)
      for (let m = 0; m <= 13; m += 1)
        for (let d = 0; d <= 32; d += 1)
          expect([y, m, d, isCalendarDay(`${text(y, 4)}-${text(m, 2)}-${text(d, 2)}`)]).toEqual([
            y,
            m,
            d,
            byDate(y, m, d),
          ]);
    for (const bad of [
      '2020-1-01',
      '2020-01-1',
      '２０２０-01-01',
      '2020/01/01',
      '2020-01-01\n',
      ' 2020-01-01',
      '',
    ])
      expect(isCalendarDay(bad)).toBe(false);
  });

  it('when bounds are given, then a day outside them is named with the bound', () => {
    expect(dayProblem('2026-03-03', { notAfter: '2026-03-02' })).toBe('日期不能晚于 2026-03-02');
    expect(dayProblem('2026-03-02', { notAfter: '2026-03-02' })).toBeNull();
  });

  it('when a timestamp names an impossible day or lies past 2099 (9999-12-31T23:59:59Z), then it is refused instead of rolling over', () => {
    expect(issues(isoDateTimeSchema.safeParse('2020-02-30T08:00:00+08:00'))).toEqual(['时间格式不正确']);
    expect(issues(isoDateTimeSchema.safeParse('9999-12-31T23:59:59Z'))).toEqual(['时间不能晚于 2099-12-31']);
    expect(issues(isoDateTimeSchema.safeParse('1970-01-01T00:00:00Z'))).toEqual(['时间不能早于 2019-12-01']);
    expect(isoDateTimeSchema.safeParse('2027-02-10T08:00:00+08:00').success).toBe(true);
    expect(isoDateTimeSchema.safeParse('yesterday').success).toBe(false);
  });

  it('when a check-in carries arrivalDate 2020-02-30, then the check-in schema refuses it at arrivalDate', () => {
    const r = checkinInputSchema.safeParse({
      temperature: 36.5,
      healthCode: 'green',
      arrivedFromOutsideProvince: true,
      arrivalDate: '2020-02-30',
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['arrivalDate']);
  });

  it('when a trip departs 9999-12-31T23:59:59Z, then the trip schema refuses it at departureAt', () => {
    const r = tripInputSchema.safeParse({
      originRegionCode: '520100',
      originName: '贵阳',
      pickupPoints: [{ name: '贵阳北站' }],
      destinations: [{ enterpriseId: 'a'.repeat(24), dropPoint: '厂门' }],
      departureAt: '9999-12-31T23:59:59Z',
      vehicle: { plate: '贵A12345', seats: 45 },
      driver: { name: '王师傅' },
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['departureAt']);
  });

  it('when a charter asks for an arrival window longer than 60 days, then latestArrival is named', () => {
    const base = {
      workers: 10,
      originRegionCode: '520102',
      originName: '贵阳',
      pickupPoint: '南明区人社局',
      earliestArrival: '2020-02-10',
    };
    const long = charterRequestInputSchema.safeParse({ ...base, latestArrival: '2020-05-10' });
    expect(long.success).toBe(false);
    expect(long.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['latestArrival', '到达时间窗口不能超过 60 天'],
    ]);
    expect(charterRequestInputSchema.safeParse({ ...base, latestArrival: '2020-04-10' }).success).toBe(true);
  });
});
