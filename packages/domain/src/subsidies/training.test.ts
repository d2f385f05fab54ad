import fc from 'fast-check';
import { trainingSubsidy, TRAINING_SUBSIDY_2020 } from './training';

describe('线上培训补贴', () => {
  it('when a 三必需、一重要 firm trains 10 people online, then 3,000 yuan and no advance', () => {
    const trainees = Array.from({ length: 10 }, (_, i) => `t${i}`);
    const r = trainingSubsidy({ firmKinds: ['essential'], trainees, programme: 'online' });
    expect(r).toMatchObject({ eligible: true, amountFen: 300_000, reason: '培训 10 人 × 300 元' });
    expect(r.facts.advanceFen).toBe(0);
  });

  it('when it is apprenticeship or project training, then up to 50 % is paid in advance', () => {
    const r = trainingSubsidy({ firmKinds: ['key'], trainees: ['a', 'b', 'c'], programme: 'project' });
    expect(r.facts.advanceFen).toBe(45_000);
    expect(r.reason).toBe('培训 3 人 × 300 元（先行预拨 450 元）');
  });

  it('when the firm is in none of the eligible groups, then nothing is due', () => {
    const r = trainingSubsidy({ firmKinds: [], trainees: ['a'], programme: 'online' });
    expect(r).toMatchObject({ eligible: false, amountFen: 0 });
  });

  it('when the advance is set above 50 %, then the parameters are refused', () => {
    expect(() =>
      trainingSubsidy(
        { firmKinds: ['key'], trainees: ['a'], programme: 'project' },
        { ...TRAINING_SUBSIDY_2020, advancePercent: 60 },
      ),
    ).toThrow(TypeError);
  });

  it('when any trainees are given, then the advance never exceeds half the amount and the amount is 300 yuan per distinct person', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 3 }), { maxLength: 30 }),
        fc.constantFrom('online' as const, 'apprenticeship' as const, 'project' as const),
        (trainees, programme) => {
          const r = trainingSubsidy({ firmKinds: ['certification'], trainees, programme });
          return r.amountFen === new Set(trainees).size * 30_000 && r.facts.advanceFen * 2 <= r.amountFen;
        },
      ),
    );
  });
});
