import { ObjectId } from 'bson';
import { MongoClient } from 'mongodb';
import { type Doc } from '../bson/values';
import { CursorRegistry } from '../engine/cursors';
import { Engine } from '../engine/engine';
import { startEmbeddedMongo } from '../server';
import { recordId } from '../storage/collection';
import { aggregateCommand } from './aggregate';
import { type CommandContext } from './context';
import { groupedCountShape } from './groupedCounts';

/** A small deterministic PRNG, so a failure can be reproduced. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASE = 1732000000000000;
const STATUSES = ['waitlisted', 'confirmed', 'cancelled'];
const trips = Array.from({ length: 6 }, () => new ObjectId());

/** A few hundred bookings over few waitSeq values (so ties are common), plus odd waitSeq types. */
function bookings(count: number, seed: number): Doc[] {
  const next = random(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)];
  const docs: Doc[] = [];
  for (let i = 0; i < count; i++) {
    const doc: Doc = { _id: i, tripId: pick(trips), status: pick(STATUSES), seats: 1 + (i % 3) };
    const roll = next();
    if (roll < 0.9) doc.waitSeq = BASE + Math.floor(next() * 40);
    else if (roll < 0.95) doc.waitSeq = String(BASE + 5); // another type bracket: never in a numeric range
    docs.push(doc); // else: no waitSeq at all
  }
  return docs;
}

const byId = (a: Doc, b: Doc): number => String(a._id).localeCompare(String(b._id));
const sorted = (docs: Doc[]): Doc[] => [...docs].sort(byId);

describe('groupedCountShape', () => {
  const match = { $match: { tripId: 1 } };
  it('when the pipeline is $match then a $group of {$sum: 1} on a top-level field, then its parts are returned', () => {
    expect(
      groupedCountShape([match, { $group: { _id: '$tripId', n: { $sum: 1 }, m: { $sum: 1 } } }]),
    ).toEqual({
      field: 'tripId',
      accumulators: ['n', 'm'],
      clauses: [{ tripId: 1 }],
    });
    expect(
      groupedCountShape([
        { $match: { $or: [{ a: 1 }, { a: 2 }] } },
        { $group: { _id: '$a', n: { $sum: 1 } } },
      ])?.clauses,
    ).toEqual([{ a: 1 }, { a: 2 }]);
  });

  it('when any part differs from that shape, then it declines', () => {
    const group = { $group: { _id: '$tripId', n: { $sum: 1 } } };
    for (const stages of [
      [match],
      [match, group, { $sort: { _id: 1 } }],
      [match, { $group: { _id: '$tripId' } }],
      [match, { $group: { _id: '$tripId', n: { $sum: 2 } } }],
      [match, { $group: { _id: '$tripId', n: { $sum: '$x' } } }],
      [match, { $group: { _id: '$tripId', n: { $sum: 1, $avg: 1 } } }],
      [match, { $group: { _id: '$trip.id', n: { $sum: 1 } } }],
      [match, { $group: { _id: '$$ROOT', n: { $sum: 1 } } }],
      [match, { $group: { _id: 'tripId', n: { $sum: 1 } } }],
      [match, { $group: { _id: '$tripId', 'a.b': { $sum: 1 } } }],
      [{ $match: { $or: [] } }, group],
      [{ $match: { $or: [{ tripId: 1 }, 5] } }, group],
      [{ $project: { tripId: 1 } }, group],
      [{ ...match, $limit: 1 }, group],
    ])
      expect(groupedCountShape(stages)).toBeUndefined();
  });
});

