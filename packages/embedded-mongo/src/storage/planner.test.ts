import { Long } from 'bson';
import { findDocuments } from '../engine/reader';
import { Collection, recordId } from './collection';
import { countByIndex, planQuery } from './planner';
import { SortedList } from './sortedList';
import { parseSort } from '../query/sort';

function filled(count: number): Collection {
  const coll = new Collection('db', 'c');
  coll.addIndex({ v: 2, key: { email: 1 }, name: 'email_1', unique: true });
  coll.addIndex({ v: 2, key: { age: 1, name: 1 }, name: 'age_1_name_1' });
  for (let i = 0; i < count; i++)
    coll.insert({ _id: i, email: `u${i}@x`, age: i % 100, name: `n${i}` }, recordId(i), i + 1, false);
  return coll;
}

describe('planQuery', () => {
  const coll = filled(2000);

  it('when the filter has an _id or unique-field equality, then exactly one candidate is produced', () => {
    const byId = planQuery(coll, { _id: 1234 })!;
    expect(byId.indexName).toBe('_id_');
    expect([...byId.ids]).toEqual([recordId(1234)]);
    const byEmail = planQuery(coll, { email: 'u77@x', other: { $exists: false } })!;
    expect(byEmail.indexName).toBe('email_1');
    expect([...byEmail.ids]).toEqual([recordId(77)]);
  });

  it('when the filter has $in or a range on an index prefix, then only those keys are scanned', () => {
    expect([...planQuery(coll, { email: { $in: ['u1@x', 'u2@x', 'nope'] } })!.ids]).toHaveLength(2);
    const range = planQuery(coll, { $and: [{ age: { $gte: 10, $lt: 12 } }] })!;
    expect(range.indexName).toBe('age_1_name_1');
    expect([...range.ids]).toHaveLength(40);
  });

  it('when nothing is indexable but the sort matches an index, then ids come in index order', () => {
    const plan = planQuery(coll, { name: /n1/ }, parseSort({ age: -1, name: -1 }))!;
    expect(plan.sorted).toBe(true);
    const first = [...plan.ids].slice(0, 2);
    expect(first.map((id) => coll.get(id)!.age)).toEqual([99, 99]);
  });

  it('when no predicate or sort can use an index, then no plan (a full scan) is returned', () => {
    expect(planQuery(coll, { name: 'n5' })).toBeUndefined();
  });
});

