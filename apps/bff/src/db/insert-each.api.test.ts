import type { mongo } from 'mongoose';
import { startTestApp, type TestApp } from '../test-support/test-app';
import { insertEach } from './insert-each';

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
