import { type Collection, type Document, ObjectId } from 'mongodb';
import { type Loose, openTestDb, type TestDb } from './support/testDb';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb('crud');
});
afterAll(() => t.close());

function coll(name: string): Collection<Loose> {
  return t.db.collection<Loose>(name);
}

describe('insert and find', () => {
  it('when documents are inserted, then find returns them with generated ObjectIds', async () => {
    const c = coll('basic');
    const res = await c.insertMany([{ a: 1 }, { a: 2 }, { a: 3 }]);
    expect(res.insertedCount).toBe(3);
    const docs = await c.find({}, { sort: { a: 1 } }).toArray();
    expect(docs.map((d) => d.a)).toEqual([1, 2, 3]);
    expect(docs[0]._id).toBeInstanceOf(ObjectId);
  });

  it('when filtering with comparison, logical and array operators, then only matching documents return', async () => {
    const c = coll('ops');
    await c.insertMany([
      { _id: 1, n: 5, tags: ['a', 'b'], s: 'apple', nested: { x: 1 } },
      { _id: 2, n: 10, tags: ['b'], s: 'banana', nested: { x: 2 } },
      { _id: 3, n: 15, tags: [], s: 'cherry' },
      {
        _id: 4,
        s: 'date',
        items: [
          { k: 1, v: 'x' },
          { k: 2, v: 'y' },
        ],
      },
    ]);
    const ids = async (filter: object) => (await c.find(filter).sort({ _id: 1 }).toArray()).map((d) => d._id);
    expect(await ids({ n: { $gt: 5, $lte: 15 } })).toEqual([2, 3]);
    expect(await ids({ n: { $in: [5, 15] } })).toEqual([1, 3]);
    expect(await ids({ n: { $nin: [5, 15] } })).toEqual([2, 4]);
    expect(await ids({ n: { $ne: 10 } })).toEqual([1, 3, 4]);
    expect(await ids({ n: { $exists: false } })).toEqual([4]);
    expect(await ids({ tags: 'b' })).toEqual([1, 2]);
    expect(await ids({ tags: { $all: ['a', 'b'] } })).toEqual([1]);
    expect(await ids({ tags: { $size: 0 } })).toEqual([3]);
    expect(await ids({ $or: [{ n: 5 }, { s: 'date' }] })).toEqual([1, 4]);
    expect(await ids({ $nor: [{ n: 5 }, { s: 'date' }] })).toEqual([2, 3]);
    expect(await ids({ s: { $regex: '^b' } })).toEqual([2]);
    expect(await ids({ s: /ERR/i })).toEqual([3]);
    expect(await ids({ 'nested.x': 2 })).toEqual([2]);
    expect(await ids({ items: { $elemMatch: { k: 2, v: 'y' } } })).toEqual([4]);
    expect(await ids({ 'items.v': 'x' })).toEqual([4]);
    expect(await ids({ n: { $not: { $gt: 5 } } })).toEqual([1, 4]);
    expect(await ids({ $expr: { $gt: ['$n', 9] } })).toEqual([2, 3]);
    expect(await ids({ n: { $mod: [5, 0] }, _id: { $lt: 3 } })).toEqual([1, 2]);
  });

  it('when sorting, skipping, limiting and projecting, then the result follows all four', async () => {
    const c = coll('paging');
    await c.insertMany(Array.from({ length: 20 }, (_, i) => ({ i, even: i % 2 === 0, secret: 'x' })));
    const page = await c
      .find({ even: true }, { projection: { secret: 0 } })
      .sort({ i: -1 })
      .skip(2)
      .limit(3)
      .toArray();
    expect(page.map((d) => d.i)).toEqual([14, 12, 10]);
    expect(page[0]).not.toHaveProperty('secret');
    const included = await c.findOne({ i: 3 }, { projection: { i: 1, _id: 0 } });
    expect(included).toEqual({ i: 3 });
  });

  it('when a query returns thousands of documents, then getMore batches deliver all of them in order', async () => {
    const c = coll('big');
    await c.insertMany(Array.from({ length: 5000 }, (_, i) => ({ i, pad: 'p'.repeat(50) })));
    const cursor = c.find({}, { batchSize: 700 }).sort({ i: 1 });
    let count = 0;
    let last = -1;
    for await (const doc of cursor) {
      expect(doc.i).toBe(last + 1);
      last = Number(doc.i);
      count++;
    }
    expect(count).toBe(5000);
  });

  it('when a cursor is closed early, then killCursors releases it and the server keeps answering', async () => {
    const c = coll('big');
    const cursor = c.find({}, { batchSize: 10 });
    await cursor.next();
    await cursor.close();
    expect(await c.countDocuments({ i: { $lt: 10 } })).toBe(10);
  });
});

