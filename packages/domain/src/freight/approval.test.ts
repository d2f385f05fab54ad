import { CARGO_CATEGORIES } from '@fugong/contracts';
import { approvalPathFor, freightReviewDue } from './approval';

describe('approval path of a freight pass', () => {
  it('when the cargo is a seed-000 green-channel category, then any firm is approved at once under 告知承诺', () => {
    for (const cargo of ['epidemic_supplies', 'daily_necessities', 'key_production'] as const) {
      expect(approvalPathFor(cargo, 'above')).toBe('commitment');
      expect(approvalPathFor(cargo, 'below')).toBe('commitment');
    }
  });

  it('when a small (规下) firm carries raw materials, parts or finished goods, then seed 004 §5 approves it at once', () => {
    for (const cargo of ['raw_materials', 'components', 'finished_goods'] as const)
      expect(approvalPathFor(cargo, 'below')).toBe('commitment');
  });

  it('when a 规上 firm carries raw materials, parts or finished goods, then a transport officer reviews it', () => {
    for (const cargo of ['raw_materials', 'components', 'finished_goods'] as const)
      expect(approvalPathFor(cargo, 'above')).toBe('review');
  });

  it('when every category is asked about, then each has exactly one answer per firm size', () => {
    const paths = CARGO_CATEGORIES.map(
      (c) => `${approvalPathFor(c, 'above')}/${approvalPathFor(c, 'below')}`,
    );
    expect(paths).toEqual([
      'commitment/commitment',
      'commitment/commitment',
      'commitment/commitment',
      'review/commitment',
      'review/commitment',
      'review/commitment',
    ]);
  });
});

describe('review deadline', () => {
  it('when applied on a Friday afternoon, then the officer has until Monday afternoon (one working day)', () => {
    const due = freightReviewDue(new Date('2026-03-06T15:00:00+08:00'), { holidays: [] });
    expect(due.toISOString()).toBe(new Date('2026-03-09T15:00:00+08:00').toISOString());
  });

  it('when the next day is a holiday, then it is skipped', () => {
    const due = freightReviewDue(new Date('2026-03-03T10:00:00+08:00'), { holidays: ['2026-03-04'] });
    expect(due.toISOString()).toBe(new Date('2026-03-05T10:00:00+08:00').toISOString());
  });
});
