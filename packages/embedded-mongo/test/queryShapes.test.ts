/**
 * Query and projection shapes a peer's conformance run answered wrongly: an `_id`-only
 * projection, `$elemMatch` with operator conditions, `$elemMatch` over DBRefs and `$pull` with a
 * logical filter.
 */
import { type Collection, DBRef, ObjectId } from 'mongodb';
import { type Loose, openTestDb, type TestDb } from './support/testDb';

let t: TestDb;
let c: Collection<Loose>;
const user1 = new ObjectId('0000000000000000000000a1');
const user2 = new ObjectId('0000000000000000000000a2');

beforeAll(async () => {
  t = await openTestDb('shapes');
  c = t.db.collection<Loose>('docs');
  await c.insertMany([
    { _id: 1, name: 'a', scores: [1, 5, 9], refs: [new DBRef('users', user1)] },
    { _id: 2, name: 'b', scores: [2, 3], refs: [new DBRef('users', user2), new DBRef('users', user1)] },
    { _id: 3, name: 'c', scores: [], refs: [] },
  ]);
});
afterAll(() => t.close());

const ids = (docs: Loose[]) => docs.map((d) => d._id);

describe('an _id-only projection', () => {
  it('when findOne projects {_id: 1} (as mongoose exists() does), then only _id comes back', async () => {
    expect(await c.findOne({ name: 'a' }, { projection: { _id: 1 } })).toEqual({ _id: 1 });
  });

  it('when {_id: 0} is the whole projection, then every other field comes back', async () => {
    const doc = await c.findOne({ _id: 3 }, { projection: { _id: 0 } });
    expect(doc).toEqual({ name: 'c', scores: [], refs: [] });
  });
});

describe('$elemMatch with operator conditions', () => {
  it('when the condition is $in, then documents with a matching element are found', async () => {
    expect(
      ids(
        await c
          .find({ scores: { $elemMatch: { $in: [5, 3] } } })
          .sort({ _id: 1 })
          .toArray(),
      ),
    ).toEqual([1, 2]);
  });

  it('when the condition is a range, then one element must satisfy both bounds', async () => {
    expect(ids(await c.find({ scores: { $elemMatch: { $gte: 4, $lt: 6 } } }).toArray())).toEqual([1]);
  });

  it('when a projection uses $elemMatch with $gte, then the first matching element is returned', async () => {
    const docs = await c
      .find({}, { projection: { scores: { $elemMatch: { $gte: 3 } } } })
      .sort({ _id: 1 })
      .toArray();
    expect(docs).toEqual([{ _id: 1, scores: [5] }, { _id: 2, scores: [3] }, { _id: 3 }]);
  });

  it('when $match in aggregate uses $elemMatch with $in, then it matches as find does', async () => {
    const rows = await c.aggregate([{ $match: { scores: { $elemMatch: { $in: [9] } } } }]).toArray();
    expect(ids(rows)).toEqual([1]);
  });
});

describe('$elemMatch on DBRef fields', () => {
  it('when matching $id inside $elemMatch, then documents referencing that id are found', async () => {
    const docs = await c
      .find({ refs: { $elemMatch: { $id: user1 } } })
      .sort({ _id: 1 })
      .toArray();
    expect(ids(docs)).toEqual([1, 2]);
  });

  it('when matching $ref and $id together, then both must hold for one element', async () => {
    const docs = await c.find({ refs: { $elemMatch: { $ref: 'users', $id: user2 } } }).toArray();
    expect(ids(docs)).toEqual([2]);
  });

  it('when a dotted path names $id, then it reaches into the DBRefs', async () => {
    const docs = await c.find({ 'refs.$id': user2 }).toArray();
    expect(ids(docs)).toEqual([2]);
  });
});

describe('$pull with a logical filter', () => {
  it('when $pull holds $or, then every element matching either clause is removed', async () => {
    const p = t.db.collection<Loose>('pull');
    await p.insertOne({
      _id: 1,
      items: [{ k: 'a', n: 1 }, { k: 'b', n: 2 }, { k: 'c', n: 3 }, 7],
    });
    await p.updateOne({ _id: 1 }, { $pull: { items: { $or: [{ k: 'a' }, { n: { $gte: 3 } }] } } } as never);
    expect(await p.findOne({ _id: 1 })).toEqual({ _id: 1, items: [{ k: 'b', n: 2 }, 7] });
  });

  it('when $pull holds a value condition, then matching scalars are removed', async () => {
    const p = t.db.collection<Loose>('pull');
    await p.insertOne({ _id: 2, xs: [1, 4, 6, 9] });
    await p.updateOne({ _id: 2 }, { $pull: { xs: { $in: [4, 9] } } } as never);
    expect(await p.findOne({ _id: 2 })).toEqual({ _id: 2, xs: [1, 6] });
  });
});