describe('aggregate grouped counts (command layer)', () => {
  const engine = new Engine();
  const coll = engine.catalog.create('db', 'bookings');
  coll.addIndex({ v: 2, key: { tripId: 1, status: 1, waitSeq: 1 }, name: 'tripId_1_status_1_waitSeq_1' });
  const docs = bookings(400, 7);
  docs.forEach((doc, i) => coll.insert(doc, recordId(doc._id), i + 1, false));
  const server = { cursors: new CursorRegistry() };

  /** Runs aggregate and reports how many stored documents it had to read. */
  const aggregate = (pipeline: Doc[], extra: Doc = {}): { rows: Doc[]; examined: number } => {
    const before = coll.docsExamined;
    const cmd = { aggregate: 'bookings', pipeline, cursor: { batchSize: 10_000 }, ...extra };
    const ctx = { server, engine, db: 'db', cmd, name: 'aggregate' } as unknown as CommandContext;
    const reply = aggregateCommand(ctx) as { cursor: { firstBatch: Doc[] } };
    return { rows: reply.cursor.firstBatch, examined: coll.docsExamined - before };
  };
  const group = { $group: { _id: '$tripId', n: { $sum: 1 }, also: { $sum: 1 } } };

  /** The groups computed in plain JS, from the same documents and clauses. */
  const expected = (clauses: Array<{ trip: ObjectId; lo?: [number, boolean]; hi?: [number, boolean] }>) => {
    const out: Doc[] = [];
    for (const c of clauses) {
      const n = docs.filter((d) => {
        if (!c.trip.equals(d.tripId as ObjectId) || d.status !== 'waitlisted') return false;
        if (!c.lo && !c.hi) return true;
        const v = d.waitSeq;
        if (typeof v !== 'number') return false;
        if (c.lo && (c.lo[1] ? v < c.lo[0] : v <= c.lo[0])) return false;
        return !(c.hi && (c.hi[1] ? v > c.hi[0] : v >= c.hi[0]));
      }).length;
      if (n > 0) out.push({ _id: c.trip, n, also: n });
    }
    return sorted(out);
  };
  const clauseOf = (c: { trip: ObjectId; lo?: [number, boolean]; hi?: [number, boolean] }): Doc => {
    const range: Doc = {};
    if (c.lo) range[c.lo[1] ? '$gte' : '$gt'] = c.lo[0];
    if (c.hi) range[c.hi[1] ? '$lte' : '$lt'] = c.hi[0];
    return c.lo || c.hi
      ? { tripId: c.trip, status: 'waitlisted', waitSeq: range }
      : { tripId: c.trip, status: 'waitlisted' };
  };

  it('when every clause is an indexed count on a distinct tripId, then the answer equals the generic one without reading documents', () => {
    const next = random(42);
    // Bounds on stored values (ties), just outside them, and at the extremes.
    const bound = (): number => BASE - 1 + Math.floor(next() * 43);
    for (let round = 0; round < 60; round++) {
      const chosen = trips.filter(() => next() < 0.6);
      if (chosen.length === 0) chosen.push(trips[0]);
      const clauses = chosen.map((trip) => {
        const kind = Math.floor(next() * 6);
        const a = bound();
        const b = bound();
        if (kind === 0) return { trip, hi: [a, false] as [number, boolean] };
        if (kind === 1) return { trip, hi: [a, true] as [number, boolean] };
        if (kind === 2) return { trip, lo: [a, false] as [number, boolean] };
        if (kind === 3) return { trip, lo: [a, true] as [number, boolean] };
        if (kind === 4)
          return {
            trip,
            lo: [Math.min(a, b), next() < 0.5] as [number, boolean],
            hi: [Math.max(a, b), next() < 0.5] as [number, boolean],
          };
        return { trip };
      });
      const match =
        clauses.length === 1 && next() < 0.5 ? clauseOf(clauses[0]) : { $or: clauses.map(clauseOf) };
      const fast = aggregate([{ $match: match }, group]);
      // A third stage keeps the same pipeline off the fast path.
      const generic = aggregate([{ $match: match }, group, { $sort: { _id: 1 } }]);
      expect(fast.examined).toBe(0);
      expect(generic.examined).toBeGreaterThan(0);
      expect(sorted(fast.rows)).toEqual(sorted(generic.rows));
      expect(sorted(fast.rows)).toEqual(expected(clauses));
    }
  });

  it('when the group equality is written as {$eq: v}, then the fast path still answers', () => {
    const match = {
      $or: [
        { tripId: { $eq: trips[0] }, status: 'waitlisted' },
        { tripId: trips[1], status: 'waitlisted' },
      ],
    };
    const fast = aggregate([{ $match: match }, group]);
    expect(fast.examined).toBe(0);
    expect(sorted(fast.rows)).toEqual(expected([{ trip: trips[0] }, { trip: trips[1] }]));
  });

  it('when two clauses name the same tripId, then the generic path answers and overlapping matches count once', () => {
    const clauses = [
      { tripId: trips[0], status: 'waitlisted', waitSeq: { $lt: BASE + 25 } },
      { tripId: new ObjectId(trips[0].toHexString()), status: 'waitlisted', waitSeq: { $gte: BASE + 10 } },
    ];
    const result = aggregate([{ $match: { $or: clauses } }, group]);
    expect(result.examined).toBeGreaterThan(0);
    const n = docs.filter(
      (d) =>
        trips[0].equals(d.tripId as ObjectId) && d.status === 'waitlisted' && typeof d.waitSeq === 'number',
    ).length;
    expect(result.rows).toEqual([{ _id: trips[0], n, also: n }]);
  });

  it('when a clause has no equality on the grouped field, then the generic path answers', () => {
    const match = { tripId: trips[2], status: 'waitlisted', waitSeq: { $lt: BASE + 20 } };
    const result = aggregate([{ $match: match }, { $group: { _id: '$waitSeq', n: { $sum: 1 } } }]);
    expect(result.examined).toBeGreaterThan(0);
    const counts = new Map<number, number>();
    for (const d of docs)
      if (
        trips[2].equals(d.tripId as ObjectId) &&
        d.status === 'waitlisted' &&
        typeof d.waitSeq === 'number' &&
        d.waitSeq < BASE + 20
      )
        counts.set(d.waitSeq, (counts.get(d.waitSeq) ?? 0) + 1);
    expect(sorted(result.rows)).toEqual(sorted([...counts].map(([_id, n]) => ({ _id, n }))));
  });

  it('when an accumulator is not {$sum: 1} or the group field is dotted, then the generic path answers', () => {
    const match = {
      $or: [
        { tripId: trips[0], status: 'waitlisted' },
        { tripId: trips[1], status: 'waitlisted' },
      ],
    };
    const mine = (trip: ObjectId) =>
      docs.filter((d) => trip.equals(d.tripId as ObjectId) && d.status === 'waitlisted');
    const [a, b] = [mine(trips[0]), mine(trips[1])];
    const seats = (list: Doc[]) => list.reduce((s, d) => s + (d.seats as number), 0);

    const twice = aggregate([{ $match: match }, { $group: { _id: '$tripId', n: { $sum: 2 } } }]);
    expect(twice.examined).toBeGreaterThan(0);
    expect(sorted(twice.rows)).toEqual(
      sorted([
        { _id: trips[0], n: 2 * a.length },
        { _id: trips[1], n: 2 * b.length },
      ]),
    );

    const summed = aggregate([{ $match: match }, { $group: { _id: '$tripId', n: { $sum: '$seats' } } }]);
    expect(summed.examined).toBeGreaterThan(0);
    expect(sorted(summed.rows)).toEqual(
      sorted([
        { _id: trips[0], n: seats(a) },
        { _id: trips[1], n: seats(b) },
      ]),
    );

    const dotted = aggregate([{ $match: match }, { $group: { _id: '$tripId.x', n: { $sum: 1 } } }]);
    expect(dotted.examined).toBeGreaterThan(0);
    expect(dotted.rows).toEqual([{ _id: null, n: a.length + b.length }]);
  });

  it('when the command has let, then the generic path answers the same', () => {
    const match = { tripId: trips[3], status: 'waitlisted', waitSeq: { $lte: BASE + 30 } };
    const fast = aggregate([{ $match: match }, group]);
    const withLet = aggregate([{ $match: match }, group], { let: { x: 1 } });
    expect(fast.examined).toBe(0);
    expect(withLet.examined).toBeGreaterThan(0);
    expect(withLet.rows).toEqual(fast.rows);
  });
});

