import { Types, type Model } from 'mongoose';
import type { TripStatus } from '@fugong/contracts';
import type { TripDoc, NewTrip, TripNotice, TripRecord } from './trip.types';
import { TripSnapshots } from './trip-snapshots';
import { SeatClaims, type SeatClaim } from './seat-claims';
import { Batcher } from '../../db/batcher';
import type { Connection } from 'mongoose';
import { tripModel } from './trip.model';
import { oid } from '../../db/ids';

export type { SeatClaim };
export type { NewTrip, TripRecord } from './trip.types';

function toRecord(d: TripDoc): TripRecord {
  return {
    id: d._id.toHexString(),
    status: d.status,
    originRegionCode: d.originRegionCode,
    originName: d.originName,
    pickupPoints: d.pickupPoints.map((p) => ({ name: p.name })),
    destinations: d.destinations.map((x) => ({
      enterpriseId: x.enterpriseId.toHexString(),
      enterpriseName: x.enterpriseName,
      dropPoint: x.dropPoint,
    })),
    departureAt: d.departureAt,
    travelDay: d.travelDay,
    vehicle: { plate: d.vehicle.plate, seats: d.vehicle.seats },
    driver: { name: d.driver.name },
    occupancyCapPct: d.occupancyCapPct,
    capacity: d.capacity,
    bookedCount: d.bookedCount,
    seatHolders: (d.seatHolders ?? []).map((h) => h.toHexString()),
    boardedCount: d.boardedCount,
    notices: d.notices ?? [],
    noticesPending: d.noticesPending ?? false,
    cancelReason: d.cancelReason,
    createdBy: d.createdBy,
  };
}

