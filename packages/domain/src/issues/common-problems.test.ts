import { groupCommonProblems } from './common-problems';

describe('common problems (共性问题)', () => {
  it('when three firms report labour shortages and one firm reports funding twice, then only labour is common', () => {
    const out = groupCommonProblems(
      [
        { id: '1', category: 'labour', enterpriseId: 'a' },
        { id: '2', category: 'labour', enterpriseId: 'b' },
        { id: '3', category: 'labour', enterpriseId: 'c' },
        { id: '4', category: 'funding', enterpriseId: 'a' },
        { id: '5', category: 'funding', enterpriseId: 'a' },
      ],
      2,
    );
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ category: 'labour', enterprises: 3 });
    expect(out[0].issues.map((i) => i.id)).toEqual(['1', '2', '3']);
  });
});