describe('update', () => {
  it('when updating with operators, then fields change as MongoDB defines', async () => {
    const c = coll('upd');
    await c.insertOne({ _id: 1, n: 1, arr: [1, 2, 3], obj: { a: 1 }, gone: true, name: 'x' });
    await c.updateOne({ _id: 1 }, {
      $inc: { n: 2 },
      $push: { arr: { $each: [4, 5], $slice: -4 } },
      $set: { 'obj.b': 2 },
      $unset: { gone: '' },
      $rename: { name: 'title' },
      $min: { low: 3 },
      $currentDate: { at: true },
    } as Document);
    const doc = await c.findOne({ _id: 1 });
    expect(doc).toMatchObject({ n: 3, arr: [2, 3, 4, 5], obj: { a: 1, b: 2 }, title: 'x', low: 3 });
    expect(doc).not.toHaveProperty('gone');
    expect(doc!.at).toBeInstanceOf(Date);
    await c.updateOne({ _id: 1 }, {
      $pull: { arr: { $gte: 4 } },
      $addToSet: { set: { $each: [1, 1, 2] } },
    } as Document);
    await c.updateOne({ _id: 1 }, { $pop: { arr: -1 } });
    expect(await c.findOne({ _id: 1 }, { projection: { arr: 1, set: 1 } })).toEqual({
      _id: 1,
      arr: [3],
      set: [1, 2],
    });
  });

  it('when updating many with multi, then matched and modified counts are reported', async () => {
    const c = coll('multi');
    await c.insertMany([
      { g: 1, v: 0 },
      { g: 1, v: 5 },
      { g: 2, v: 0 },
    ]);
    const res = await c.updateMany({ g: 1 }, { $set: { v: 5 } });
    expect(res.matchedCount).toBe(2);
    expect(res.modifiedCount).toBe(1);
  });

  it('when upserting with no match, then a document is built from the filter and update', async () => {
    const c = coll('upsert');
    const res = await c.updateOne(
      { email: 'a@x', kind: { $eq: 'user' } },
      { $set: { name: 'A' }, $setOnInsert: { created: 1 } },
      { upsert: true },
    );
    expect(res.upsertedCount).toBe(1);
    const doc = await c.findOne({ _id: res.upsertedId! });
    expect(doc).toMatchObject({ email: 'a@x', kind: 'user', name: 'A', created: 1 });
    const again = await c.updateOne(
      { email: 'a@x' },
      { $set: { name: 'B' }, $setOnInsert: { created: 2 } },
      { upsert: true },
    );
    expect(again.upsertedCount).toBe(0);
    expect(await c.findOne({ email: 'a@x' })).toMatchObject({ name: 'B', created: 1 });
  });

  it('when using positional, all-positional and filtered-positional paths, then the right elements change', async () => {
    const c = coll('positional');
    await c.insertOne({
      _id: 1,
      grades: [
        { s: 80, ok: false },
        { s: 95, ok: false },
        { s: 70, ok: false },
      ],
      xs: [1, 2, 3],
    });
    await c.updateOne({ _id: 1, 'grades.s': 95 }, { $set: { 'grades.$.ok': true } });
    await c.updateOne({ _id: 1 }, { $inc: { 'xs.$[]': 10 } });
    await c.updateOne(
      { _id: 1 },
      { $set: { 'grades.$[low].flag': 'low' } },
      { arrayFilters: [{ 'low.s': { $lt: 75 } }] },
    );
    const doc = await c.findOne({ _id: 1 });
    expect(doc!.grades).toEqual([
      { s: 80, ok: false },
      { s: 95, ok: true },
      { s: 70, ok: false, flag: 'low' },
    ]);
    expect(doc!.xs).toEqual([11, 12, 13]);
  });

  it('when replacing a document or updating with a pipeline, then the result reflects it', async () => {
    const c = coll('replace');
    await c.insertOne({ _id: 'r', a: 1, b: 2 });
    await c.replaceOne({ _id: 'r' }, { c: 3 });
    expect(await c.findOne({ _id: 'r' })).toEqual({ _id: 'r', c: 3 });
    await c.updateOne({ _id: 'r' }, [{ $set: { d: { $add: ['$c', 1] } } }, { $unset: 'c' }]);
    expect(await c.findOne({ _id: 'r' })).toEqual({ _id: 'r', d: 4 });
  });
});

