import { type Collection, MongoBulkWriteError, MongoServerError } from 'mongodb';
import { embedded, itEmbedded, type Loose, openTestDb, type TestDb } from './support/testDb';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb('errors');
});
afterAll(() => t.close());

function coll(name: string): Collection<Loose> {
  return t.db.collection<Loose>(name);
}

async function serverError(promise: Promise<unknown>): Promise<MongoServerError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof MongoServerError) return err;
    throw err;
  }
  throw new Error('expected the server to reject the operation');
}

describe('duplicate keys', () => {
  beforeAll(async () => {
    await coll('users').createIndex({ email: 1 }, { unique: true });
    await coll('users').insertOne({ _id: 1, email: 'a@x' });
  });

  it('when inserting a duplicate _id, then E11000 names the _id_ index with keyPattern and keyValue', async () => {
    const err = await serverError(coll('users').insertOne({ _id: 1, email: 'other' }));
    expect(err.code).toBe(11000);
    expect(err.message).toContain(
      `E11000 duplicate key error collection: ${t.dbName}.users index: _id_ dup key: { _id: 1 }`,
    );
    expect(err.keyPattern).toEqual({ _id: 1 });
    expect(err.keyValue).toEqual({ _id: 1 });
  });

  it('when an ordered insertMany hits a duplicate, then it stops there and reports the successful count', async () => {
    const err = await serverError(
      coll('users').insertMany([{ email: 'b@x' }, { email: 'a@x' }, { email: 'c@x' }]),
    );
    expect(err).toBeInstanceOf(MongoBulkWriteError);
    const bulk = err as MongoBulkWriteError;
    expect(bulk.result.insertedCount).toBe(1);
    expect(bulk.writeErrors).toHaveLength(1);
    const [first] = Array.isArray(bulk.writeErrors) ? bulk.writeErrors : [bulk.writeErrors];
    expect(first.index).toBe(1);
    expect(first.code).toBe(11000);
    expect(first.errmsg).toContain('index: email_1 dup key: { email: "a@x" }');
    expect(await coll('users').countDocuments({ email: 'c@x' })).toBe(0);
  });

  it('when an unordered insertMany hits duplicates, then the other documents are still inserted', async () => {
    const err = (await serverError(
      coll('users').insertMany([{ email: 'a@x' }, { email: 'd@x' }, { email: 'b@x' }, { email: 'e@x' }], {
        ordered: false,
      }),
    )) as MongoBulkWriteError;
    expect(err.result.insertedCount).toBe(2);
    expect(await coll('users').countDocuments({ email: { $in: ['d@x', 'e@x'] } })).toBe(2);
  });

  it('when an update creates a duplicate, then the write error carries code 11000', async () => {
    const err = await serverError(coll('users').updateOne({ email: 'd@x' }, { $set: { email: 'a@x' } }));
    expect(err.code).toBe(11000);
    expect(err.keyValue ?? (err as unknown as { errInfo?: unknown }).errInfo).toBeDefined();
  });

  it('when findOneAndUpdate creates a duplicate, then the command fails with DuplicateKey and keyValue', async () => {
    const err = await serverError(
      coll('users').findOneAndUpdate({ email: 'd@x' }, { $set: { email: 'a@x' } }),
    );
    expect(err.code).toBe(11000);
    expect(err.codeName).toBe('DuplicateKey');
    expect(err.keyPattern).toEqual({ email: 1 });
    expect(err.keyValue).toEqual({ email: 'a@x' });
  });
});

describe('invalid operations', () => {
  it('when an update uses an unknown operator, then it fails with FailedToParse (9)', async () => {
    await coll('misc').insertOne({ _id: 'x', n: 1 });
    const err = await serverError(coll('misc').updateOne({ _id: 'x' }, { $foo: { n: 1 } } as never));
    expect(err.code).toBe(9);
  });

  it('when a query uses an unknown operator, then it fails with BadValue (2)', async () => {
    const err = await serverError(
      coll('misc')
        .find({ n: { $bogus: 1 } } as never)
        .toArray(),
    );
    expect(err.code).toBe(2);
    expect(err.codeName).toBe('BadValue');
  });

  it('when an update modifies _id, then it fails with ImmutableField (66)', async () => {
    const err = await serverError(coll('misc').updateOne({ _id: 'x' }, { $set: { _id: 'y' } }));
    expect(err.code).toBe(66);
  });

  it('when an _id holds a $-prefixed field, then the insert is rejected with code 52', async () => {
    // Top-level $-prefixed names are storable since MongoDB 5.0 (see updatePipelines.test.ts); inside _id they are not.
    const reply = await t.db.command({ insert: 'misc', documents: [{ _id: { $bad: 1 } }] });
    expect(reply.writeErrors[0].code).toBe(52);
    expect(await coll('misc').countDocuments({ _id: { $eq: { $bad: 1 } } } as never)).toBe(0);
  });

  it('when a collection name is invalid, then the command fails with InvalidNamespace (73)', async () => {
    const err = await serverError(t.db.command({ insert: 'bad$name', documents: [{ a: 1 }] }));
    expect(err.code).toBe(73);
  });

  it('when an update grows a document past 16 MiB, then it fails with BSONObjectTooLarge (10334)', async () => {
    await coll('large').insertOne({ _id: 1, a: 'x'.repeat(9 * 1024 * 1024) });
    const err = await serverError(
      coll('large').updateOne({ _id: 1 }, { $set: { b: 'y'.repeat(9 * 1024 * 1024) } }),
    );
    expect(err.code).toBe(10334);
    // 18 MiB through BSON and the journal: seconds on a loaded 2-core machine (timed out once in CI).
  });

  it('when getMore names an unknown cursor, then it fails with CursorNotFound (43)', async () => {
    const err = await serverError(t.db.command({ getMore: 123456789n as never, collection: 'misc' }));
    expect(err.code).toBe(43);
  });

  it('when creating an existing collection, then it fails with NamespaceExists (48)', async () => {
    await t.db.createCollection('made');
    const err = await serverError(t.db.createCollection('made'));
    expect(err.code).toBe(48);
  });

  it('when dropping or listing indexes of a missing collection, then NamespaceNotFound (26) is reported', async () => {
    const drop = await serverError(t.db.command({ drop: 'nothing_here' }));
    expect(drop.code).toBe(26);
    const list = await serverError(t.db.command({ listIndexes: 'nothing_here' }));
    expect(list.code).toBe(26);
    await expect(coll('nothing_here').drop()).resolves.toBe(false);
  });

  it('when a command is unknown, then the error names it and carries ok:0, code and codeName', async () => {
    const err = await serverError(t.db.command({ definitelyNotACommand: 1 }));
    expect(err.message).toContain('definitelyNotACommand');
    expect(err.code).toBe(embedded ? 115 : 59);
    expect(err.codeName).toBe(embedded ? 'CommandNotSupported' : 'CommandNotFound');
  });

  it('when a collation names a locale ICU does not know, then BadValue is returned', async () => {
    const err = await serverError(
      coll('misc')
        .find({ n: 1 }, { collation: { locale: 'xx' } })
        .toArray(),
    );
    expect(err.code).toBe(2);
    expect(await coll('misc').countDocuments({ n: 1 }, { collation: { locale: 'simple' } })).toBe(1);
  });

  itEmbedded(
    'when $out is used, then aggregate answers CommandNotSupported instead of a wrong result',
    async () => {
      const err = await serverError(
        coll('misc')
          .aggregate([{ $out: 'elsewhere' }])
          .toArray(),
      );
      expect(err.code).toBe(115);
    },
  );
});