describe('aggregate grouped counts (through the mongodb driver)', () => {
  it('when the BFF batches waitlist positions, then fast and generic pipelines return the same documents', async () => {
    const server = await startEmbeddedMongo({ inMemory: true });
    const client = await MongoClient.connect(server.uri, { serverSelectionTimeoutMS: 5000 });
    try {
      const bookingsColl = client.db('grouped').collection<Doc>('bookings');
      await bookingsColl.createIndex({ tripId: 1, status: 1, waitSeq: 1 });
      await bookingsColl.insertMany(bookings(300, 11));
      const match = {
        $or: trips
          .slice(0, 4)
          .map((tripId, i) => ({ tripId, status: 'waitlisted', waitSeq: { $lt: BASE + 10 * (i + 1) } })),
      };
      const group = { $group: { _id: '$tripId', n: { $sum: 1 } } };
      const fast = await bookingsColl.aggregate<Doc>([{ $match: match }, group]).toArray();
      const generic = await bookingsColl
        .aggregate<Doc>([{ $match: match }, group, { $sort: { _id: 1 } }])
        .toArray();
      expect(fast.length).toBeGreaterThan(0);
      expect(sorted(fast)).toEqual(sorted(generic));
    } finally {
      await client.close();
      await server.stop();
    }
  });
});
