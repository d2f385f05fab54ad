import type { Model } from 'mongoose';
import type { TripDoc } from './trip.types';
import type { TripSnapshots } from './trip-snapshots';
import { Batcher } from '../../db/batcher';
import { oid } from '../../db/ids';

/** Outcome of trying to give a booking a seat. */
export type SeatClaim = 'claimed' | 'held' | 'full' | 'gone';

export interface ClaimAsk {
  tripId: string;
  bookingId: string;
  capacity: number;
}

// Driver calls (filter and update built here with stored types; no casting needed).
const claimFilter = (a: ClaimAsk) => ({
  _id: oid(a.tripId),
  status: 'published',
  capacity: a.capacity,
  bookedCount: { $lt: a.capacity },
  seatHolders: { $ne: oid(a.bookingId) },
});
const CLAIM_UPDATE = (bookingId: string) =>
  ({ $inc: { bookedCount: 1 }, $push: { seatHolders: oid(bookingId) } }) as object;

/** Why a guarded claim did not apply, read from the trip as it is now. */
function explainClaim(trip: TripDoc | undefined, bookingId: string): 'held' | 'full' | 'gone' | 'retry' {
  if (!trip || trip.status !== 'published') return 'gone';
  if (trip.seatHolders.some((h) => h.toHexString() === bookingId)) return 'held';
  return trip.bookedCount >= trip.capacity ? 'full' : 'retry';
}

/** Seat claims on trips, batched per event-loop turn (part of TripRepository). */
export class SeatClaims {
  private readonly claims = new Batcher<ClaimAsk, SeatClaim>((asks) => this.batch(asks));

  constructor(
    private readonly model: Model<TripDoc>,
    private readonly snapshots: TripSnapshots,
  ) {}

  claim(ask: ClaimAsk): Promise<SeatClaim> {
    return this.claims.load(ask);
  }

  /**
   * All updates applied: every booking got its seat. Otherwise the bulk's reply does not say
   * which ones missed, so every trip of the batch is read once and each claim explained from
   * it: its booking a holder (by this batch or before: either way it holds the seat), the
   * trip gone or full, or a seat free after all (capacity changed, or freed since), which is
   * tried again alone. Each update is idempotent per booking, so nothing is applied twice.
   */
  private async batch(asks: ClaimAsk[]): Promise<SeatClaim[]> {
    const res = await this.model.collection.bulkWrite(
      asks.map((a) => ({ updateOne: { filter: claimFilter(a), update: CLAIM_UPDATE(a.bookingId) } })),
      { ordered: false },
    );
    if (res.modifiedCount === asks.length) {
      for (const a of asks) this.snapshots.claimed(a.tripId, a.bookingId);
      return asks.map(() => 'claimed');
    }
    // Some did not apply, and which is unknown: the snapshots no longer describe those trips.
    for (const a of asks) this.snapshots.drop(a.tripId);
    const trips = await this.seatStates([...new Set(asks.map((a) => a.tripId))]);
    return Promise.all(
      asks.map((a) => {
        const seen = explainClaim(trips.get(a.tripId), a.bookingId);
        if (seen === 'full') this.snapshots.markFull(a.tripId);
        return seen === 'retry' ? this.alone(a) : seen === 'held' ? 'claimed' : seen;
      }),
    );
  }

  /** One claim with its own retries, for the rare claim a batch could not settle. */
  private async alone(ask: ClaimAsk): Promise<SeatClaim> {
    let capacity = ask.capacity;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const res = await this.model.collection.updateOne(
        claimFilter({ ...ask, capacity }),
        CLAIM_UPDATE(ask.bookingId),
      );
      this.snapshots.drop(ask.tripId);
      if (res.modifiedCount === 1) return 'claimed';
      const trip = (await this.seatStates([ask.tripId])).get(ask.tripId);
      const seen = explainClaim(trip, ask.bookingId);
      if (seen === 'full') this.snapshots.markFull(ask.tripId);
      if (seen !== 'retry') return seen;
      capacity = trip!.capacity; // a seat is free (or the vehicle changed): try the guarded write
    }
    return 'full';
  }

  private async seatStates(ids: string[]): Promise<Map<string, TripDoc>> {
    const docs = (await this.model.collection
      .find(
        { _id: { $in: ids.map(oid) } },
        { projection: { status: 1, capacity: 1, bookedCount: 1, seatHolders: 1 } },
      )
      .toArray()) as TripDoc[];
    return new Map(docs.map((d) => [d._id.toHexString(), d]));
  }
}