describe('planQuery with partial indexes', () => {
  /** 20,000 bookings, one live per (w, d); a unique index partial on {live: true}. */
  function bookings(partial: boolean): Collection {
    const coll = new Collection('db', 'bookings');
    coll.addIndex({
      v: 2,
      key: { w: 1, d: 1 },
      name: 'w_1_d_1',
      unique: true,
      ...(partial ? { partialFilterExpression: { live: true } } : {}),
    });
    coll.addIndex({
      v: 2,
      key: { status: 1, at: 1 },
      name: 'status_1_at_1',
      partialFilterExpression: { status: 'pending', at: { $gte: 100 } },
    });
    coll.addIndex({
      v: 2,
      key: { code: 1 },
      name: 'code_1',
      partialFilterExpression: { code: { $type: 'string' } },
    });
    coll.addIndex({ v: 2, key: { n: 1 }, name: 'n_1', partialFilterExpression: { n: { $type: 'int' } } });
    for (let i = 0; i < 20_000; i++) {
      const doc = {
        _id: i,
        w: i % 10_000,
        d: i < 10_000 ? 'd1' : 'd2',
        live: true,
        status: i % 2 ? 'pending' : 'done',
        at: i,
        code: i % 3 ? `c${i}` : null,
        n: i,
      };
      coll.insert(doc, recordId(i), i + 1, false);
    }
    return coll;
  }
  const coll = bookings(true);
  const examined = (filter: Record<string, unknown>, sort?: Record<string, 1 | -1>) => {
    const before = coll.docsExamined;
    const result = findDocuments(coll, filter, { sort: sort ? parseSort(sort) : undefined });
    return { n: result.found.length, examined: coll.docsExamined - before, index: result.indexName };
  };

  it('when a query repeats the partial filter equality, then the partial unique index serves it (no scan)', () => {
    expect(examined({ w: 42, d: 'd2', live: true })).toEqual({ n: 1, examined: 1, index: 'w_1_d_1' });
    expect(examined({ $and: [{ w: 42 }, { d: 'd1' }, { live: { $eq: true } }] })).toMatchObject({
      examined: 1,
    });
    expect(examined({ w: 42, d: 'd2', live: { $in: [true] } })).toMatchObject({ examined: 1 });
  });

  it('when the query does not imply the partial filter, then the index is not used and every document is examined', () => {
    // Without live:true a non-live booking (not in the index) could match: only a scan is correct.
    expect(examined({ w: 42, d: 'd2' })).toMatchObject({ n: 1, examined: 20_000, index: undefined });
    expect(examined({ w: 42, d: 'd2', live: { $exists: true } })).toMatchObject({ examined: 20_000 });
    expect(examined({ w: 42, d: 'd2', live: { $in: [true, false] } })).toMatchObject({ examined: 20_000 });
    expect(examined({ w: 42, d: 'd2', $or: [{ live: true }, { x: 1 }] })).toMatchObject({ examined: 20_000 });
  });

  it('when a range or $type in the partial filter is implied, then the index is used; when not, a scan', () => {
    // The equality on `status` and the range on `at` bound the scan together.
    expect(examined({ status: 'pending', at: { $gte: 19_990 } })).toMatchObject({
      n: 5,
      examined: 5,
      index: 'status_1_at_1',
    });
    expect(examined({ status: 'pending', at: 101 })).toMatchObject({ n: 1, examined: 1 });
    expect(examined({ status: 'pending', at: { $gt: 99, $lt: 110 } })).toMatchObject({
      n: 5,
      examined: 20_000,
    });
    expect(examined({ status: 'pending', at: 99 })).toMatchObject({ n: 1, examined: 20_000 });
    expect(examined({ status: 'pending', at: { $gte: '100' } })).toMatchObject({ n: 0, examined: 20_000 });
    expect(examined({ code: 'c7' })).toMatchObject({ n: 1, examined: 1, index: 'code_1' });
    expect(examined({ code: { $in: ['c7', 'c8'] } })).toMatchObject({ n: 2, examined: 2 });
    expect(examined({ code: null })).toMatchObject({ examined: 20_000 });
    // {n: 7} also matches Long(7), which a {$type: 'int'} index does not hold.
    expect(examined({ n: 7 })).toMatchObject({ n: 1, examined: 20_000 });
    coll.insert({ _id: 'long', n: Long.fromNumber(7) }, recordId('long'), 30_000, false);
    expect(examined({ n: 7 }).n).toBe(2);
    coll.remove(recordId('long'), 30_001, false);
  });

  it('when a sort matches an implied partial index, then results come in index order', () => {
    const plan = planQuery(coll, { status: 'pending', at: { $gte: 100 } }, parseSort({ status: 1, at: -1 }))!;
    expect(plan.indexName).toBe('status_1_at_1');
  });

  it('when 200 point lookups hit a partial unique index, then they examine 200 documents, as with a plain index', () => {
    const plain = bookings(false);
    const ex = (c: Collection) => {
      const before = c.docsExamined;
      for (let i = 0; i < 200; i++) findDocuments(c, { w: i * 37, d: 'd1', live: true });
      return c.docsExamined - before;
    };
    expect(ex(coll)).toBe(200);
    expect(ex(plain)).toBe(200);
  });
});

