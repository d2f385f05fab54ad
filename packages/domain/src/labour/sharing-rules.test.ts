import { sharingTermsProblem } from './sharing-rules';

const lender = { free: 5, fromDay: '2026-03-01', toDay: '2026-04-30' };
const borrower = { free: 8, fromDay: '2026-03-10', toDay: '2026-03-31' };
const terms = (over: Partial<{ headcount: number; fromDay: string; toDay: string }> = {}) => ({
  headcount: 5,
  fromDay: '2026-03-10',
  toDay: '2026-03-31',
  ...over,
});

describe('用工调剂 terms', () => {
  it('when the period fits both posts and the heads fit both, then there is no problem', () => {
    expect(sharingTermsProblem(terms(), lender, borrower, '2026-03-05')).toBeNull();
  });

  it('when more heads are asked than the lender still has free, then it names how many are left', () => {
    expect(sharingTermsProblem(terms({ headcount: 6 }), lender, borrower, '2026-03-05')).toEqual({
      path: 'headcount',
      message: '借出企业尚可借出 5 人',
    });
  });

  it('when the period runs past the borrower’s need or starts before the lender can lend, then it says whose period', () => {
    expect(sharingTermsProblem(terms({ toDay: '2026-04-02' }), lender, borrower, '2026-03-05')?.message).toBe(
      '借用企业需要期间为 2026-03-10 至 2026-03-31',
    );
    const early = { ...borrower, fromDay: '2026-02-20' };
    expect(sharingTermsProblem(terms({ fromDay: '2026-02-25' }), lender, early, '2026-02-20')?.message).toBe(
      '借出企业可借出期间为 2026-03-01 至 2026-04-30',
    );
  });

  it('when the period is already over, then it is refused on the end day', () => {
    expect(sharingTermsProblem(terms(), lender, borrower, '2026-04-01')).toEqual({
      path: 'toDay',
      message: '调剂结束日期已过',
    });
  });
});
