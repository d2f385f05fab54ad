import type { TripRecord } from './trip.types';

/** How stale a trip snapshot the booking path may start from. */
export const TRIP_SNAPSHOT_MS = 1000;
/** A city has a few thousand bookable trips; past this many the cache simply starts over. */
const MAX_ENTRIES = 20_000;

/**
 * Recently read trips, so a booking rush does not re-read the same trip for every request.
 *
 * Safe because nothing about seats is decided from a snapshot: the seat claim, the waitlist
 * ticket and the booking insert are all guarded writes that re-check the trip in the database.
 * A stale snapshot can only send a request down a slower path (e.g. try for a seat that is
 * gone, then join the waitlist) or let it start just before a change made through another BFF
 * instance, which those guards then refuse. Writes through this process replace or drop the
 * entry at once, and every fresh read refreshes it.
 */
export class TripSnapshots {
  private readonly entries = new Map<string, { trip: TripRecord; at: number }>();

  constructor(
    private readonly maxAgeMs = TRIP_SNAPSHOT_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The trip as read at most `maxAgeMs` ago, or undefined. */
  get(id: string): TripRecord | undefined {
    const e = this.entries.get(id);
    if (!e) return undefined;
    if (this.now() - e.at < this.maxAgeMs) return e.trip;
    this.entries.delete(id);
    return undefined;
  }

  put(trip: TripRecord): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(trip.id, { trip, at: this.now() });
  }

  drop(id: string): void {
    this.entries.delete(id);
  }

  /**
   * A seat claim through this process landed: the entry counts it at once instead of being
   * dropped (and re-read by the next booking on the trip, which during a rush is nearly every
   * booking). Its age is unchanged, so it still expires a second after the real read.
   */
  claimed(id: string, bookingId: string): void {
    const e = this.entries.get(id);
    if (!e || e.trip.seatHolders.includes(bookingId)) return;
    e.trip = {
      ...e.trip,
      bookedCount: e.trip.bookedCount + 1,
      seatHolders: [...e.trip.seatHolders, bookingId],
    };
  }

  /** A seat claim found the trip full: later requests go straight to the waitlist. */
  markFull(id: string): void {
    const e = this.entries.get(id);
    if (e) e.trip = { ...e.trip, bookedCount: Math.max(e.trip.bookedCount, e.trip.capacity) };
  }
}
