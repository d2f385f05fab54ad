import fc from 'fast-check';
import {
  contractLastsYears,
  hiringSubsidy,
  hiringWindowEnd,
  HIRING_SUBSIDY_2020,
  type RosterPerson,
} from './hiring';

const person = (over: Partial<RosterPerson> = {}): RosterPerson => ({
  personKey: 'p1',
  hiredOn: '2020-02-15',
  contractStart: '2020-02-15',
  contractEnd: '2021-02-14',
  insured: true,
  ...over,
});

describe('一次性吸纳就业补贴', () => {
  it('when 12 people are hired in the window on 1-year contracts with insurance, then 12,000 yuan with the reason', () => {
    const roster = Array.from({ length: 12 }, (_, i) => person({ personKey: `p${i}` }));
    const r = hiringSubsidy(roster);
    expect(r).toMatchObject({
      policy: 'hiring',
      version: 'hiring-2020-v1',
      eligible: true,
      amountFen: 1_200_000,
    });
    expect(r.reason).toBe('新吸纳 12 人 × 1,000 元');
    expect(r.facts.counted).toHaveLength(12);
  });

  it('when the window starts 2020-02-10 for one month, then 02-10 and 03-09 count and 02-09 and 03-10 do not', () => {
    expect(hiringWindowEnd(HIRING_SUBSIDY_2020)).toBe('2020-03-09');
    const at = (day: string) =>
      hiringSubsidy([person({ hiredOn: day, contractStart: day, contractEnd: null })]).amountFen;
    expect(at('2020-02-10')).toBe(100_000);
    expect(at('2020-03-09')).toBe(100_000);
    expect(at('2020-02-09')).toBe(0);
    expect(at('2020-03-10')).toBe(0);
  });

  it('when a contract is exactly one year (last day the day before the anniversary), then it counts; a day shorter does not', () => {
    expect(contractLastsYears('2020-02-10', '2021-02-09', 1)).toBe(true);
    expect(contractLastsYears('2020-02-10', '2021-02-08', 1)).toBe(false);
    expect(contractLastsYears('2020-02-10', null, 1)).toBe(true);
    const short = hiringSubsidy([person({ contractStart: '2020-02-15', contractEnd: '2021-02-13' })]);
    expect(short.amountFen).toBe(0);
    expect(short.facts.excluded).toEqual([{ personKey: 'p1', reason: '劳动合同不足 1 年' }]);
  });

  it('when social insurance is not paid, then the person is excluded with that reason', () => {
    const r = hiringSubsidy([person({ insured: false })]);
    expect(r).toMatchObject({ eligible: false, amountFen: 0, reason: '窗口期内没有符合条件的新吸纳人员' });
    expect(r.facts.excluded[0]!.reason).toBe('未缴纳社会保险');
  });

  it('when the window is a parameter, then another window applies', () => {
    const params = {
      ...HIRING_SUBSIDY_2020,
      version: 'hiring-x',
      windowStart: '2020-03-01',
      windowMonths: 2,
    };
    expect(hiringSubsidy([person({ hiredOn: '2020-04-30' })], params).amountFen).toBe(100_000);
    expect(hiringSubsidy([person({ hiredOn: '2020-02-15' })], params).amountFen).toBe(0);
  });

  const rosterArb = fc.array(
    fc.record({
      personKey: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      hiredOn: fc.constantFrom('2020-02-09', '2020-02-10', '2020-03-01', '2020-03-10'),
      contractStart: fc.constant('2020-02-10'),
      contractEnd: fc.constantFrom(null, '2021-02-09', '2020-12-31'),
      insured: fc.boolean(),
    }),
    { maxLength: 20 },
  );

  it('when any roster is given, then the amount is never negative, is per head, and order or duplicates do not change it', () => {
    fc.assert(
      fc.property(rosterArb, (roster) => {
        const r = hiringSubsidy(roster);
        const again = hiringSubsidy([...roster].reverse().concat(roster));
        return (
          r.amountFen >= 0 &&
          r.amountFen === r.facts.counted.length * 100_000 &&
          JSON.stringify(again) === JSON.stringify(r)
        );
      }),
    );
  });

  it('when people are added to a roster, then the amount never goes down', () => {
    fc.assert(
      fc.property(
        rosterArb,
        rosterArb,
        (a, b) => hiringSubsidy([...a, ...b]).amountFen >= hiringSubsidy(a).amountFen,
      ),
    );
  });
});
