import { createHash } from 'node:crypto';
import { Types, type Model, type mongo } from 'mongoose';
import type { BookingStatus } from '@fugong/contracts';
import type { BookingDoc, BookingFlag } from './booking.model';
import { Batcher } from '../../db/batcher';
import { insertEach } from '../../db/insert-each';
import { WaitlistOrder } from './waitlist-order';
import { WaitlistPositions } from './waitlist-positions';
import type { Connection } from 'mongoose';
import { bookingModel } from './booking.model';
import { oid } from '../../db/ids';

export interface BookingRecord {
  id: string;
  tripId: string;
  workerId: string;
  travelDay: string;
  status: BookingStatus;
  pickupPoint: string;
  waitSeq: number | null;
  flag: BookingFlag | null;
  seatNo: number | null;
  boardedAt: Date | null;
  boardingTemperature: number | null;
  boardingDeviceId: string | null;
  arrivedAt: Date | null;
  bookedBy: 'self' | 'liaison';
  cancelReason: BookingDoc['cancelReason'];
  cancelledAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const LIVE_STATUSES: BookingStatus[] = ['pending', 'confirmed', 'waitlisted', 'boarded'];

const toRecord = (d: BookingDoc): BookingRecord => ({
  id: d._id.toHexString(),
  tripId: d.tripId.toHexString(),
  workerId: d.workerId.toHexString(),
  travelDay: d.travelDay,
  status: d.status,
  pickupPoint: d.pickupPoint,
  waitSeq: d.waitSeq ?? null,
  flag: d.flag ?? null,
  seatNo: d.seatNo ?? null,
  boardedAt: d.boardedAt ?? null,
  boardingTemperature: d.boardingTemperature ?? null,
  boardingDeviceId: d.boardingDeviceId ?? null,
  arrivedAt: d.arrivedAt ?? null,
  bookedBy: d.bookedBy,
  cancelReason: d.cancelReason ?? null,
  cancelledAt: d.cancelledAt ?? null,
  createdAt: d.createdAt,
  updatedAt: d.updatedAt,
});

/** What a new live booking is made of. */
export interface NewBooking {
  /** A fixed id (see `idForKey`); a fresh ObjectId when absent. */
  id?: string;
  tripId: string;
  workerId: string;
  travelDay: string;
  pickupPoint: string;
  bookedBy: 'self' | 'liaison';
  bookedById: string;
  now: Date;
}

/** Bookings. Status changes are compare-and-set on the current status, never read-then-write. */
export class BookingRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): BookingRepository {
    return new BookingRepository(bookingModel(conn));
  }

  /** Booking inserts of one event-loop turn go out as one unordered insert (see Batcher). */
  private readonly inserts: Batcher<BookingDoc, boolean>;
  private readonly positions: WaitlistPositions;
  private readonly order = new WaitlistOrder();
  /** Pending bookings that got their seat in one turn are confirmed with one update. */
  private readonly confirms: Batcher<{ b: BookingRecord; now: Date }, BookingRecord>;
  /** "Upcoming live bookings of this worker" reads of one turn (every check-in asks) as one query. */
  private readonly upcoming: Batcher<{ workerId: string; fromDay: string }, BookingRecord[]>;

  constructor(private readonly model: Model<BookingDoc>) {
    const coll = model.collection as unknown as mongo.Collection<BookingDoc>;
    this.inserts = new Batcher(async (docs) =>
      (await insertEach(coll, docs)).map((r) => (r instanceof Error ? r : r === 'inserted')),
    );
    this.positions = new WaitlistPositions(model);
    this.confirms = new Batcher((asks) => this.confirmBatch(asks));
    this.upcoming = new Batcher(async (asks) => {
      const from = asks.reduce((m, a) => (a.fromDay < m ? a.fromDay : m), asks[0].fromDay);
      // Driver call: the filter is already typed; a mongoose query added only its casting.
      const docs = (await coll
        .find({
          workerId: { $in: [...new Set(asks.map((a) => a.workerId))].map(oid) },
          live: true,
          travelDay: { $gte: from },
        })
        .toArray()) as BookingDoc[];
      const records = docs.map(toRecord);
      return asks.map((a) => records.filter((r) => r.workerId === a.workerId && r.travelDay >= a.fromDay));
    });
  }

  // ---- Reads for the dashboard's rollups (their sync and their recount from raw data), as stored.

  /** How many of a trip's bookings ever joined its waitlist (a booking keeps its waitSeq). */
  waitlistJoinsOf(tripId: string): Promise<number> {
    return this.model.countDocuments({ tripId: oid(tripId), waitSeq: { $ne: null } });
  }

  /** The trip of every booking that ever waited, as a cursor. */
  waitlistJoinsForRecount(batchSize: number) {
    return this.model
      .find({ waitSeq: { $ne: null } }, { tripId: 1 })
      .lean<Pick<BookingDoc, '_id' | 'tripId'>>()
      .cursor({ batchSize });
  }

  /**
   * The id a booking made with this Idempotency-Key gets: derived from the worker and the key,
   * so a retry's insert collides with the first attempt's on `_id` (the key is stored in the
   * same atomic write as the booking itself; no separate key record, no stale claim after a
   * crash) and the retry finds the first attempt by id.
   */
  idForKey(workerId: string, key: string): string {
    return createHash('sha256').update(`booking:${workerId}:${key}`).digest('hex').slice(0, 24);
  }

  /**
   * Inserts a pending live booking, or returns null when the worker already holds a live
   * booking that day (the partial unique index decided, atomically).
   */
  async insertPending(b: NewBooking): Promise<BookingRecord | null> {
    return this.insertLive(b, 'pending', null);
  }

  /**
   * Inserts a booking straight onto the waitlist (a trip seen full), its place in the queue
   * taken from the clock (see WaitlistOrder), or returns null like insertPending.
   */
  async insertWaitlisted(b: NewBooking): Promise<BookingRecord | null> {
    return this.insertLive(b, 'waitlisted', this.order.next(b.now));
  }

  /** A pending booking that found no seat joins the waitlist; null when it was no longer pending. */
  async pendingToWaitlist(id: string, now: Date): Promise<BookingRecord | null> {
    return this.transition(id, ['pending'], 'waitlisted', { waitSeq: this.order.next(now) }, now);
  }

  private async insertLive(
    b: NewBooking,
    status: 'pending' | 'waitlisted',
    waitSeq: number | null,
  ): Promise<BookingRecord | null> {
    // The driver's insertOne (no mongoose document, casting or validation: every field is set
    // here with its schema type and default), as `create` would store it.
    const doc: BookingDoc = {
      _id: b.id ? oid(b.id) : new Types.ObjectId(),
      tripId: oid(b.tripId),
      workerId: oid(b.workerId),
      travelDay: b.travelDay,
      status,
      live: true,
      pickupPoint: b.pickupPoint,
      waitSeq,
      flag: null,
      seatNo: null,
      boardedAt: null,
      boardingTemperature: null,
      boardedBy: null,
      bookedBy: b.bookedBy,
      bookedById: b.bookedById,
      cancelReason: null,
      cancelledAt: null,
      createdAt: b.now,
      updatedAt: b.now,
    };
    // Refused (false) when a unique index holds another live booking that day, or the id.
    return (await this.inserts.load(doc)) ? toRecord(doc) : null;
  }

  async findById(id: string): Promise<BookingRecord | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const doc = await this.model.findById(id).lean<BookingDoc>();
    return doc ? toRecord(doc) : null;
  }

  async findLive(workerId: string, travelDay: string): Promise<BookingRecord | null> {
    const doc = await this.model
      .findOne({ workerId: oid(workerId), travelDay, live: true })
      .lean<BookingDoc>();
    return doc ? toRecord(doc) : null;
  }

  async findLiveOnTrip(workerId: string, tripId: string): Promise<BookingRecord | null> {
    const doc = await this.model
      .findOne({ workerId: oid(workerId), tripId: oid(tripId), live: true })
      .lean<BookingDoc>();
    return doc ? toRecord(doc) : null;
  }

  /** Moves a booking from one status to another if it is still in `from`; null when it was not. */
  async transition(
    id: string,
    from: BookingStatus[],
    to: BookingStatus,
    set: Partial<Omit<BookingDoc, '_id' | 'status' | 'live'>>,
    now: Date,
  ): Promise<BookingRecord | null> {
    const live = LIVE_STATUSES.includes(to);
    const update = live
      ? { $set: { ...set, status: to, updatedAt: now } }
      : { $set: { ...set, status: to, updatedAt: now }, $unset: { live: 1 } };
    // Driver call (no query casting): the filter and update are built here with stored types.
    const doc = await this.model.collection.findOneAndUpdate(
      { _id: oid(id), status: { $in: from } },
      update,
      { returnDocument: 'after' },
    );
    return doc ? toRecord(doc as BookingDoc) : null;
  }

  /**
   * The worker's 确认到达, guarded: only their own boarded booking, and only once (a retry or a
   * second tap finds it already set and changes nothing). Null when the guard did not match.
   */
  async recordArrival(id: string, workerId: string, now: Date): Promise<BookingRecord | null> {
    const doc = await this.model.collection.findOneAndUpdate(
      { _id: oid(id), workerId: oid(workerId), status: 'boarded', arrivedAt: null },
      { $set: { arrivedAt: now, updatedAt: now } },
      { returnDocument: 'after' },
    );
    return doc ? toRecord(doc as BookingDoc) : null;
  }

  /**
   * Confirms a pending booking that holds its seat; returns the booking as it now stands
   * (confirmed, or whatever another writer made of it first: a cancellation, the sweep).
   */
  confirmHeld(b: BookingRecord, now: Date): Promise<BookingRecord> {
    return this.confirms.load({ b, now });
  }

  /**
   * One `pending → confirmed` update for the batch. When it changed every booking, each one is
   * the pending record with those two fields set (nothing else was written); otherwise the
   * reply does not say which ones it changed, and the batch's bookings are read back.
   */
  private async confirmBatch(asks: { b: BookingRecord; now: Date }[]): Promise<(BookingRecord | Error)[]> {
    const ids = [...new Set(asks.map((a) => a.b.id))];
    const now = asks[0].now;
    const res = await this.model.collection.updateMany(
      { _id: { $in: ids.map(oid) }, status: 'pending' },
      { $set: { status: 'confirmed', updatedAt: now } },
    );
    // (A pass flag set on the booking in the same milliseconds would be missing from the answer,
    // not from the booking; the next read shows it.)
    if (res.modifiedCount === ids.length)
      return asks.map(({ b }) => ({ ...b, status: 'confirmed', updatedAt: now }));
    const byId = new Map((await this.listByIds(ids)).map((r) => [r.id, r]));
    return asks.map(({ b }) => byId.get(b.id) ?? new Error(`booking ${b.id} vanished`));
  }

  /**
   * Makes `deviceId` the phone whose offline boarding code counts for this worker's booking, in
   * one guarded write: only while the booking holds a seat (a cancelled or boarded booking
   * gets no new code). The latest phone wins; codes fetched on an earlier one stop working.
   */
  async bindBoardingDevice(id: string, workerId: string, deviceId: string): Promise<BookingRecord | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const doc = await this.model
      .findOneAndUpdate(
        { _id: oid(id), workerId: oid(workerId), status: 'confirmed' },
        { $set: { boardingDeviceId: deviceId } },
        { returnDocument: 'after' },
      )
      .lean<BookingDoc>();
    return doc ? toRecord(doc) : null;
  }

  async setSeatNo(id: string, seatNo: number): Promise<BookingRecord | null> {
    const doc = await this.model
      .findOneAndUpdate({ _id: oid(id), seatNo: null }, { $set: { seatNo } }, { returnDocument: 'after' })
      .lean<BookingDoc>();
    return doc ? toRecord(doc) : null;
  }

  /**
   * Flags (or clears) a live booking. A flag is set only before boarding: a passenger the
   * marshal boarded a moment ago keeps a clean row whatever the sweep read before that.
   */
  async setFlag(id: string, flag: BookingFlag | null): Promise<void> {
    const before: BookingStatus[] = ['pending', 'confirmed', 'waitlisted'];
    const filter = flag ? { _id: oid(id), status: { $in: before } } : { _id: oid(id), live: true as const };
    await this.model.updateOne(filter, { $set: { flag } });
  }

  async firstWaitlisted(tripId: string): Promise<BookingRecord | null> {
    const doc = await this.model
      .findOne({ tripId: oid(tripId), status: 'waitlisted' })
      .sort({ waitSeq: 1, _id: 1 })
      .lean<BookingDoc>();
    return doc ? toRecord(doc) : null;
  }

  /**
   * 1-based place in the waitlist: the waitlisted bookings of the trip with a smaller waitSeq,
   * plus one. Asked for every waitlisted booking a rush answers, so the places asked in one
   * event-loop turn are answered together (see WaitlistPositions).
   */
  waitlistPosition(tripId: string, waitSeq: number): Promise<number> {
    return this.positions.placeOf(tripId, waitSeq);
  }

  async listByTrip(tripId: string, statuses: BookingStatus[]): Promise<BookingRecord[]> {
    const docs = await this.model
      .find({ tripId: oid(tripId), status: { $in: statuses } })
      .sort({ seatNo: 1, createdAt: 1 })
      .lean<BookingDoc[]>();
    return docs.map(toRecord);
  }

  async listByIds(ids: string[]): Promise<BookingRecord[]> {
    const docs = (await this.model.collection
      .find({ _id: { $in: ids.map(oid) } }, { batchSize: ids.length + 1 })
      .toArray()) as BookingDoc[];
    return docs.map(toRecord);
  }

  async waitlistCounts(tripIds: string[]): Promise<Map<string, number>> {
    const docs = await this.model
      .find({ tripId: { $in: tripIds.map(oid) }, status: 'waitlisted' }, { tripId: 1 })
      .lean<BookingDoc[]>();
    const out = new Map<string, number>();
    for (const d of docs) out.set(d.tripId.toHexString(), (out.get(d.tripId.toHexString()) ?? 0) + 1);
    return out;
  }

  async listForWorker(workerId: string, limit = 50): Promise<BookingRecord[]> {
    const docs = await this.model
      .find({ workerId: oid(workerId) })
      .sort({ createdAt: -1 })
      .limit(limit)
      .lean<BookingDoc[]>();
    return docs.map(toRecord);
  }

  /** Upcoming live bookings of a worker (for re-flagging after a check-in). */
  /** The worker's live bookings from `fromDay` on; served with the other such reads of the moment. */
  async upcomingLiveForWorker(workerId: string, fromDay: string): Promise<BookingRecord[]> {
    return this.upcoming.load({ workerId, fromDay });
  }

  async stalePending(olderThan: Date, limit = 200): Promise<BookingRecord[]> {
    const docs = await this.model
      .find({ status: 'pending', updatedAt: { $lt: olderThan } })
      .limit(limit)
      .lean<BookingDoc[]>();
    return docs.map(toRecord);
  }

  /** Cancels every live, not-yet-boarded booking of a cancelled trip (idempotent); how many. */
  async cancelAllForTrip(tripId: string, now: Date): Promise<number> {
    const res = await this.model.updateMany(
      { tripId: oid(tripId), status: { $in: ['pending', 'confirmed', 'waitlisted'] } },
      {
        $set: { status: 'cancelled', cancelReason: 'trip_cancelled', cancelledAt: now, updatedAt: now },
        $unset: { live: 1 },
      },
    );
    return res.modifiedCount;
  }
}
