import { Batcher } from './batcher';

describe('Batcher', () => {
  it('when several calls are made in one turn, then they are answered by one run, each with its own output', async () => {
    const runs: number[][] = [];
    const b = new Batcher<number, number>(async (xs) => {
      runs.push(xs);
      return xs.map((x) => x * 10);
    });
    const out = await Promise.all([b.load(1), b.load(2), b.load(3)]);
    expect(out).toEqual([10, 20, 30]);
    expect(runs).toEqual([[1, 2, 3]]);
    expect(await b.load(4)).toBe(40);
    expect(runs).toEqual([[1, 2, 3], [4]]);
  });

  it('when one output is an Error, then only that caller fails; when the run throws, every caller fails', async () => {
    const b = new Batcher<number, number>(async (xs) => xs.map((x) => (x === 2 ? new Error('bad 2') : x)));
    const r = await Promise.allSettled([b.load(1), b.load(2), b.load(3)]);
    expect(r.map((x) => x.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const down = new Batcher<number, number>(async () => {
      throw new Error('database down');
    });
    const all = await Promise.allSettled([down.load(1), down.load(2)]);
    expect(all.every((x) => x.status === 'rejected')).toBe(true);
  });

  it('when more calls than the batch size arrive, then they are split into runs of at most that size', async () => {
    const sizes: number[] = [];
    const b = new Batcher<number, number>(async (xs) => {
      sizes.push(xs.length);
      return xs;
    }, 2);
    await Promise.all([1, 2, 3, 4, 5].map((x) => b.load(x)));
    expect(sizes).toEqual([2, 2, 1]);
  });
});
