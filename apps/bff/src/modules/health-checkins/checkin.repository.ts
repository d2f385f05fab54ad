import { Types, type Model, type mongo } from 'mongoose';
import type { CheckinInput } from '@fugong/contracts';
import type { CheckinFacts } from '@fugong/domain';
import type { CheckinDoc, SubmissionKey } from './checkin.model';
import { Batcher } from '../../db/batcher';
import { upsertEach, type UpsertOutcome } from '../../db/insert-each';
import type { Connection } from 'mongoose';
import { oid } from '../../db/ids';
import { checkinModel } from './checkin.model';

export interface CheckinRecord extends CheckinFacts {
  id: string;
  workerId: string;
  day: string;
}

const toRecord = (d: CheckinDoc): CheckinRecord => ({
  id: d._id.toHexString(),
  workerId: d.workerId.toHexString(),
  day: d.day,
  at: d.at,
  temperature: d.temperature,
  symptoms: d.symptoms,
  healthCode: d.healthCode,
  places: d.places,
  arrivedFromOutsideProvince: d.arrivedFromOutsideProvince,
  arrivalDate: d.arrivalDate,
});

/** Submissions' keys a day's record remembers: more than anyone resubmits in a day. */
const KEYS_KEPT = 10;

export interface SavedCheckin {
  record: CheckinRecord;
  /** saved: this call wrote it; replayed: a retry of a saved submission; mismatch: its key came with other answers. */
  outcome: 'saved' | 'replayed' | 'mismatch';
}

