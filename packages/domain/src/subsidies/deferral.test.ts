import { deferralDecision } from './deferral';

// 2020-01-24 … 2020-02-02 春节 (with the State Council's extension); 2020-01-19 was a 调休 Sunday.
const calendar = {
  holidays: [
    '2020-01-24',
    '2020-01-25',
    '2020-01-26',
    '2020-01-27',
    '2020-01-28',
    '2020-01-29',
    '2020-01-30',
    '2020-01-31',
    '2020-02-01',
    '2020-02-02',
  ],
  extraWorkdays: ['2020-01-19'],
};
const at = (s: string) => new Date(s);

describe('社保缓缴', () => {
  it('when a first application for 2 months comes on Thursday before 春节, then the green channel decides on the first working day after the holiday', () => {
    const d = deferralDecision(
      { sme: true, months: 2, firstApplication: true, appliedAt: at('2020-01-23T10:00:00+08:00') },
      calendar,
    );
    expect(d).toMatchObject({ accepted: true, greenChannel: true });
    expect(d.accepted && d.decisionDue.toISOString()).toBe(at('2020-02-03T10:00:00+08:00').toISOString());
  });

  it('when the application is for 3 months, or not the first, then it is accepted outside the green channel', () => {
    const base = { sme: true, firstApplication: true, appliedAt: at('2020-03-02T09:00:00+08:00') };
    expect(deferralDecision({ ...base, months: 3 }, calendar)).toMatchObject({
      accepted: true,
      greenChannel: false,
    });
    expect(deferralDecision({ ...base, months: 1, firstApplication: false }, calendar)).toMatchObject({
      greenChannel: false,
    });
  });

  it('when 6 months are asked, then it is accepted; 7 months or a non-SME are refused with the reason', () => {
    const base = { sme: true, firstApplication: true, appliedAt: at('2020-03-02T09:00:00+08:00') };
    expect(deferralDecision({ ...base, months: 6 }, calendar).accepted).toBe(true);
    expect(deferralDecision({ ...base, months: 7 }, calendar)).toEqual({
      accepted: false,
      reason: '缓缴期最长 6 个月',
    });
    expect(deferralDecision({ ...base, months: 0 }, calendar).accepted).toBe(false);
    expect(deferralDecision({ ...base, months: 2, sme: false }, calendar)).toEqual({
      accepted: false,
      reason: '缓缴仅限中小企业申请',
    });
  });
});
