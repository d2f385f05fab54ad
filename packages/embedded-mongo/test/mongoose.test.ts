import mongoose, { Schema } from 'mongoose';
import { embedded, realUri } from './support/testDb';
import { type EmbeddedMongo, startEmbeddedMongo } from '../src';

let server: EmbeddedMongo | undefined;
let conn: mongoose.Connection;

interface Account {
  email: string;
  name?: string;
  visits: number;
  tags: string[];
  org?: string;
}

const accountSchema = new Schema<Account>(
  {
    email: { type: String, required: true, unique: true },
    name: String,
    visits: { type: Number, default: 0 },
    tags: [String],
    org: { type: String, index: true },
  },
  { timestamps: true },
);

let Account: mongoose.Model<Account>;

beforeAll(async () => {
  server = embedded ? await startEmbeddedMongo({ inMemory: true }) : undefined;
  conn = await mongoose
    .createConnection(realUri ?? server!.uri, {
      dbName: `mongoose_${process.pid}_${Date.now().toString(36)}`,
    })
    .asPromise();
  Account = conn.model<Account>('Account', accountSchema);
  await Account.syncIndexes();
});

afterAll(async () => {
  await conn.dropDatabase().catch(() => undefined);
  await conn.close();
  await server?.stop();
});

describe('mongoose models', () => {
  it('when syncing indexes at startup, then the schema indexes exist and a second sync changes nothing', async () => {
    const names = (await Account.listIndexes()).map((i) => i.name).sort();
    expect(names).toEqual(['_id_', 'email_1', 'org_1']);
    expect(await Account.syncIndexes()).toEqual([]);
  });

  it('when creating and reading documents, then defaults and timestamps are applied', async () => {
    const created = await Account.create({ email: 'a@x', name: 'A', tags: ['t'] });
    const found = await Account.findOne({ email: 'a@x' }).lean();
    expect(found).toMatchObject({ email: 'a@x', name: 'A', visits: 0, tags: ['t'] });
    expect(found!._id.equals(created._id)).toBe(true);
    expect((found as unknown as { createdAt: Date }).createdAt).toBeInstanceOf(Date);
  });

  it('when a unique field is duplicated, then mongoose surfaces error code 11000', async () => {
    await expect(Account.create({ email: 'a@x' })).rejects.toMatchObject({ code: 11000 });
  });

  it('when updating with upsert and findOneAndUpdate, then documents are created and returned', async () => {
    const res = await Account.updateOne({ email: 'u@x' }, { $set: { name: 'U' } }, { upsert: true });
    expect(res.upsertedCount).toBe(1);
    const updated = await Account.findOneAndUpdate(
      { email: 'u@x' },
      { $inc: { visits: 2 }, $push: { tags: 'new' } },
      { returnDocument: 'after' },
    ).lean();
    expect(updated).toMatchObject({ email: 'u@x', name: 'U', visits: 2, tags: ['new'] });
  });

  it('when counting and aggregating, then the results reflect stored documents', async () => {
    await Account.create([
      { email: 'o1@x', org: 'o', visits: 3 },
      { email: 'o2@x', org: 'o', visits: 4 },
    ]);
    expect(await Account.countDocuments({ org: 'o' })).toBe(2);
    const [agg] = await Account.aggregate<{ _id: string; visits: number }>([
      { $match: { org: 'o' } },
      { $group: { _id: '$org', visits: { $sum: '$visits' } } },
    ]);
    expect(agg).toEqual({ _id: 'o', visits: 7 });
  });

  it('when a transaction commits through withTransaction, then all of its writes become visible together', async () => {
    const session = await conn.startSession();
    await session.withTransaction(async () => {
      await Account.create([{ email: 't1@x' }], { session });
      await Account.updateOne({ email: 'a@x' }, { $set: { name: 'in-txn' } }, { session });
      expect(await Account.countDocuments({ email: 't1@x' })).toBe(0);
    });
    await session.endSession();
    expect(await Account.countDocuments({ email: 't1@x' })).toBe(1);
    expect((await Account.findOne({ email: 'a@x' }).lean())!.name).toBe('in-txn');
  });

  it('when a transaction callback throws, then none of its writes persist', async () => {
    const session = await conn.startSession();
    await expect(
      session.withTransaction(async () => {
        await Account.create([{ email: 'lost@x' }], { session });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await session.endSession();
    expect(await Account.countDocuments({ email: 'lost@x' })).toBe(0);
  });

  it('when many pooled connections query at once, then every query is answered', async () => {
    const results = await Promise.all(
      Array.from({ length: 150 }, (_, i) => Account.countDocuments({ visits: { $gte: i % 3 } })),
    );
    expect(results).toHaveLength(150);
    expect(new Set(results).size).toBeLessThanOrEqual(3);
  });
});