/** Trips and their seat counter. Every seat change is one guarded single-document update. */
export class TripRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): TripRepository {
    return new TripRepository(tripModel(conn));
  }

  /** Recently read trips for the booking path (see TripSnapshots for why that is safe). */
  private readonly snapshots = new TripSnapshots();

  /** Trip reads of one event-loop turn go out as one `$in` query (see Batcher). */
  private readonly reads: Batcher<string, TripDoc | null>;
  private readonly claims: SeatClaims;

  constructor(private readonly model: Model<TripDoc>) {
    this.claims = new SeatClaims(model, this.snapshots);
    this.reads = new Batcher(async (ids) => {
      const docs = (await this.model.collection
        .find({ _id: { $in: [...new Set(ids)].map(oid) } }, { batchSize: ids.length })
        .toArray()) as TripDoc[];
      const byId = new Map(docs.map((d) => [d._id.toHexString(), d]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  // ---- Reads for the dashboard's rollups (their sync and their recount from raw data), as stored.

  /** A stored trip without its seat holders and notices, read now (no snapshot); null for an unknown id. */
  storedById(id: string): Promise<Omit<TripDoc, 'seatHolders' | 'notices'> | null> {
    return this.model.findById(id, { seatHolders: 0, notices: 0 }).lean<TripDoc>();
  }

  /** Every trip without its seat holders and notices, as a cursor. */
  tripsForRecount(batchSize: number) {
    return this.model
      .find({}, { seatHolders: 0, notices: 0 })
      .lean<Omit<TripDoc, 'seatHolders' | 'notices'>>()
      .cursor({ batchSize });
  }

  async create(t: NewTrip): Promise<TripRecord> {
    const doc = await this.model.create({
      ...t,
      destinations: t.destinations.map((d) => ({ ...d, enterpriseId: oid(d.enterpriseId) })),
      bookedCount: 0,
      seatHolders: [],
      boardedCount: 0,
      notices: [],
      noticesPending: false,
      cancelReason: null,
    });
    const trip = toRecord(doc.toObject() as TripDoc);
    this.snapshots.put(trip);
    return trip;
  }

  async findById(id: string): Promise<TripRecord | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    // Driver call, batched: read on every booking, nothing to cast in an _id lookup.
    const doc = await this.reads.load(new Types.ObjectId(id).toHexString());
    if (!doc) {
      this.snapshots.drop(id);
      return null;
    }
    const trip = toRecord(doc as TripDoc);
    this.snapshots.put(trip);
    return trip;
  }

  /**
   * The trip as read at most a second ago (or read now). Only for starting a booking: every
   * seat decision after it is a guarded write. Never for anything shown as current state.
   */
  async snapshot(id: string): Promise<TripRecord | null> {
    return this.snapshots.get(id) ?? this.findById(id);
  }

  async search(
    f: { statuses: TripStatus[]; origin?: string; enterpriseId?: string; day?: string; fromDay?: string },
    page: number,
    pageSize: number,
  ): Promise<{ items: TripRecord[]; total: number }> {
    const q: Record<string, unknown> = { status: { $in: f.statuses } };
    if (f.day) q.travelDay = f.day;
    else if (f.fromDay) q.travelDay = { $gte: f.fromDay };
    // Anchored prefix on digits only (validated), so the index on originRegionCode serves it.
    if (f.origin) q.originRegionCode = new RegExp(`^${f.origin}`);
    if (f.enterpriseId) q['destinations.enterpriseId'] = oid(f.enterpriseId);
    const [docs, total] = await Promise.all([
      this.model
        .find(q)
        .sort({ departureAt: 1, _id: 1 })
        .skip((page - 1) * pageSize)
        .limit(pageSize)
        .lean<TripDoc[]>(),
      this.model.countDocuments(q),
    ]);
    return { items: docs.map(toRecord), total };
  }

  /** Published trips departing in [from, to): the sweep's working set. */
  async departingBetween(from: Date, to: Date): Promise<TripRecord[]> {
    const docs = await this.model
      .find({ status: 'published', departureAt: { $gte: from, $lt: to } })
      .sort({ departureAt: 1 })
      .lean<TripDoc[]>();
    return docs.map(toRecord);
  }

  async withPendingNotices(limit = 100): Promise<TripRecord[]> {
    const docs = await this.model.find({ noticesPending: true }).limit(limit).lean<TripDoc[]>();
    return docs.map(toRecord);
  }

  /** Applies `set` only while the trip is in one of `from` (and the extra guard holds). */
  async updateIf(
    id: string,
    from: TripStatus[],
    set: Record<string, unknown>,
    guard: Record<string, unknown> = {},
    notice?: Omit<TripNotice, 'seq'>,
  ): Promise<TripRecord | null> {
    const update: Record<string, unknown> = { $set: { ...set, ...(notice ? { noticesPending: true } : {}) } };
    if (notice) {
      // The notice rides in the same atomic update as the change itself: the change cannot
      // land without its notice (transactional outbox without a transaction).
      const current = await this.model.findById(id, { notices: 1 }).lean<TripDoc>();
      const seq = (current?.notices?.length ?? 0) + 1;
      guard = { ...guard, notices: { $size: seq - 1 } };
      update.$push = { notices: { ...notice, seq } };
    }
    const doc = await this.model
      .findOneAndUpdate({ _id: oid(id), status: { $in: from }, ...guard }, update, {
        returnDocument: 'after',
      })
      .lean<TripDoc>();
    if (!doc) {
      this.snapshots.drop(id);
      return null;
    }
    const trip = toRecord(doc);
    this.snapshots.put(trip);
    return trip;
  }

  /** Marks notices up to `count` as fanned out, unless a newer one arrived meanwhile. */
  async clearNotices(id: string, count: number): Promise<void> {
    await this.model.updateOne(
      { _id: oid(id), notices: { $size: count } },
      { $set: { noticesPending: false } },
    );
  }

  /**
   * Gives booking `bookingId` a seat: one update guarded by "published, capacity unchanged,
   * fewer than capacity seats sold, not already a holder". It can neither oversell nor count
   * the same booking twice, however many requests race. Claims of one event-loop turn go out
   * as one unordered bulk of those updates (see SeatClaims).
   */
  claimSeat(tripId: string, bookingId: string, knownCapacity: number): Promise<SeatClaim> {
    return this.claims.claim({ tripId, bookingId, capacity: knownCapacity });
  }

  /** Takes a booking's seat back; a no-op unless it holds one, so repeats never double-free. */
  async releaseSeat(tripId: string, bookingId: string): Promise<boolean> {
    const res = await this.model.updateOne(
      { _id: oid(tripId), seatHolders: oid(bookingId) },
      { $inc: { bookedCount: -1 }, $pull: { seatHolders: oid(bookingId) } },
    );
    if (res.modifiedCount === 1) this.snapshots.drop(tripId);
    return res.modifiedCount === 1;
  }

  /** Cancelled trips not yet departed: the sweep re-cancels bookings a crash let in late. */
  async cancelledDepartingAfter(from: Date, limit = 200): Promise<TripRecord[]> {
    const docs = await this.model
      .find({ status: 'cancelled', departureAt: { $gte: from } })
      .sort({ departureAt: 1 })
      .limit(limit)
      .lean<TripDoc[]>();
    return docs.map(toRecord);
  }

  /** Hands out the next seat number at boarding (atomic counter). */
  async nextSeatNo(tripId: string): Promise<number> {
    const doc = await this.model
      .findOneAndUpdate(
        { _id: oid(tripId) },
        { $inc: { boardedCount: 1 } },
        { returnDocument: 'after', projection: { boardedCount: 1 } },
      )
      .lean<TripDoc>();
    return doc!.boardedCount;
  }
}
