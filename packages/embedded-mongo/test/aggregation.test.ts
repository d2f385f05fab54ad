import { type Collection, ObjectId } from 'mongodb';
import { type Loose, openTestDb, type TestDb } from './support/testDb';

let t: TestDb;
let orders: Collection<Loose>;
const alice = new ObjectId();
const bob = new ObjectId();

beforeAll(async () => {
  t = await openTestDb('agg');
  orders = t.db.collection<Loose>('orders');
  await t.db.collection<Loose>('customers').insertMany([
    { _id: alice, name: 'Alice', city: 'Shanghai' },
    { _id: bob, name: 'Bob', city: 'Beijing' },
  ]);
  await orders.insertMany([
    { customer: alice, amount: 30, items: ['a', 'b'], at: new Date('2024-01-15T08:00:00Z'), status: 'paid' },
    { customer: alice, amount: 20, items: ['b'], at: new Date('2024-02-03T23:30:00Z'), status: 'paid' },
    {
      customer: bob,
      amount: 50,
      items: ['c', 'a', 'b'],
      at: new Date('2024-02-20T12:00:00Z'),
      status: 'open',
    },
    { customer: bob, amount: 5, items: [], at: new Date('2024-03-01T00:00:00Z'), status: 'paid' },
  ]);
});
afterAll(() => t.close());

describe('aggregation stages', () => {
  it('when grouping after a match, then sums, averages and counts are computed per group', async () => {
    const rows = await orders
      .aggregate([
        { $match: { status: 'paid' } },
        {
          $group: {
            _id: '$customer',
            total: { $sum: '$amount' },
            avg: { $avg: '$amount' },
            n: { $sum: 1 },
            max: { $max: '$amount' },
          },
        },
        { $sort: { total: -1 } },
      ])
      .toArray();
    expect(rows).toEqual([
      { _id: alice, total: 50, avg: 25, n: 2, max: 30 },
      { _id: bob, total: 5, avg: 5, n: 1, max: 5 },
    ]);
  });

  it('when using $lookup, $unwind, $project and $replaceRoot, then joined documents are reshaped', async () => {
    const rows = await orders
      .aggregate([
        { $sort: { amount: -1 } },
        { $limit: 2 },
        { $lookup: { from: 'customers', localField: 'customer', foreignField: '_id', as: 'who' } },
        { $unwind: '$who' },
        { $project: { _id: 0, amount: 1, name: '$who.name' } },
        { $replaceRoot: { newRoot: { n: '$name', a: '$amount' } } },
      ])
      .toArray();
    expect(rows).toEqual([
      { n: 'Bob', a: 50 },
      { n: 'Alice', a: 30 },
    ]);
  });

  it('when using $unwind, $sortByCount, $count, $skip and $facet, then each facet is computed', async () => {
    const [facets] = await orders
      .aggregate([
        {
          $facet: {
            byItem: [{ $unwind: '$items' }, { $sortByCount: '$items' }, { $sort: { count: -1, _id: 1 } }],
            paid: [{ $match: { status: 'paid' } }, { $count: 'n' }],
            paged: [
              { $sort: { amount: 1 } },
              { $skip: 1 },
              { $limit: 1 },
              { $project: { _id: 0, amount: 1 } },
            ],
          },
        },
      ])
      .toArray();
    expect(facets.byItem).toEqual([
      { _id: 'b', count: 3 },
      { _id: 'a', count: 2 },
      { _id: 'c', count: 1 },
    ]);
    expect(facets.paid).toEqual([{ n: 3 }]);
    expect(facets.paged).toEqual([{ amount: 20 }]);
  });

  it('when using $addFields, $set, $unset and $bucket, then fields and buckets are computed', async () => {
    const rows = await orders
      .aggregate([
        { $addFields: { double: { $multiply: ['$amount', 2] } } },
        { $set: { big: { $gte: ['$double', 60] } } },
        { $unset: ['items', 'customer'] },
        {
          $bucket: {
            groupBy: '$amount',
            boundaries: [0, 10, 40, 100],
            default: 'other',
            output: { n: { $sum: 1 }, bigs: { $sum: { $cond: ['$big', 1, 0] } } },
          },
        },
      ])
      .toArray();
    expect(rows).toEqual([
      { _id: 0, n: 1, bigs: 0 },
      { _id: 10, n: 2, bigs: 1 },
      { _id: 40, n: 1, bigs: 1 },
    ]);
  });

  it('when using date operators, then calendar parts, formatting and arithmetic follow UTC', async () => {
    const rows = await orders
      .aggregate([
        { $sort: { at: 1 } },
        {
          $project: {
            _id: 0,
            y: { $year: '$at' },
            m: { $month: '$at' },
            d: { $dayOfMonth: '$at' },
            h: { $hour: '$at' },
            dow: { $dayOfWeek: '$at' },
            s: { $dateToString: { format: '%Y-%m-%d %H:%M', date: '$at' } },
            next: { $dateAdd: { startDate: '$at', unit: 'day', amount: 1 } },
            month: { $dateTrunc: { date: '$at', unit: 'month' } },
            days: { $dateDiff: { startDate: '$at', endDate: new Date('2024-03-01T00:00:00Z'), unit: 'day' } },
          },
        },
        { $limit: 2 },
      ])
      .toArray();
    expect(rows[0]).toEqual({
      y: 2024,
      m: 1,
      d: 15,
      h: 8,
      dow: 2,
      s: '2024-01-15 08:00',
      next: new Date('2024-01-16T08:00:00Z'),
      month: new Date('2024-01-01T00:00:00Z'),
      days: 46,
    });
    expect(rows[1].s).toBe('2024-02-03 23:30');
  });

  it('when converting ObjectIds and dates, then $toString, $toObjectId, $toDate and $type work on bson types', async () => {
    const [row] = await orders
      .aggregate([
        { $match: { customer: alice } },
        { $limit: 1 },
        {
          $project: {
            _id: 0,
            hex: { $toString: '$customer' },
            back: { $toObjectId: { $toString: '$customer' } },
            created: { $toDate: '$customer' },
            t: { $type: '$customer' },
            iso: { $toString: '$at' },
          },
        },
      ])
      .toArray();
    expect(row.hex).toBe(alice.toHexString());
    expect(row.back).toEqual(alice);
    expect(row.created).toEqual(alice.getTimestamp());
    expect(row.t).toBe('objectId');
    expect(row.iso).toBe('2024-01-15T08:00:00.000Z');
  });

  it('when aggregating thousands of documents with a small batch size, then getMore returns the rest', async () => {
    const c = t.db.collection<Loose>('many');
    await c.insertMany(Array.from({ length: 2500 }, (_, i) => ({ i, g: i % 3 })));
    const rows = await c
      .aggregate([{ $match: { g: 1 } }, { $sort: { i: -1 } }], { batchSize: 100 })
      .toArray();
    expect(rows).toHaveLength(833);
    expect(rows[0].i).toBe(2497);
  });
});
