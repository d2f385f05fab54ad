/**
 * Update pipelines (MongoDB ≥ 4.2), `$`-prefixed field names (storable since 5.0) and
 * `__proto__` keys, which MongoDB stores as ordinary field names. The pollution checks matter
 * for the embedded server: it runs in this process, so a polluted Object.prototype would show.
 */
import { type Collection } from 'mongodb';
import { serverError } from './support/serverError';
import { type Loose, openTestDb, type TestDb } from './support/testDb';

let t: TestDb;
let c: Collection<Loose>;
beforeAll(async () => {
  t = await openTestDb('pipeupd');
  c = t.db.collection<Loose>('docs');
});
afterAll(() => t.close());

describe('update pipelines', () => {
  it('when $set with an expression is followed by $unset, then both stages apply in order', async () => {
    await c.insertOne({ _id: 1, a: 2, x: 'gone', keep: true });
    await c.updateOne({ _id: 1 }, [{ $set: { b: { $multiply: ['$a', 10] } } }, { $unset: 'x' }]);
    expect(await c.findOne({ _id: 1 })).toEqual({ _id: 1, a: 2, keep: true, b: 20 });
  });

  it('when $addFields names an embedded document, then its fields merge into the existing one', async () => {
    await c.insertOne({ _id: 2, specs: { doors: 4 } });
    await c.updateOne({ _id: 2 }, [{ $addFields: { specs: { fuel: 'unleaded' } } }]);
    expect(await c.findOne({ _id: 2 })).toEqual({ _id: 2, specs: { doors: 4, fuel: 'unleaded' } });
  });

  it('when $project and $replaceWith reshape the document, then _id is kept and the rest replaced', async () => {
    await c.insertOne({ _id: 3, first: 'Ada', last: 'Lovelace', age: 36 });
    await c.updateOne({ _id: 3 }, [{ $project: { first: 1, last: 1 } }]);
    expect(await c.findOne({ _id: 3 })).toEqual({ _id: 3, first: 'Ada', last: 'Lovelace' });
    await c.updateOne({ _id: 3 }, [
      { $replaceWith: { _id: '$_id', name: { $concat: ['$first', ' ', '$last'] } } },
    ]);
    expect(await c.findOne({ _id: 3 })).toEqual({ _id: 3, name: 'Ada Lovelace' });
    await c.updateOne({ _id: 3 }, [
      { $replaceRoot: { newRoot: { _id: '$_id', n: { $strLenCP: '$name' } } } },
    ]);
    expect(await c.findOne({ _id: 3 })).toEqual({ _id: 3, n: 12 });
  });

  it('when $unset takes a list and $$REMOVE is set, then those fields disappear', async () => {
    await c.insertOne({ _id: 4, a: 1, b: 2, c: 3, d: 4 });
    await c.updateOne({ _id: 4 }, [{ $unset: ['a', 'b'] }, { $set: { c: '$$REMOVE' } }]);
    expect(await c.findOne({ _id: 4 })).toEqual({ _id: 4, d: 4 });
  });

  it('when a pipeline upserts, then expressions see the fields taken from the filter', async () => {
    await c.updateOne({ _id: 5, kind: 'k' }, [{ $set: { n: { $ifNull: ['$n', 0] }, k2: '$kind' } }], {
      upsert: true,
    });
    expect(await c.findOne({ _id: 5 })).toEqual({ _id: 5, kind: 'k', n: 0, k2: 'k' });
    const after = await c.findOneAndUpdate({ _id: 5 }, [{ $set: { n: { $add: ['$n', 1] } } }], {
      returnDocument: 'after',
    });
    expect(after).toEqual({ _id: 5, kind: 'k', n: 1, k2: 'k' });
  });

  it('when a pipeline stage is not allowed in updates, then the update fails with code 72', async () => {
    await c.insertOne({ _id: 6 });
    const err = await serverError(c.updateOne({ _id: 6 }, [{ $match: { _id: 6 } }] as never));
    expect(err.code).toBe(72);
  });

  it('when a pipeline changes _id, then it fails with ImmutableField (66)', async () => {
    await c.insertOne({ _id: 7 });
    const err = await serverError(c.updateOne({ _id: 7 }, [{ $set: { _id: 8 } }]));
    expect(err.code).toBe(66);
  });
});

