import { charterSubsidy } from './charter';

const params = {
  version: 'charter-test',
  perPassengerFenByRegion: { '52': 20_000, '510100': 15_000, '51': 10_000 },
};

describe('包车补贴', () => {
  it('when people boarded charters from 贵州 and 成都, then each trip pays its origin’s rate × people boarded', () => {
    const r = charterSubsidy(
      [
        { tripId: 't1', originRegion: '520100', boarded: ['a', 'b', 'b'] },
        { tripId: 't2', originRegion: '510100', boarded: ['c'] },
      ],
      params,
    );
    expect(r).toMatchObject({ eligible: true, amountFen: 55_000, facts: { passengers: 3 } });
    expect(r.reason).toBe('包车实际上车 2 人 × 200 元 + 1 人 × 150 元');
  });

  it('when people booked but nobody boarded, or the origin has no rate, then nothing is due', () => {
    expect(charterSubsidy([{ tripId: 't1', originRegion: '520100', boarded: [] }], params).amountFen).toBe(0);
    expect(charterSubsidy([{ tripId: 't1', originRegion: '430100', boarded: ['a'] }], params)).toMatchObject({
      eligible: false,
      amountFen: 0,
    });
  });
});
