import { Collection, recordId } from './collection';
import { planQuery } from './planner';
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
});
