/**
 * Capped collections (insertion order, oldest documents evicted past max or size), setParameter
 * for logging knobs, and the create options this package refuses (115).
 */
import { serverError } from './support/serverError';
import { embedded, itEmbedded, type Loose, openTestDb, type TestDb } from './support/testDb';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb('capped');
});
afterAll(() => t.close());

describe('capped collections', () => {
  it('when more than max documents are inserted, then the oldest are evicted and order is insertion order', async () => {
    const log = await t.db.createCollection<Loose>('log', { capped: true, size: 100_000, max: 3 });
    for (let i = 1; i <= 5; i++) await log.insertOne({ _id: i, msg: `event ${i}` });
    expect((await log.find().toArray()).map((d) => d._id)).toEqual([3, 4, 5]);
    expect((await log.find().sort({ $natural: -1 }).toArray()).map((d) => d._id)).toEqual([5, 4, 3]);
    const [info] = await t.db.listCollections({ name: 'log' }).toArray();
    expect(info).toMatchObject({ options: { capped: true, max: 3 } });
  });

  it('when the documents outgrow size, then the oldest make room', async () => {
    const small = await t.db.createCollection<Loose>('small', { capped: true, size: 4096 });
    const pad = 'x'.repeat(1000);
    for (let i = 1; i <= 10; i++) await small.insertOne({ _id: i, pad });
    const ids = (await small.find().toArray()).map((d) => d._id);
    expect(ids.length).toBeLessThan(5);
    expect(ids[ids.length - 1]).toBe(10);
  });

  it('when capped is requested without size, then the create is refused', async () => {
    const err = await serverError(t.db.createCollection('nosize', { capped: true }));
    expect([72, 2, 40414]).toContain(err.code);
  });
});

describe('setParameter and getParameter', () => {
  it('when logLevel is set, then getParameter reads it back and the reply says what it was', async () => {
    const admin = t.client.db('admin');
    const before = await admin.command({ getParameter: 1, logLevel: 1 });
    const reply = await admin.command({ setParameter: 1, logLevel: 1 });
    expect(reply.was).toBe(before.logLevel);
    expect((await admin.command({ getParameter: 1, logLevel: 1 })).logLevel).toBe(1);
    await admin.command({ setParameter: 1, logLevel: before.logLevel });
  });

  it('when an unknown parameter is set, then InvalidOptions is returned', async () => {
    const err = await serverError(t.client.db('admin').command({ setParameter: 1, noSuchKnob: 1 }));
    expect(err.code).toBe(72);
  });
});

describe('refused create options', () => {
  itEmbedded(
    'when timeseries or clusteredIndex is requested, then CommandNotSupported is returned',
    async () => {
      for (const options of [
        { timeseries: { timeField: 'at' } },
        { clusteredIndex: { key: { _id: 1 }, unique: true } },
        { viewOn: 'log', pipeline: [] },
      ]) {
        const err = await serverError(t.db.createCollection(`refused_${Object.keys(options)[0]}`, options));
        expect(err.code).toBe(115);
      }
      expect(embedded).toBe(true);
    },
  );
});
