import { referralSubsidy } from './referral';

describe('职业介绍补贴', () => {
  const placed = [
    { personKey: 'a', category: 'skilled' as const, verified: true },
    { personKey: 'b', category: 'graduate' as const, verified: true },
    { personKey: 'c', category: 'graduate' as const, verified: false },
    { personKey: 'd', category: 'other' as const, verified: true },
    { personKey: 'a', category: 'skilled' as const, verified: true },
  ];

  it('when a licensed agency placed a skilled worker and a graduate (verified), then 240 yuan; unverified and other people are excluded with reasons', () => {
    const r = referralSubsidy({ kind: 'licensed' }, placed);
    expect(r).toMatchObject({ eligible: true, amountFen: 24_000, reason: '介绍就业 2 人 × 120 元' });
    expect(r.facts.excluded).toEqual([
      { personKey: 'c', reason: '尚未审核确认' },
      { personKey: 'd', reason: '不是技能型人才或院校毕业生' },
    ]);
  });

  it('when the agency is neither public nor licensed, then nothing is due', () => {
    expect(referralSubsidy({ kind: 'unlicensed' }, placed)).toMatchObject({ eligible: false, amountFen: 0 });
    expect(referralSubsidy({ kind: 'public' }, placed).amountFen).toBe(24_000);
  });
});