describe('index maintenance on replace', () => {
  it('when an update leaves the indexed fields alone, then entries stay; when it changes them, they move', () => {
    const coll = new Collection('db', 'r');
    const index = coll.addIndex({ v: 2, key: { k: 1 }, name: 'k_1', unique: true });
    coll.insert({ _id: 1, k: 'a', n: 1 }, recordId(1), 1, false);
    coll.insert({ _id: 2, k: 'b', n: 1 }, recordId(2), 2, false);
    coll.replace(recordId(1), { _id: 1, k: 'a', n: 2 }, 3, false);
    expect(index.lookup(['a'])).toEqual([recordId(1)]);
    expect([...index.ordered.forward()].map((e) => e[0])).toEqual(['a', 'b']);
    coll.replace(recordId(1), { _id: 1, k: 'c', n: 2 }, 4, false);
    expect(index.lookup(['a'])).toEqual([]);
    expect(index.lookup(['c'])).toEqual([recordId(1)]);
    expect([...index.ordered.forward()].map((e) => e[0])).toEqual(['b', 'c']);
    expect(() => coll.replace(recordId(2), { _id: 2, k: 'c' }, 5, false)).toThrow(/E11000/);
    expect(findDocuments(coll, { k: 'c' }).found.map((f) => f.doc.n)).toEqual([2]);
  });
});

describe('SortedList', () => {
  it('when many items are inserted and removed, then iteration stays ordered in both directions', () => {
    const list = new SortedList<number>((a, b) => a - b);
    const values = Array.from({ length: 5000 }, (_, i) => (i * 7919) % 5000);
    for (const v of values) list.insert(v);
    for (let v = 0; v < 5000; v += 2) expect(list.remove(v)).toBe(true);
    expect(list.remove(2)).toBe(false);
    const forward = [...list.forward()];
    expect(forward).toHaveLength(2500);
    expect(forward.every((v, i) => v === i * 2 + 1)).toBe(true);
    expect([...list.backward()].slice(0, 3)).toEqual([4999, 4997, 4995]);
    expect([...list.forward(list.seek((v) => v - 4000))].slice(0, 2)).toEqual([4001, 4003]);
  });

  it('when keys mostly grow (appended at the tail) with some landing earlier, then order and lookups hold', () => {
    const list = new SortedList<number>((a, b) => a - b);
    for (let v = 0; v < 6000; v++) list.insert(v * 2 + (v % 100 === 0 ? -101 : 0));
    for (let v = 1; v < 12_000; v += 400) list.insert(v);
    const forward = [...list.forward()];
    expect(forward).toHaveLength(6030);
    expect(forward.every((v, i) => i === 0 || forward[i - 1] <= v)).toBe(true);
    expect(list.remove(11_998)).toBe(true);
    expect(list.remove(401)).toBe(true);
    expect([...list.backward()][0]).toBe(11_996);
    expect([...list.forward(list.seek((v) => v - 399))].slice(0, 3)).toEqual([402, 404, 406]); // 400 went in as 299
  });
});

describe('compound index prefixes', () => {
  // Bookings-like: 40 trips × 3 statuses × 50 tickets, index (trip, status, seq).
  const coll = new Collection('db', 'bookings');
  coll.addIndex({ v: 2, key: { trip: 1, status: 1, seq: 1 }, name: 'trip_1_status_1_seq_1' });
  coll.addIndex({ v: 2, key: { trip: 1, seq: -1 }, name: 'trip_1_seq_-1' });
  let n = 0;
  for (let trip = 0; trip < 40; trip++)
    for (const status of ['confirmed', 'waitlisted', 'cancelled'])
      for (let seq = 1; seq <= 50; seq++) {
        coll.insert({ _id: n, trip, status, seq }, recordId(n), n + 1, false);
        n += 1;
      }
  const examined = (filter: Record<string, unknown>) => {
    const before = coll.docsExamined;
    const result = findDocuments(coll, filter, {});
    return { n: result.found.length, examined: coll.docsExamined - before };
  };

  it('when equalities cover a prefix and the next field has a range, then only the entries in that range are examined', () => {
    expect(examined({ trip: 7, status: 'waitlisted', seq: { $lt: 11 } })).toEqual({ n: 10, examined: 10 });
    expect(examined({ trip: 7, status: 'waitlisted', seq: { $gt: 45, $lte: 47 } })).toEqual({
      n: 2,
      examined: 2,
    });
    expect(examined({ trip: 7, status: 'waitlisted' })).toEqual({ n: 50, examined: 50 });
    // Before: the first field alone chose the candidates (all 150 of the trip).
    expect(examined({ trip: 7, status: 'waitlisted', seq: { $gte: 50 } }).examined).toBeLessThan(150);
  });

  it('when the first field is an $in and the others are fixed by $in or equality, then only those tuples are examined, in index order', () => {
    const filter = {
      trip: { $in: [6, 5] },
      status: { $in: ['waitlisted', 'confirmed'] },
      seq: { $in: [3, 1] },
    };
    const before = coll.docsExamined;
    const { found } = findDocuments(coll, filter, {});
    expect(coll.docsExamined - before).toBe(8); // not the 300 entries of the two trips
    const shown = (d: Record<string, unknown>) => `${String(d.trip)} ${String(d.status)} ${String(d.seq)}`;
    expect(found.map((f) => shown(f.doc))).toEqual([
      '6 confirmed 1',
      '6 confirmed 3',
      '6 waitlisted 1',
      '6 waitlisted 3',
      '5 confirmed 1',
      '5 confirmed 3',
      '5 waitlisted 1',
      '5 waitlisted 3',
    ]);
    expect(examined({ trip: { $in: [7] }, status: 'waitlisted', seq: { $in: [2, 99] } })).toEqual({
      n: 1,
      examined: 1,
    });
  });

  it('when the range is on a descending field or of another type, then the bounds still hold', () => {
    expect(examined({ trip: 3, seq: { $gte: 49 } })).toEqual({ n: 6, examined: 6 });
    expect(examined({ trip: 3, status: 'confirmed', seq: { $lt: 'a' } })).toEqual({ n: 0, examined: 0 });
    expect(examined({ trip: 99, status: 'confirmed', seq: { $lt: 5 } })).toEqual({ n: 0, examined: 0 });
  });
});