/** Daily health check-ins. */
export class CheckinRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): CheckinRepository {
    return new CheckinRepository(checkinModel(conn));
  }

  /** "Latest recent check-in" reads of one event-loop turn go out as one query (see Batcher). */
  private readonly recent: Batcher<{ workerId: string; sinceDay: string }, CheckinRecord | null>;

  /** "The day's check-in as stored" reads of one turn (each check-in's rollup sync) as one query. */
  private readonly stored: Batcher<{ workerId: string; day: string }, CheckinDoc | null>;

  /**
   * The check-in upserts of one turn as one unordered bulk write (driver call: every field is set
   * here with its schema type; mongoose built a document per upsert for its defaults). Each
   * upsert learns its own fate: applied, or refused by the (workerId, day) key.
   */
  private readonly upserts: Batcher<
    { filter: mongo.Filter<CheckinDoc>; update: mongo.UpdateFilter<CheckinDoc> },
    Exclude<UpsertOutcome, Error>
  >;

  constructor(private readonly model: Model<CheckinDoc>) {
    const coll = model.collection as unknown as mongo.Collection<CheckinDoc>;
    this.upserts = new Batcher((ops) => upsertEach(coll, ops));
    this.stored = new Batcher(async (asks) => {
      // Driver call: the filter is already typed (ObjectIds, days), so a mongoose query would only
      // add its casting and hooks (~2% of a check-in); documents come back as stored either way.
      const docs = (await coll
        .find(
          {
            workerId: { $in: [...new Set(asks.map((a) => a.workerId))].map(oid) },
            day: { $in: [...new Set(asks.map((a) => a.day))] },
          },
          // One reply however large the batch (the default first batch of 101 costs getMores).
          { batchSize: asks.length + 1 },
        )
        .toArray()) as CheckinDoc[];
      const by = new Map(docs.map((d) => [`${d.workerId.toHexString()}|${d.day}`, d]));
      return asks.map((a) => by.get(`${a.workerId}|${a.day}`) ?? null);
    });
    this.recent = new Batcher(async (asks) => {
      const since = asks.reduce((m, a) => (a.sinceDay < m ? a.sinceDay : m), asks[0].sinceDay);
      const found = await this.latestMany(
        asks.map((a) => a.workerId),
        since,
      );
      return asks.map((a) => {
        const r = found.get(a.workerId);
        return r && r.day >= a.sinceDay ? r : null;
      });
    });
  }

  // ---- Reads for the dashboard's rollups (their sync and their recount from raw data), as stored.

  /** A worker's check-in of one day as stored; null when none. */
  storedOf(workerId: string, day: string): Promise<CheckinDoc | null> {
    return this.stored.load({ workerId: oid(workerId).toHexString(), day });
  }

  /** Every check-in's worker, day and readings, as a cursor. */
  checkinsForRecount(batchSize: number) {
    return this.model
      .find({}, { workerId: 1, day: 1, temperature: 1, healthCode: 1 })
      .lean<Pick<CheckinDoc, '_id' | 'workerId' | 'day' | 'temperature' | 'healthCode'>>()
      .cursor({ batchSize });
  }

  /**
   * The worker's latest check-in among days ≥ sinceDay, or null. Served together with the
   * other such reads of the same moment (a booking rush reads one per request).
   */
  async latestSince(workerId: string, sinceDay: string): Promise<CheckinRecord | null> {
    if (!Types.ObjectId.isValid(workerId)) return null;
    return this.recent.load({ workerId: new Types.ObjectId(workerId).toHexString(), sinceDay });
  }

  /**
   * Records the day's check-in: an upsert on the unique (workerId, day) key, so the second
   * submission of a day replaces the answers of the first. Two first submissions racing make
   * one of the upserts collide; it is retried and then updates the winner's document. The
   * answer to an upsert that inserted the day's record is that record: the driver reports its
   * `_id`, and the rest is what the write set (the day's first check-in — a morning rush —
   * reads nothing back). The answer to one that updated it is the record read back after the
   * write (with the other check-ins of the moment), so two submissions of one worker racing may
   * both see the later one's answers.
   *
   * With a key, the write applies only when the day's record does not hold that key yet (the
   * filter), and pushes it: a retry of a saved submission matches nothing, its upsert collides
   * with the day's record, and the stored record answers it (`replayed`, or `mismatch` when the
   * key came with other answers). A later retry never overwrites a newer submission.
   */
  async upsertForDay(
    workerId: string,
    day: string,
    at: Date,
    input: Required<CheckinInput>,
    key: SubmissionKey | null = null,
  ): Promise<SavedCheckin> {
    const byDay = { workerId: new Types.ObjectId(workerId), day };
    const filter = key ? { ...byDay, 'keys.k': { $ne: key.k } } : byDay;
    const update = key
      ? { $set: { ...input, at }, $push: { keys: { $each: [key], $slice: -KEYS_KEPT } } }
      : { $set: { ...input, at } };
    for (let attempt = 0; ; attempt += 1) {
      const fate = await this.upserts.load({ filter, update });
      if (typeof fate === 'object') {
        const record = { id: String(fate.inserted), workerId: byDay.workerId.toHexString(), day };
        return { record: { ...record, ...input, at }, outcome: 'saved' };
      }
      if (fate === 'updated') {
        // Read back with the other check-ins of the moment: what the day's record now holds.
        const doc = await this.stored.load({ workerId: byDay.workerId.toHexString(), day });
        if (doc) return { record: toRecord(doc), outcome: 'saved' };
      } else if (key) {
        const stored = (await this.model.collection.findOne(byDay)) as CheckinDoc | null;
        const held = stored?.keys?.find((k) => k.k === key.k);
        if (stored && held)
          return { record: toRecord(stored), outcome: held.h === key.h ? 'replayed' : 'mismatch' };
      }
      if (attempt >= 2) throw new Error(`check-in of ${workerId} on ${day} kept colliding`);
    }
  }

  async latest(workerId: string): Promise<CheckinRecord | null> {
    if (!Types.ObjectId.isValid(workerId)) return null;
    // Driver call: read on every booking and pass view; nothing to cast.
    const doc = await this.model.collection.findOne(
      { workerId: new Types.ObjectId(workerId) },
      { sort: { day: -1 } },
    );
    return doc ? toRecord(doc as CheckinDoc) : null;
  }

  /** Each worker's latest check-in among days ≥ sinceDay (older ones cannot make a pass green). */
  async latestMany(workerIds: string[], sinceDay: string): Promise<Map<string, CheckinRecord>> {
    const out = new Map<string, CheckinRecord>();
    if (workerIds.length === 0) return out;
    // Driver call (nothing to cast); one batch however many workers.
    const docs = (await this.model.collection
      .find(
        {
          workerId: { $in: [...new Set(workerIds)].map((id) => new Types.ObjectId(id)) },
          day: { $gte: sinceDay },
        },
        { batchSize: 2 * workerIds.length + 1 },
      )
      .toArray()) as CheckinDoc[];
    for (const d of docs) {
      const rec = toRecord(d);
      const seen = out.get(rec.workerId);
      if (!seen || seen.day < rec.day) out.set(rec.workerId, rec);
    }
    return out;
  }
}
