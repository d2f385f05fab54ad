/**
 * Every command failure reaches the driver as MongoDB's error reply: ok:0 with errmsg, code and
 * codeName, so the driver raises a MongoServerError. A find whose reply could not be encoded
 * used to leave the client waiting for its socket timeout.
 */
import { type Collection, MongoServerError } from 'mongodb';
import { serverError } from './support/serverError';
import { embedded, type Loose, openTestDb, type TestDb } from './support/testDb';

let t: TestDb;
let c: Collection<Loose>;
beforeAll(async () => {
  t = await openTestDb('errshape', {}, { socketTimeoutMS: 15_000 });
  c = t.db.collection<Loose>('docs');
  await c.insertMany([
    { _id: 1, n: 1, s: 'x' },
    { _id: 2, n: 'q' },
  ]);
});
afterAll(() => t.close());

function expectMongoShape(err: MongoServerError): void {
  expect(err).toBeInstanceOf(MongoServerError);
  expect(err.errorResponse.ok).toBe(0);
  expect(typeof err.errorResponse.errmsg).toBe('string');
  expect(typeof err.code).toBe('number');
  expect(typeof err.codeName).toBe('string');
}

describe('errors thrown inside find', () => {
  it('when a projection builds a result over 16 MiB, then find fails with a server error, not a timeout', async () => {
    await c.insertOne({ _id: 3, big: 'x'.repeat(1 << 20) });
    // Twenty copies of a 1 MiB string: each stored document is small, the projected one is 20 MiB.
    const err = await serverError(
      c
        .find({ _id: 3 }, { projection: { r: { $map: { input: { $range: [0, 20] }, in: '$big' } } } })
        .toArray(),
    );
    expectMongoShape(err);
    if (embedded) expect(err.code).toBe(10334);
    expect(await c.countDocuments()).toBe(3);
  });

  it('when an expression fails on a document, then the error carries code and codeName', async () => {
    const err = await serverError(c.find({ $expr: { $eq: [{ $toInt: '$n' }, 1] } }).toArray());
    expectMongoShape(err);
  });

  it('when a filter operator is malformed, then find fails with BadValue (2)', async () => {
    const err = await serverError(c.find({ n: { $in: 5 } } as never).toArray());
    expectMongoShape(err);
    expect(err.code).toBe(2);
    expect(err.codeName).toBe('BadValue');
  });

  it('when a regex is invalid, then find fails with a server error', async () => {
    const err = await serverError(c.find({ s: { $regex: '(' } }).toArray());
    expectMongoShape(err);
    expect(err.code).toBe(51091);
  });
});