describe('countByIndex', () => {
  const coll = new Collection('db', 'q');
  coll.addIndex({ v: 2, key: { trip: 1, status: 1, seq: 1 }, name: 'trip_status_seq' });
  coll.addIndex({ v: 2, key: { tags: 1 }, name: 'tags_1' });
  let n = 0;
  const put = (doc: Record<string, unknown>) => {
    coll.insert({ _id: n, ...doc }, recordId(n), n + 1, false);
    n += 1;
  };
  for (let seq = 1; seq <= 30; seq++) put({ trip: 1, status: seq % 3 ? 'waitlisted' : 'confirmed', seq });
  put({ trip: 1, status: 'waitlisted', seq: '7' }); // a string: outside a numeric range's bracket
  put({ trip: 1, status: 'waitlisted' }); // no seq at all
  put({ trip: 2, tags: ['a', 'b'], status: 'waitlisted', seq: 1 });
  const byMatcher = (f: Record<string, unknown>) => findDocuments(coll, f, {}).found.length;

  it('when the filter is an equality prefix plus one range, then the index count equals what the matcher finds', () => {
    for (const f of [
      { trip: 1, status: 'waitlisted', seq: { $lt: 11 } },
      { trip: 1, status: 'waitlisted', seq: { $gte: 5, $lte: 20 } },
      { trip: 1, status: { $eq: 'confirmed' } },
      { trip: 1, status: 'waitlisted', seq: { $gt: '0' } },
      { trip: 3, status: 'waitlisted', seq: { $lt: 5 } },
    ]) {
      expect(countByIndex(coll, f)).toBe(byMatcher(f));
    }
    expect(countByIndex(coll, { trip: 1, status: 'waitlisted', seq: { $lt: 11 } })).toBe(7);
  });

  it('when the filter says anything an index cannot express exactly, then it declines (undefined)', () => {
    expect(countByIndex(coll, { status: 'waitlisted' })).toBeUndefined(); // not a leading field
    expect(countByIndex(coll, { trip: 1, seq: { $lt: 3 } })).toBeUndefined(); // gap in the prefix
    expect(countByIndex(coll, { trip: 1, status: 'waitlisted', seq: { $ne: 3 } })).toBeUndefined();
    expect(countByIndex(coll, { trip: 1, status: { $in: ['a', 'b'] } })).toBeUndefined();
    expect(countByIndex(coll, { trip: 1, status: null })).toBeUndefined();
    expect(countByIndex(coll, { trip: 1, $or: [{ seq: 1 }] })).toBeUndefined();
    expect(countByIndex(coll, { tags: 'a' })).toBeUndefined(); // multikey
  });
});
