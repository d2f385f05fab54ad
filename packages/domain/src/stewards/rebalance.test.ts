import { shareFirms } from './rebalance';

const firms = (n: number) => Array.from({ length: n }, (_, i) => `f${i}`);

describe('sharing a leaving steward’s firms', () => {
  it('when two stewards with equal loads take over 5 firms, then one gets 3 and the other 2, the first named the odd one', () => {
    const shared = shareFirms(firms(5), [
      { stewardId: 'a', current: 10 },
      { stewardId: 'b', current: 10 },
    ]);
    expect(shared.get('a')).toHaveLength(3);
    expect(shared.get('b')).toHaveLength(2);
  });

  it('when one taker already serves many more, then the lighter one receives firms until the loads meet', () => {
    const shared = shareFirms(firms(6), [
      { stewardId: 'busy', current: 8 },
      { stewardId: 'light', current: 2 },
    ]);
    expect(shared.get('light')).toHaveLength(6);
    expect(shared.get('busy')).toEqual([]);
    const more = shareFirms(firms(10), [
      { stewardId: 'busy', current: 8 },
      { stewardId: 'light', current: 2 },
    ]);
    // 2 + 10 more = 8 + 2 more: both end at 10 (light took 8, busy 2).
    expect(more.get('light')).toHaveLength(8);
    expect(more.get('busy')).toHaveLength(2);
  });

  it('when firms are shared, then every firm goes to exactly one steward', () => {
    const shared = shareFirms(firms(7), [
      { stewardId: 'a', current: 0 },
      { stewardId: 'b', current: 1 },
      { stewardId: 'c', current: 3 },
    ]);
    expect([...shared.values()].flat().sort()).toEqual(firms(7).sort());
  });

  it('when nobody is named to take over, then it refuses at once', () => {
    expect(() => shareFirms(firms(1), [])).toThrow(TypeError);
  });
});
