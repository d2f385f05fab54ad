import { type MongoServerError } from '../errors';
import { applyUpdate, compileArrayFilters, parseUpdate, upsertBaseFromFilter } from './applyUpdate';

const run = (doc: object, update: unknown, options = {}) =>
  applyUpdate(doc as Record<string, unknown>, parseUpdate(update), options);

function codeOf(fn: () => unknown): number | undefined {
  try {
    fn();
  } catch (err) {
    return (err as MongoServerError).code;
  }
  return undefined;
}

describe('applyUpdate', () => {
  it('when applying operators, then the original document is left untouched', () => {
    const original = { _id: 1, a: { b: 1 }, list: [1] };
    const next = run(original, { $set: { 'a.c': 2 }, $push: { list: 2 } });
    expect(next).toEqual({ _id: 1, a: { b: 1, c: 2 }, list: [1, 2] });
    expect(original).toEqual({ _id: 1, a: { b: 1 }, list: [1] });
  });

  it('when every kind of operator writes nested and array paths, then no container of the original changes', () => {
    const original = {
      _id: 1,
      n: { count: 1, deep: { list: [3, 1, 2], tags: ['a'] } },
      rows: [
        { k: 'x', v: 1 },
        { k: 'y', v: 2 },
      ],
      gone: { a: 1 },
      untouched: { big: [{ x: 1 }] },
    };
    const snapshot = structuredClone(original);
    const filters = compileArrayFilters([{ 'r.k': 'y' }]);
    const updates: unknown[] = [
      { $inc: { 'n.count': 1 }, $push: { 'n.deep.list': { $each: [0], $sort: 1 } } },
      { $addToSet: { 'n.deep.tags': 'b' }, $pop: { 'n.deep.list': 1 }, $unset: { 'gone.a': '' } },
      { $pull: { 'n.deep.list': 1 }, $pullAll: { 'n.deep.tags': ['a'] }, $set: { 'rows.$[].seen': true } },
      { $set: { 'rows.$[r].v': 9 }, $rename: { 'gone.a': 'moved.a', 'n.count': 'n.total' } },
      { $mul: { 'rows.0.v': 3 }, $max: { 'n.deep.top': 5 }, $bit: { 'rows.1.v': { or: 4 } } },
    ];
    for (const u of updates)
      run(original, u, JSON.stringify(u).includes('$[r]') ? { arrayFilters: filters } : {});
    run(original, { $set: { 'rows.$.v': 7 } }, { matchedIndex: 1 });
    expect(original).toEqual(snapshot);
    // What an update does not write is shared with the old version, not copied.
    const next = run(original, { $inc: { 'n.count': 1 } });
    expect(next.untouched).toBe(original.untouched);
    expect((next.n as { deep: unknown }).deep).toBe(original.n.deep);
    expect(next.n).not.toBe(original.n);
  });

  it('when setting through a scalar, then PathNotViable (28) is raised', () => {
    expect(codeOf(() => run({ _id: 1, a: 5 }, { $set: { 'a.b': 1 } }))).toBe(28);
  });

  it('when two operators touch overlapping paths, then ConflictingUpdateOperators (40) is raised', () => {
    expect(codeOf(() => parseUpdate({ $set: { a: 1 }, $inc: { 'a.b': 1 } }))).toBe(40);
  });

  it('when incrementing a string, then TypeMismatch (14) is raised', () => {
    expect(codeOf(() => run({ _id: 1, s: 'x' }, { $inc: { s: 1 } }))).toBe(14);
  });

  it('when a replacement changes _id, then ImmutableField (66) is raised', () => {
    expect(codeOf(() => run({ _id: 1 }, { _id: 2, a: 1 }))).toBe(66);
    expect(run({ _id: 1, x: 1 }, { a: 1 })).toEqual({ _id: 1, a: 1 });
  });

  it('when $push has $each, $sort and $slice, then they apply in that order', () => {
    expect(run({ _id: 1, s: [5, 1] }, { $push: { s: { $each: [3, 9], $sort: -1, $slice: 3 } } })).toEqual({
      _id: 1,
      s: [9, 5, 3],
    });
  });

  it('when an array filter identifier is unused, then FailedToParse (9) is raised', () => {
    const arrayFilters = compileArrayFilters([{ 'x.v': 1 }]);
    expect(codeOf(() => run({ _id: 1, a: [{ v: 1 }] }, { $set: { 'a.$[].v': 2 } }, { arrayFilters }))).toBe(
      9,
    );
  });

  it('when an upsert filter has equality conditions, then they seed the new document', () => {
    expect(upsertBaseFromFilter({ a: 1, 'b.c': 'x', d: { $gt: 1 }, $and: [{ e: { $eq: true } }] })).toEqual({
      a: 1,
      b: { c: 'x' },
      e: true,
    });
  });
});
