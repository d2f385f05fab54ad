import { type ClientSession, type Collection, Long, MongoClient, type MongoServerError } from 'mongodb';
import { type Loose, openTestDb, type TestDb } from './support/testDb';

let t: TestDb;
/** A second client whose pooled sessions only carry the hand-made txnNumbers below. */
let raw: MongoClient;
beforeAll(async () => {
  t = await openTestDb('txn');
  raw = await MongoClient.connect(t.uri);
});
afterAll(async () => {
  await raw.close();
  await t.close();
});

function coll(name: string): Collection<Loose> {
  return t.db.collection<Loose>(name);
}

async function failure(promise: Promise<unknown>): Promise<MongoServerError> {
  try {
    await promise;
  } catch (err) {
    return err as MongoServerError;
  }
  throw new Error('expected the operation to fail');
}

let lastTxnNumber = Date.now() * 10;
/** Pooled server sessions carry earlier txnNumbers, so hand-made commands use ever larger ones. */
function nextTxnNumber(): Long {
  lastTxnNumber += 10;
  return Long.fromNumber(lastTxnNumber);
}

async function inTxn<T>(
  fn: (s: ClientSession) => Promise<T>,
): Promise<{ session: ClientSession; result: T }> {
  const session = t.client.startSession();
  session.startTransaction();
  const result = await fn(session);
  return { session, result };
}