describe('delete, findAndModify, count, distinct', () => {
  it('when deleting one and many, then counts drop accordingly', async () => {
    const c = coll('del');
    await c.insertMany([{ k: 1 }, { k: 1 }, { k: 2 }]);
    expect((await c.deleteOne({ k: 1 })).deletedCount).toBe(1);
    expect((await c.deleteMany({})).deletedCount).toBe(2);
    expect(await c.countDocuments()).toBe(0);
  });

  it('when using findOneAndUpdate/Replace/Delete, then the before or after document is returned', async () => {
    const c = coll('fam');
    await c.insertMany([
      { q: 1, v: 'b' },
      { q: 1, v: 'a' },
    ]);
    const before = await c.findOneAndUpdate(
      { q: 1 },
      { $set: { hit: true } },
      { sort: { v: 1 }, returnDocument: 'before' },
    );
    expect(before).toMatchObject({ v: 'a' });
    expect(before).not.toHaveProperty('hit');
    const after = await c.findOneAndUpdate(
      { q: 1, v: 'b' },
      { $set: { hit: 2 } },
      { returnDocument: 'after', projection: { _id: 0 } },
    );
    expect(after).toEqual({ q: 1, v: 'b', hit: 2 });
    const upserted = await c.findOneAndUpdate(
      { q: 9 },
      { $set: { v: 'z' } },
      { upsert: true, returnDocument: 'after', includeResultMetadata: true },
    );
    expect(upserted.lastErrorObject).toMatchObject({ n: 1, updatedExisting: false });
    expect(upserted.value).toMatchObject({ q: 9, v: 'z' });
    const removed = await c.findOneAndDelete({ q: 9 });
    expect(removed).toMatchObject({ v: 'z' });
    const replaced = await c.findOneAndReplace({ v: 'a' }, { v: 'A' }, { returnDocument: 'after' });
    expect(replaced).toMatchObject({ v: 'A' });
    expect(await c.findOneAndDelete({ q: 404 })).toBeNull();
  });

  it('when counting and listing distinct values, then arrays contribute their elements', async () => {
    const c = coll('distinct');
    await c.insertMany([{ t: ['a', 'b'], n: 1 }, { t: 'c', n: 2 }, { t: ['a'], n: 2 }, { n: 3 }]);
    expect((await c.distinct('t')).sort()).toEqual(['a', 'b', 'c']);
    expect((await c.distinct('n', { t: 'a' })).sort()).toEqual([1, 2]);
    expect(await c.countDocuments({ n: 2 })).toBe(2);
    expect(await c.countDocuments({}, { skip: 1, limit: 2 })).toBe(2);
    expect(await c.countDocuments({}, { skip: 5 })).toBe(0);
    expect(await c.countDocuments({ n: 9 })).toBe(0);
    expect(await c.estimatedDocumentCount()).toBe(4);
    // countDocuments' pipeline shape, and look-alikes that must still run as real $group stages.
    expect(
      await c
        .aggregate([
          { $match: { n: { $gte: 2 } } },
          { $group: { _id: null, n: { $sum: 1 }, m: { $sum: 1 } } },
        ])
        .toArray(),
    ).toEqual([{ _id: null, n: 3, m: 3 }]);
    expect(
      await c.aggregate([{ $match: { n: 7 } }, { $group: { _id: 1, n: { $sum: 1 } } }]).toArray(),
    ).toEqual([]);
    expect(await c.aggregate([{ $match: {} }, { $group: { _id: 1, n: { $sum: '$n' } } }]).toArray()).toEqual([
      { _id: 1, n: 8 },
    ]);
    expect(
      await c
        .aggregate([{ $match: {} }, { $group: { _id: '$n', c: { $sum: 1 } } }, { $sort: { _id: 1 } }])
        .toArray(),
    ).toEqual([
      { _id: 1, c: 1 },
      { _id: 2, c: 2 },
      { _id: 3, c: 1 },
    ]);
  });
});

describe('counters under numeric and punctuated field names (the dashboard rollups)', () => {
  it('when $inc upserts numeric path steps, then documents with numeric keys are created (as MongoDB), never arrays', async () => {
    const c = coll('rollupCounters');
    const inc = { 'c.330281:阳明街道~光学仪器~above.3': 2, 's.*~*~above.520000.1': 5 };
    await c.updateOne({ _id: 'reopen|*' }, { $inc: inc, $setOnInsert: { g: 'reopen' } }, { upsert: true });
    await c.updateOne({ _id: 'reopen|*' }, { $inc: { ...inc, 's.*~*~above.520000.0': 1 } }, { upsert: true });
    expect(await c.findOne({ _id: 'reopen|*' })).toEqual({
      _id: 'reopen|*',
      g: 'reopen',
      c: { '330281:阳明街道~光学仪器~above': { '3': 4 } },
      s: { '*~*~above': { '520000': { '0': 1, '1': 10 } } },
    });
  });

  it('when one slice is projected, then only it comes back, and a missing one yields no field', async () => {
    const c = coll('rollupCounters');
    expect(await c.findOne({ _id: 'reopen|*' }, { projection: { g: 1, 's.*~*~above': 1 } })).toEqual({
      _id: 'reopen|*',
      g: 'reopen',
      s: { '*~*~above': { '520000': { '0': 1, '1': 10 } } },
    });
    expect(await c.findOne({ _id: 'reopen|*' }, { projection: { 's.330281~*~*': 1 } })).toEqual({
      _id: 'reopen|*',
      s: {},
    });
  });
});
