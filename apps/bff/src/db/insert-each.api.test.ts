import type { mongo } from 'mongoose';
import { startTestApp, type TestApp } from '../test-support/test-app';
import { insertEach, upsertEach } from './insert-each';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('insertEach (one unordered insert, a fate per document)', () => {
  it('when some documents break a unique index, then exactly those are reported duplicate and the rest are stored', async () => {
    const coll = t.connection.db!.collection('insert_each_probe') as unknown as mongo.Collection<{
      _id: string;
      k: number;
    }>;
    await coll.createIndex({ k: 1 }, { unique: true });
    await coll.insertOne({ _id: 'a', k: 1 });
    const out = await insertEach(coll, [
      { _id: 'b', k: 2 },
      { _id: 'c', k: 1 }, // k taken by 'a'
      { _id: 'a', k: 9 }, // _id taken
      { _id: 'd', k: 2 }, // k taken by 'b', earlier in this very batch
      { _id: 'e', k: 5 },
    ]);
    expect(out).toEqual(['inserted', 'duplicate', 'duplicate', 'duplicate', 'inserted']);
    expect((await coll.find({}).sort({ _id: 1 }).toArray()).map((d) => d._id)).toEqual(['a', 'b', 'e']);
  });
});

describe('upsertEach (one unordered bulk of upserts, a fate per upsert)', () => {
  it("when an upsert's guard refuses a document a unique index holds, then only that one is a duplicate and the rest apply", async () => {
    type Doc = { w: number; day: string; v: number; keys?: string[] };
    const coll = t.connection.db!.collection('upsert_each_probe') as unknown as mongo.Collection<Doc>;
    await coll.createIndex({ w: 1, day: 1 }, { unique: true });
    await coll.insertOne({ w: 1, day: 'd', v: 0, keys: ['k1'] });
    const up = (w: number, key: string, v: number) => ({
      filter: { w, day: 'd', keys: { $ne: key } },
      update: { $set: { v }, $push: { keys: key } },
    });
    const out = await upsertEach(coll, [up(1, 'k2', 2), up(1, 'k1', 9), up(2, 'k1', 3)]);
    const inserted = await coll.findOne({ w: 2 });
    expect(out).toEqual(['updated', 'duplicate', { inserted: inserted!._id }]);
    const docs = await coll
      .find({}, { projection: { _id: 0 } })
      .sort({ w: 1 })
      .toArray();
    expect(docs).toEqual([
      { w: 1, day: 'd', v: 2, keys: ['k1', 'k2'] },
      { w: 2, day: 'd', v: 3, keys: ['k1'] },
    ]);
  });

  it('when every upsert applies, then each inserting one reports the _id of the document it created', async () => {
    type Doc = { w: number; day: string; v: number };
    const coll = t.connection.db!.collection('upsert_each_ids') as unknown as mongo.Collection<Doc>;
    await coll.createIndex({ w: 1, day: 1 }, { unique: true });
    await coll.insertOne({ w: 1, day: 'd', v: 0 });
    const up = (w: number, v: number) => ({ filter: { w, day: 'd' }, update: { $set: { v } } });
    const out = await upsertEach(coll, [up(2, 5), up(1, 6), up(3, 7)]);
    const idOf = async (w: number) => (await coll.findOne({ w }))!._id;
    expect(out).toEqual([{ inserted: await idOf(2) }, 'updated', { inserted: await idOf(3) }]);
    expect(String((out[0] as { inserted: unknown }).inserted)).toMatch(/^[0-9a-f]{24}$/);
  });
});