describe('$-prefixed field names', () => {
  it('when $setField with $literal adds a top-level $price, then it is stored and read back', async () => {
    await c.insertOne({ _id: 10, item: 'sweatshirt' });
    await c.updateOne({ _id: 10 }, [
      { $replaceWith: { $setField: { field: { $literal: '$price' }, input: '$$ROOT', value: 45 } } },
    ]);
    expect(await c.findOne({ _id: 10 })).toEqual({ _id: 10, item: 'sweatshirt', $price: 45 });
    const found = await c
      .find({ $expr: { $eq: [{ $getField: { $literal: '$price' } }, 45] } })
      .project({ _id: 1 })
      .toArray();
    expect(found).toEqual([{ _id: 10 }]);
  });

  it('when a document with a top-level $price is inserted, then it is stored as MongoDB 5.0+ does', async () => {
    await c.insertOne({ _id: 11, $price: 50, quantity: 30 });
    expect(await c.findOne({ _id: 11 })).toEqual({ _id: 11, $price: 50, quantity: 30 });
  });

  it('when $set names a $-prefixed field of a stored document, then it fails with code 52', async () => {
    await c.insertOne({ _id: 12, date: '2021-07-07' });
    const err = await serverError(c.updateOne({ _id: 12 }, { $set: { phone: 25, $hotel: 320 } }));
    expect(err.code).toBe(52);
  });

  it('when an upsert inserts with a $-prefixed $set field, then the new document keeps it', async () => {
    await c.updateOne({ date: '2021-07-08' }, { $set: { phone: 25, $hotel: 320 } }, { upsert: true });
    const doc = await c.findOne({ date: '2021-07-08' }, { projection: { _id: 0 } });
    expect(doc).toEqual({ date: '2021-07-08', phone: 25, $hotel: 320 });
  });

  it('when a replacement document has a top-level $-field, then it fails with code 52', async () => {
    await c.insertOne({ _id: 13 });
    // The driver refuses {$rooms: 2} before sending it; a replacement whose first field is plain reaches the server.
    const reply = await t.db.command({
      update: 'docs',
      updates: [{ q: { _id: 13 }, u: { a: 1, $rooms: 2 } }],
    });
    expect(reply.writeErrors[0].code).toBe(52);
    expect(await c.findOne({ _id: 13 })).toEqual({ _id: 13 });
  });
});

describe('__proto__ keys in update payloads', () => {
  const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

  it('when $set names __proto__.x, then a field called __proto__ is stored and nothing is polluted', async () => {
    await c.insertOne({ _id: 20 });
    await c.updateOne({ _id: 20 }, { $set: { '__proto__.polluted': 1 } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const doc = (await c.findOne({ _id: 20 }))!;
    expect(hasOwn(doc, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(doc)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(doc))).toEqual(JSON.parse('{"_id":20,"__proto__":{"polluted":1}}'));
    expect(await c.countDocuments({ '__proto__.polluted': 1 })).toBe(1);
    // JSON.parse, not an object literal: a literal `__proto__:` would set the filter's prototype.
    expect(await c.countDocuments(JSON.parse('{"__proto__": {"$exists": true}}'))).toBe(1);
  });

  it('when $set holds a __proto__ key (as JSON.parse makes it), then it is stored as a field', async () => {
    await c.insertOne({ _id: 21, a: 1 });
    const payload = JSON.parse('{"__proto__": {"admin": true}}') as Loose;
    const res = await c.updateOne({ _id: 21 }, { $set: payload });
    expect(res.modifiedCount).toBe(1);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    const doc = (await c.findOne({ _id: 21 }))!;
    expect(hasOwn(doc, '__proto__')).toBe(true);
    expect(JSON.stringify(doc)).toBe('{"_id":21,"a":1,"__proto__":{"admin":true}}');
  });

  it('when __proto__ was written, then later pipeline updates and projections still work', async () => {
    await c.updateOne({ _id: 21 }, [{ $set: { b: 2 } }, { $unset: 'a' }]);
    const doc = (await c.findOne({ _id: 21 }, { projection: JSON.parse('{"b": 1, "__proto__": 1}') }))!;
    expect(JSON.stringify(doc)).toBe('{"_id":21,"__proto__":{"admin":true},"b":2}');
  });
});