describe('transactions', () => {
  it('when a transaction commits, then its writes appear together and not before', async () => {
    const c = coll('commit');
    await c.insertOne({ _id: 'x', v: 0 });
    const { session } = await inTxn(async (s) => {
      await c.insertOne({ _id: 'y', v: 1 }, { session: s });
      await c.updateOne({ _id: 'x' }, { $set: { v: 1 } }, { session: s });
    });
    expect(await c.countDocuments({ v: 1 })).toBe(0);
    await session.commitTransaction();
    await session.endSession();
    expect(await c.countDocuments({ v: 1 })).toBe(2);
  });

  it('when a transaction aborts, then nothing it wrote remains', async () => {
    const c = coll('abort');
    const { session } = await inTxn(async (s) => {
      await c.insertOne({ _id: 'gone' }, { session: s });
      expect(await c.countDocuments({}, { session: s })).toBe(1);
    });
    await session.abortTransaction();
    await session.endSession();
    expect(await c.countDocuments({})).toBe(0);
  });

  it('when another writer commits after the snapshot, then the transaction keeps reading its snapshot and its own writes', async () => {
    const c = coll('snapshot');
    await c.insertMany([
      { _id: 'a', v: 1 },
      { _id: 'b', v: 1 },
    ]);
    const { session } = await inTxn(async (s) => {
      expect((await c.findOne({ _id: 'a' }, { session: s }))!.v).toBe(1);
      await c.updateOne({ _id: 'b' }, { $set: { v: 2, mine: true } }, { session: s });
      return undefined;
    });
    await c.updateOne({ _id: 'a' }, { $set: { v: 99 } });
    await c.insertOne({ _id: 'c', v: 1 });
    expect((await c.findOne({ _id: 'a' }, { session }))!.v).toBe(1);
    expect(await c.countDocuments({ v: 1 }, { session })).toBe(1);
    expect(await c.findOne({ _id: 'b' }, { session })).toEqual({ _id: 'b', v: 2, mine: true });
    await session.commitTransaction();
    await session.endSession();
    expect(await c.find({}).sort({ _id: 1 }).toArray()).toEqual([
      { _id: 'a', v: 99 },
      { _id: 'b', v: 2, mine: true },
      { _id: 'c', v: 1 },
    ]);
  });

  it('when two transactions write the same document, then the second gets WriteConflict with TransientTransactionError', async () => {
    const c = coll('conflict');
    await c.insertOne({ _id: 1, v: 0 });
    const first = await inTxn((s) => c.updateOne({ _id: 1 }, { $inc: { v: 1 } }, { session: s }));
    const second = t.client.startSession();
    second.startTransaction();
    const err = await failure(c.updateOne({ _id: 1 }, { $inc: { v: 10 } }, { session: second }));
    expect(err.code).toBe(112);
    expect(err.hasErrorLabel('TransientTransactionError')).toBe(true);
    await second.abortTransaction();
    await second.endSession();
    await first.session.commitTransaction();
    await first.session.endSession();
    expect((await c.findOne({ _id: 1 }))!.v).toBe(1);
  });

  it('when a document changed after the snapshot, then writing it in the transaction conflicts', async () => {
    const c = coll('stale');
    await c.insertOne({ _id: 1, v: 0 });
    const { session } = await inTxn((s) => c.findOne({ _id: 1 }, { session: s }));
    await c.updateOne({ _id: 1 }, { $set: { v: 5 } });
    const err = await failure(c.updateOne({ _id: 1 }, { $set: { v: 6 } }, { session }));
    expect(err.code).toBe(112);
    await session.abortTransaction().catch(() => undefined);
    await session.endSession();
  });

  it('when a plain write targets a document held by a transaction, then it waits and applies after the commit', async () => {
    const c = coll('waiting');
    await c.insertOne({ _id: 1, v: 0 });
    const { session } = await inTxn((s) => c.updateOne({ _id: 1 }, { $inc: { v: 1 } }, { session: s }));
    let plainDone = false;
    const plain = c.updateOne({ _id: 1 }, { $inc: { v: 10 } }).then(() => {
      plainDone = true;
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(plainDone).toBe(false);
    await session.commitTransaction();
    await plain;
    await session.endSession();
    expect((await c.findOne({ _id: 1 }))!.v).toBe(11);
  });

  it('when withTransaction meets a conflict, then the driver retries the callback until it commits', async () => {
    const c = coll('retry');
    await c.insertOne({ _id: 1, v: 0 });
    const holder = await inTxn((s) => c.updateOne({ _id: 1 }, { $inc: { v: 1 } }, { session: s }));
    const session = t.client.startSession();
    let attempts = 0;
    await session.withTransaction(async () => {
      attempts++;
      if (attempts === 2) {
        await holder.session.commitTransaction();
      }
      await c.updateOne({ _id: 1 }, { $inc: { v: 100 } }, { session });
    });
    await session.endSession();
    await holder.session.endSession();
    expect(attempts).toBeGreaterThanOrEqual(2);
    expect((await c.findOne({ _id: 1 }))!.v).toBe(101);
  });

  it('when unique keys collide inside and across transactions, then DuplicateKey or WriteConflict is raised', async () => {
    const c = coll('uniq');
    await c.createIndex({ email: 1 }, { unique: true });
    await c.insertOne({ email: 'taken' });
    const a = await inTxn(async (s) => {
      expect((await failure(c.insertOne({ email: 'taken' }, { session: s }))).code).toBe(11000);
    });
    await a.session.abortTransaction().catch(() => undefined);
    await a.session.endSession();
    const b = await inTxn(async (s) => {
      await c.insertOne({ email: 'fresh' }, { session: s });
      expect((await failure(c.insertOne({ email: 'fresh' }, { session: s }))).code).toBe(11000);
    });
    await b.session.endSession();
    const owner = await inTxn((s) => c.insertOne({ email: 'contested' }, { session: s }));
    const rival = await inTxn(
      async (s) => (await failure(c.insertOne({ email: 'contested' }, { session: s }))).code,
    );
    expect(rival.result).toBe(112);
    await rival.session.endSession();
    await owner.session.commitTransaction();
    await owner.session.endSession();
    expect(await c.countDocuments({ email: 'contested' })).toBe(1);
  });
});

describe('transaction protocol', () => {
  it('when commitTransaction is retried after success, then it answers ok again', async () => {
    const session = t.client.startSession();
    session.startTransaction();
    await coll('proto').insertOne({ _id: 'p' }, { session });
    await session.commitTransaction();
    const again = await t.client
      .db('admin')
      .command({ commitTransaction: 1, autocommit: false }, { session });
    expect(again.ok).toBe(1);
    await session.endSession();
    expect(await coll('proto').countDocuments({ _id: 'p' })).toBe(1);
  });

  it('when a command names a transaction that was never started, then NoSuchTransaction (251) is returned', async () => {
    const session = raw.startSession();
    const err = await failure(
      raw.db(t.dbName).command({ find: 'proto', autocommit: false, txnNumber: nextTxnNumber() }, { session }),
    );
    expect(err.code).toBe(251);
    expect(err.hasErrorLabel('TransientTransactionError')).toBe(true);
    await session.endSession();
  });
});

describe('retryable writes', () => {
  it('when the same lsid and txnNumber are sent twice, then the write is applied once and the first reply is repeated', async () => {
    const session = raw.startSession();
    const txnNumber = nextTxnNumber();
    const cmd = {
      update: 'retry_w',
      updates: [{ q: { _id: 1 }, u: { $inc: { n: 1 } }, upsert: true }],
      txnNumber,
    };
    const first = await raw.db(t.dbName).command(cmd, { session });
    const second = await raw.db(t.dbName).command(cmd, { session });
    expect(second.n).toBe(first.n);
    expect(second.upserted).toEqual(first.upserted);
    const ins = { insert: 'retry_w', documents: [{ _id: 2 }], txnNumber: nextTxnNumber() };
    expect((await raw.db(t.dbName).command(ins, { session })).n).toBe(1);
    expect((await raw.db(t.dbName).command(ins, { session })).n).toBe(1);
    await session.endSession();
    expect(await coll('retry_w').findOne({ _id: 1 })).toEqual({ _id: 1, n: 1 });
    expect(await coll('retry_w').countDocuments({ _id: 2 })).toBe(1);
  });

  it('when an older txnNumber arrives after a newer one, then it is rejected as TransactionTooOld (225)', async () => {
    const session = raw.startSession();
    const older = nextTxnNumber();
    await raw
      .db(t.dbName)
      .command({ insert: 'retry_old', documents: [{ a: 1 }], txnNumber: nextTxnNumber() }, { session });
    const err = await failure(
      raw.db(t.dbName).command({ insert: 'retry_old', documents: [{ a: 2 }], txnNumber: older }, { session }),
    );
    expect(err.code).toBe(225);
    await session.endSession();
  });
});
