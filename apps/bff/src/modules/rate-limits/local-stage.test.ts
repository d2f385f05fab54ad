import { LocalWindows } from './local-stage';

describe('LocalWindows memory bound', () => {
  it('when more addresses are live than it may hold, then new ones are counted exactly in the database instead of in memory', () => {
    const w = new LocalWindows(2);
    expect(w.hit('a', 5, 1000, 0)).toEqual({ stage: 'local' });
    expect(w.hit('b', 5, 1000, 0)).toEqual({ stage: 'local' });
    expect(w.hit('c', 5, 1000, 0)).toEqual({ stage: 'shared', by: 1 });
    expect(w.size).toBe(2);
  });

  it('when the windows it holds have ended, then their keys are dropped to make room', () => {
    const w = new LocalWindows(2);
    w.hit('a', 5, 1000, 0);
    w.hit('b', 5, 1000, 0);
    expect(w.hit('c', 5, 2000, 1000)).toEqual({ stage: 'local' });
    expect(w.size).toBe(1);
  });
});
