import fc from 'fast-check';
import { layoffRateWithin, unemploymentRefund } from './unemployment-refund';

const firm = { sme: true, insuredAtStart: 200, layoffs: 11, premiumsPaidFen: 4_000_000 };

describe('失业保险稳岗返还', () => {
  it('when 11 of 200 insured staff were laid off (exactly 5.5 %), then half of last year’s premiums are refunded', () => {
    const r = unemploymentRefund(firm);
    expect(r).toMatchObject({ eligible: true, amountFen: 2_000_000, policy: 'uiRefund' });
    expect(r.reason).toBe(
      '上年度实缴失业保险费 40,000 元 × 50%（裁员 11 人 ÷ 上年初参保 200 人 = 5.5%，不高于 5.5%）',
    );
  });

  it('when the rate is just above 5.5 % (12 of 200 = 6 %, or 56 of 1,018 ≈ 5.501 %), then nothing is due', () => {
    expect(unemploymentRefund({ ...firm, layoffs: 12 }).eligible).toBe(false);
    expect(layoffRateWithin(56, 1018, 55)).toBe(false);
    expect(layoffRateWithin(55, 1000, 55)).toBe(true);
    expect(unemploymentRefund({ ...firm, layoffs: 12 }).reason).toBe(
      '裁员 12 人 ÷ 上年初参保 200 人 = 6%，高于 5.5%',
    );
  });

  it('when a firm has 30 insured staff, then the 20 % ceiling applies: 6 laid off pass, 7 do not', () => {
    const small = { ...firm, insuredAtStart: 30 };
    expect(unemploymentRefund({ ...small, layoffs: 6 })).toMatchObject({
      eligible: true,
      facts: { smallFirm: true },
    });
    expect(unemploymentRefund({ ...small, layoffs: 7 }).eligible).toBe(false);
  });

  it('when a firm has 31 insured staff, then the 5.5 % ceiling applies: 1 laid off passes, 2 do not', () => {
    const r = unemploymentRefund({ ...firm, insuredAtStart: 31, layoffs: 1 });
    expect(r).toMatchObject({ eligible: true, facts: { smallFirm: false, ceilingPermille: 55 } });
    expect(unemploymentRefund({ ...firm, insuredAtStart: 31, layoffs: 2 }).eligible).toBe(false);
  });

  it('when the firm is not an SME, had no insured staff or paid no premiums, then nothing is due with the reason', () => {
    expect(unemploymentRefund({ ...firm, sme: false }).reason).toBe('不是中小微企业');
    expect(unemploymentRefund({ ...firm, insuredAtStart: 0, layoffs: 0 }).eligible).toBe(false);
    expect(unemploymentRefund({ ...firm, premiumsPaidFen: 0 }).reason).toBe('上年度未缴纳失业保险费');
  });

  it('when premiums are odd fen, then the refund rounds down to the fen', () => {
    expect(unemploymentRefund({ ...firm, premiumsPaidFen: 3 }).amountFen).toBe(1);
  });

  it('when any figures are given, then the refund is never negative nor above half the premiums, and fewer layoffs never lose it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 10 ** 9 }),
        (insured, layoffs, premiums) => {
          const input = { sme: true, insuredAtStart: insured, layoffs, premiumsPaidFen: premiums };
          const r = unemploymentRefund(input);
          const fewer = unemploymentRefund({ ...input, layoffs: Math.max(0, layoffs - 1) });
          return r.amountFen >= 0 && r.amountFen * 2 <= premiums && (!r.eligible || fewer.eligible);
        },
      ),
    );
  });
});
