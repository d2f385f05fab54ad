import { type Collection, type MongoServerError } from 'mongodb';
import { embedded, type Loose, openTestDb, type TestDb } from './support/testDb';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb('indexes', { ttlSweepIntervalMs: 100 });
});
afterAll(() => t.close());

function coll(name: string): Collection<Loose> {
  return t.db.collection<Loose>(name);
}

async function codeOf(promise: Promise<unknown>): Promise<number | undefined> {
  try {
    await promise;
    return undefined;
  } catch (err) {
    return (err as MongoServerError).code as number;
  }
}

describe('unique indexes', () => {
  it('when a compound unique index exists, then only the full key combination must be unique', async () => {
    const c = coll('compound');
    await c.createIndex({ org: 1, email: 1 }, { unique: true });
    await c.insertMany([
      { org: 1, email: 'a' },
      { org: 2, email: 'a' },
    ]);
    expect(await codeOf(c.insertOne({ org: 1, email: 'a' }))).toBe(11000);
  });

  it('when a unique index is partial, then documents outside the filter may repeat the key', async () => {
    const c = coll('partial');
    await c.createIndex({ code: 1 }, { unique: true, partialFilterExpression: { active: true } });
    await c.insertMany([
      { code: 'x', active: false },
      { code: 'x', active: false },
      { code: 'x', active: true },
    ]);
    expect(await codeOf(c.insertOne({ code: 'x', active: true }))).toBe(11000);
  });

  it('when a unique index is sparse, then many documents may lack the field but not share a value', async () => {
    const c = coll('sparse');
    await c.createIndex({ phone: 1 }, { unique: true, sparse: true });
    await c.insertMany([{ n: 1 }, { n: 2 }, { phone: '1' }]);
    expect(await codeOf(c.insertOne({ phone: '1' }))).toBe(11000);
  });

  it('when a unique index is neither sparse nor partial, then a second document missing the field collides as null', async () => {
    const c = coll('nullkey');
    await c.createIndex({ tag: 1 }, { unique: true });
    await c.insertOne({ n: 1 });
    expect(await codeOf(c.insertOne({ n: 2 }))).toBe(11000);
  });

  it('when building a unique index over existing duplicates, then createIndexes fails with 11000', async () => {
    const c = coll('prebuilt');
    await c.insertMany([{ k: 1 }, { k: 1 }]);
    expect(await codeOf(c.createIndex({ k: 1 }, { unique: true }))).toBe(11000);
    expect((await c.listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_']);
  });
});

describe('index management', () => {
  it('when the same index is created twice, then the second call is a no-op', async () => {
    const c = coll('mgmt');
    expect(await c.createIndex({ a: 1 }, { name: 'a_1' })).toBe('a_1');
    expect(await c.createIndex({ a: 1 }, { name: 'a_1' })).toBe('a_1');
    expect((await c.listIndexes().toArray()).length).toBe(2);
  });

  it('when an index conflicts by name or options, then codes 85/86 are returned as mongod does', async () => {
    const c = coll('mgmt');
    expect(await codeOf(c.createIndex({ b: 1 }, { name: 'a_1' }))).toBe(86);
    expect(await codeOf(c.createIndex({ a: 1 }, { name: 'other' }))).toBe(85);
    expect(await codeOf(c.createIndex({ a: 1 }, { name: 'a_1', unique: true }))).toBe(86);
  });

  it('when listing and dropping indexes, then specs include options and drops take effect', async () => {
    const c = coll('mgmt2');
    await c.createIndex({ x: 1, y: -1 }, { unique: true, name: 'xy' });
    await c.createIndex({ at: 1 }, { expireAfterSeconds: 3600 });
    const specs = await c.listIndexes().toArray();
    expect(specs.find((s) => s.name === 'xy')).toMatchObject({ key: { x: 1, y: -1 }, unique: true });
    expect(specs.find((s) => s.name === 'at_1')).toMatchObject({ expireAfterSeconds: 3600 });
    await c.dropIndex('xy');
    expect(await codeOf(c.dropIndex('xy'))).toBe(27);
    await c.dropIndexes();
    expect((await c.listIndexes().toArray()).map((s) => s.name)).toEqual(['_id_']);
  });

  it('when an indexed field is queried by equality, $in and range, then results match a full scan', async () => {
    const c = coll('planned');
    await c.createIndex({ n: 1 });
    await c.createIndex({ tags: 1 });
    await c.insertMany(
      Array.from({ length: 300 }, (_, i) => ({ n: i % 50, tags: [`t${i % 7}`, 'all'], s: String(i) })),
    );
    await c.insertMany([{ n: 'text' }, { n: null }, { other: 1 }, { n: 10.5 }]);
    expect(await c.countDocuments({ n: 7 })).toBe(6);
    expect(await c.countDocuments({ n: { $in: [1, 2, 'text'] } })).toBe(13);
    expect(await c.countDocuments({ n: { $gte: 10, $lt: 11 } })).toBe(7);
    expect(await c.countDocuments({ n: { $gt: 48 } })).toBe(6);
    expect(await c.countDocuments({ n: { $lt: 'z' } })).toBe(1);
    expect(await c.countDocuments({ tags: 't3' })).toBe(43);
    expect(await c.countDocuments({ n: null })).toBe(2);
    const sorted = await c
      .find({ n: { $type: 'number' } })
      .sort({ n: -1 })
      .limit(3)
      .toArray();
    expect(sorted.map((d) => d.n)).toEqual([49, 49, 49]);
  });
});

describe('TTL', () => {
  (embedded ? it : it.skip)(
    'when a TTL index exists, then expired documents are deleted by the sweeper',
    async () => {
      const c = coll('ttl');
      await c.createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 });
      await c.insertMany([
        { name: 'old', expiresAt: new Date(Date.now() - 1000) },
        { name: 'future', expiresAt: new Date(Date.now() + 3_600_000) },
        { name: 'no-date', expiresAt: 'soon' },
      ]);
      const deadline = Date.now() + 5000;
      while ((await c.countDocuments({ name: 'old' })) > 0 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      expect((await c.find({}).toArray()).map((d) => d.name).sort()).toEqual(['future', 'no-date']);
    },
  );
});
