import { Binary, type Collection, Decimal128, Double, Int32, Long, ObjectId, Timestamp, UUID } from 'mongodb';
import { type Loose, openTestDb, type TestDb } from './support/testDb';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb('types');
});
afterAll(() => t.close());

function coll(name: string): Collection<Loose> {
  return t.db.collection<Loose>(name);
}

describe('BSON round trips', () => {
  it('when storing every common BSON type, then reading it back yields identical values', async () => {
    const c = coll('roundtrip');
    const id = new ObjectId();
    const doc = {
      _id: id,
      date: new Date('2024-02-29T12:34:56.789Z'),
      dec: Decimal128.fromString('12345678901234567890.123456789'),
      big: Long.fromString('9007199254740993'),
      negBig: Long.fromString('-9223372036854775808'),
      int: 42,
      dbl: 3.25,
      bin: new Binary(Buffer.from([0, 1, 2, 255]), 0),
      uuid: new UUID('0d5c8a7e-4a2b-4c1d-9e8f-1234567890ab'),
      ts: new Timestamp({ t: 1700000000, i: 7 }),
      re: /ab+c/i,
      nil: null,
      nested: {
        arr: [
          [1, 2],
          [3, [4, { deep: true }]],
        ],
        obj: { x: { y: 'z' } },
      },
      bool: false,
      str: '复工通 ✓',
    };
    await c.insertOne(doc);
    const back = await c.findOne({ _id: id }, { promoteLongs: false });
    expect(back!._id).toEqual(id);
    expect(back!.date).toEqual(doc.date);
    expect((back!.dec as Decimal128).toString()).toBe('12345678901234567890.123456789');
    expect((back!.big as Long).toString()).toBe('9007199254740993');
    expect((back!.negBig as Long).toString()).toBe('-9223372036854775808');
    expect(back!.int).toBe(42);
    expect(back!.dbl).toBe(3.25);
    expect(Buffer.from((back!.bin as Binary).buffer)).toEqual(Buffer.from([0, 1, 2, 255]));
    expect((back!.uuid as Binary).sub_type).toBe(4);
    expect((back!.ts as Timestamp).equals(doc.ts)).toBe(true);
    expect((back!.re as RegExp).source).toBe('ab+c');
    expect(back!.nil).toBeNull();
    expect(back!.nested).toEqual(doc.nested);
    expect(back!.str).toBe('复工通 ✓');
  });

  it('when a Long above 2^53 is incremented, then the result stays exact', async () => {
    const c = coll('longmath');
    await c.insertOne({ _id: 1, n: Long.fromString('9007199254740993') });
    await c.updateOne({ _id: 1 }, { $inc: { n: 2 } });
    const back = await c.findOne({ _id: 1 }, { promoteLongs: false });
    expect((back!.n as Long).toString()).toBe('9007199254740995');
  });

  it('when Decimal128 values are incremented and summed, then decimal arithmetic is exact', async () => {
    const c = coll('decmath');
    await c.insertMany([{ p: Decimal128.fromString('0.1') }, { p: Decimal128.fromString('0.2') }]);
    await c.updateMany({}, { $inc: { p: Decimal128.fromString('0.1') } });
    const [sum] = await c.aggregate([{ $group: { _id: null, total: { $sum: '$p' } } }]).toArray();
    expect((sum.total as Decimal128).toString()).toBe('0.5');
  });
});

describe('numeric and cross-type comparison', () => {
  beforeAll(async () => {
    await coll('nums').insertMany([
      { _id: 'int', v: new Int32(5) },
      { _id: 'double', v: new Double(5.5) },
      { _id: 'long', v: Long.fromNumber(6) },
      { _id: 'decimal', v: Decimal128.fromString('4.5') },
      { _id: 'string', v: '5' },
      { _id: 'null', v: null },
      { _id: 'missing' },
      { _id: 'date', v: new Date(0) },
      { _id: 'bool', v: true },
      { _id: 'oid', v: new ObjectId('000000000000000000000001') },
      { _id: 'obj', v: { a: 1 } },
    ]);
  });

  it('when comparing with $gt across int, long, double and decimal, then values compare numerically only', async () => {
    const ids = (
      await coll('nums')
        .find({ v: { $gt: 5 } })
        .toArray()
    )
      .map((d) => d._id)
      .sort();
    expect(ids).toEqual(['double', 'long']);
    const eq = (
      await coll('nums')
        .find({ v: Decimal128.fromString('6.0') })
        .toArray()
    ).map((d) => d._id);
    expect(eq).toEqual(['long']);
  });

  it('when sorting mixed types, then MongoDB BSON type order is followed', async () => {
    const order = (await coll('nums').find({}).sort({ v: 1, _id: 1 }).toArray()).map((d) => d._id);
    expect(order).toEqual([
      'missing',
      'null',
      'decimal',
      'int',
      'double',
      'long',
      'string',
      'obj',
      'oid',
      'bool',
      'date',
    ]);
  });

  it('when querying by $type, then BSON types and the number alias match', async () => {
    const ids = async (type: string) =>
      (
        await coll('nums')
          .find({ v: { $type: type } } as never)
          .toArray()
      )
        .map((d) => d._id)
        .sort();
    expect(await ids('number')).toEqual(['decimal', 'double', 'int', 'long']);
    expect(await ids('long')).toEqual(['long']);
    expect(await ids('decimal')).toEqual(['decimal']);
    expect(await ids('objectId')).toEqual(['oid']);
    expect(await ids('string')).toEqual(['string']);
    expect(await ids('null')).toEqual(['null']);
  });

  it('when a Long is used as an _id, then equal numbers of other types find the same document', async () => {
    const c = coll('numericid');
    await c.insertOne({ _id: Long.fromNumber(7) as never, label: 'seven' });
    expect(await c.findOne({ _id: 7 })).toMatchObject({ label: 'seven' });
    expect(await c.findOne({ _id: new Double(7) as never })).toMatchObject({ label: 'seven' });
  });
});
