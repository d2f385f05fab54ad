import { SHARED_PAGES } from '@fugong/contracts';
import type { Clock } from '../../clock';
import { NO_LISTENERS, type RecordEventPublisher } from '../../events';
import type { TripRecord, TripRepository } from '../trips';
import type { OutboxRepository } from '../notifications';
import type { BookingRecord, BookingRepository } from './booking.repository';

/**
 * Moves bookings between "pending", "confirmed" (holds a seat) and "waitlisted" without
 * transactions, so it runs the same on the embedded database and on a sharded cluster.
 *
 * The design, and why it survives crashes between its two writes:
 * - A booking is first inserted as `pending` + `live` (the partial unique index makes "one live
 *   booking per worker per day" atomic), then it claims a seat on the trip document with one
 *   guarded update that pushes its id into `seatHolders` and increments `bookedCount` together
 *   (guard: capacity unchanged, bookedCount < capacity, id not already a holder). So the trip
 *   can never be oversold, and claiming twice for the same booking is a no-op.
 * - Only then does the booking become `confirmed`. `seatHolders` is the truth about seats; the
 *   booking's status follows it. A crash after the claim leaves a pending booking that holds a
 *   seat; a crash before it leaves a pending booking without one. `settle` (run by the retry
 *   of the same request, and by the sweep for anything pending too long) finishes either case.
 * - Cancelling first sets the booking's status, then releases the seat with an update guarded
 *   by "id is a holder", so a seat is freed at most once; `reconcile` frees seats whose holder
 *   is no longer live (a crash between the two writes), then promotes the waitlist.
 * - The waitlist is ordered by the place each booking takes when it joins (a number from the
 *   clock, see WaitlistOrder); promotion claims a seat for the first in that order with the same
 *   guarded update, so two promoters racing cannot both seat someone into the last place.
 * - Shortcut when the trip was already full in the snapshot read for the request: the booking
 *   is inserted directly as `waitlisted` (same unique index, no `pending` step, no status change,
 *   no write on the trip). It never holds a seat, so nothing about seats changes. What the
 *   snapshot could not know is checked after joining, by `joinedWaitlist`: a seat freed
 *   meanwhile is taken, and a trip cancelled meanwhile takes the booking with it (a crash before
 *   that check is repaired by the sweep, which re-cancels the live bookings of cancelled trips).
 */
export class SeatAllocator {
  constructor(
    private readonly trips: TripRepository,
    private readonly bookings: BookingRepository,
    private readonly outbox: OutboxRepository,
    private readonly clock: Clock,
    /** Seat, waitlist and release moves are announced (the dashboard's transport figures). */
    private readonly events: RecordEventPublisher = NO_LISTENERS,
  ) {}

  /** Finishes a pending booking: confirmed if it gets (or already has) a seat, else waitlisted. */
  async settle(b: BookingRecord, trip: TripRecord): Promise<BookingRecord> {
    if (b.status !== 'pending') return b;
    // The trip snapshot was read moments ago: when it already shows this booking seated, or the
    // trip full, skip the write. A seat freed since is caught by the check after waitlisting.
    const claim = trip.seatHolders.includes(b.id)
      ? 'held'
      : trip.bookedCount >= trip.capacity
        ? 'full'
        : await this.claim(trip.id, b.id, trip.capacity);
    const now = this.clock.now();
    if (claim === 'claimed' || claim === 'held') return this.confirmClaimed(b, now);
    if (claim === 'gone') return this.tripGone(b, ['pending'], now);
    const waiting = await this.bookings.pendingToWaitlist(b.id, now);
    if (!waiting) {
      await this.promote(trip.id);
      return this.reread(b);
    }
    return this.joinedWaitlist(waiting);
  }

  /**
   * Confirms a booking that holds its seat. When it is no longer pending because it was
   * cancelled or released meanwhile, its canceller may have released before our claim landed:
   * the seat is handed back here (a no-op when the canceller's release came after the claim).
   */
  private async confirmClaimed(b: BookingRecord, now: Date): Promise<BookingRecord> {
    const after = await this.bookings.confirmHeld(b, now);
    if (after.status === 'cancelled' || after.status === 'released')
      await this.releaseAndPromote(after.tripId, after.id);
    return after;
  }

  /**
   * Called once a booking is on the waitlist (after its status change or its waitlisted insert).
   * A seat may have been freed between our "full" and now, and its releaser's promote may have
   * run before we were waitlisted: this re-read, made after we joined, sees that seat, and
   * promoting then means nobody waits behind an empty seat. (A free seat found later is filled
   * by the sweep's reconcile.) The same re-read finds a trip cancelled before we joined, whose
   * cancellation did not see us: the booking is cancelled with it.
   */
  async joinedWaitlist(b: BookingRecord): Promise<BookingRecord> {
    // The trip's figures count the bookings that ever joined its waitlist.
    await this.countersMoved(b.tripId);
    const after = await this.trips.findById(b.tripId);
    if (!after || after.status !== 'published') return this.tripGone(b, ['waitlisted'], this.clock.now());
    if (after.bookedCount < after.capacity) {
      await this.promote(b.tripId);
      return this.reread(b);
    }
    return b;
  }

  /** Seats waitlisted bookings, in ticket order, while the trip has free seats. */
  async promote(tripId: string): Promise<number> {
    let promoted = 0;
    for (let guard = 0; guard < 500; guard += 1) {
      const next = await this.bookings.firstWaitlisted(tripId);
      if (!next) break;
      const trip = await this.trips.findById(tripId);
      if (!trip) break;
      const claim = await this.claim(tripId, next.id, trip.capacity);
      if (claim === 'full' || claim === 'gone') break;
      const now = this.clock.now();
      const done = await this.bookings.transition(next.id, ['waitlisted'], 'confirmed', {}, now);
      if (!done) {
        // Cancelled while we seated it: hand the seat back (no-op if its canceller already did).
        const cur = await this.bookings.findById(next.id);
        if (!cur || !['confirmed', 'boarded', 'pending', 'waitlisted'].includes(cur.status))
          await this.release(tripId, next.id);
        continue;
      }
      promoted += 1;
      await this.outbox.addMany(
        [
          {
            id: `promoted:${next.id}`,
            workerId: next.workerId,
            kind: 'waitlist_promoted',
            title: '候补成功',
            body: `您候补的 ${trip.originName} 班车已有座位，请按时乘车`,
            page: SHARED_PAGES.myBookings,
          },
        ],
        now,
      );
    }
    return promoted;
  }

  /** Frees a cancelled/released booking's seat (if it holds one) and fills it from the waitlist. */
  async releaseAndPromote(tripId: string, bookingId: string): Promise<void> {
    await this.release(tripId, bookingId);
    await this.promote(tripId);
  }

  /**
   * Repairs what a crash between two writes can leave behind on one trip: seats held by
   * bookings that are no longer live, and bookings holding a seat whose status lags.
   */
  async reconcile(trip: TripRecord): Promise<void> {
    const holders = await this.bookings.listByIds(trip.seatHolders);
    const byId = new Map(holders.map((h) => [h.id, h]));
    const now = this.clock.now();
    for (const id of trip.seatHolders) {
      const b = byId.get(id);
      if (!b || b.status === 'cancelled' || b.status === 'released') await this.release(trip.id, id);
      else if (b.status === 'pending' || b.status === 'waitlisted')
        await this.bookings.transition(id, ['pending', 'waitlisted'], 'confirmed', {}, now);
    }
    await this.promote(trip.id);
  }

  /** The trip was cancelled under a pending or just-waitlisted booking: the booking goes with it. */
  private async tripGone(
    b: BookingRecord,
    from: ('pending' | 'waitlisted')[],
    now: Date,
  ): Promise<BookingRecord> {
    return (
      (await this.bookings.transition(
        b.id,
        from,
        'cancelled',
        { cancelReason: 'trip_cancelled', cancelledAt: now },
        now,
      )) ?? this.reread(b)
    );
  }

  private async reread(b: BookingRecord): Promise<BookingRecord> {
    return (await this.bookings.findById(b.id)) ?? b;
  }

  /** Claims a seat (see TripRepository.claimSeat) and announces the move when one was taken. */
  private async claim(tripId: string, bookingId: string, capacity: number) {
    const claim = await this.trips.claimSeat(tripId, bookingId, capacity);
    if (claim === 'claimed') await this.countersMoved(tripId);
    return claim;
  }

  /** Releases a held seat; announces it only when this call freed it. */
  async release(tripId: string, bookingId: string): Promise<boolean> {
    const released = await this.trips.releaseSeat(tripId, bookingId);
    if (released) await this.countersMoved(tripId);
    return released;
  }

  private countersMoved(tripId: string): Promise<void> {
    return this.events.publish({ type: 'trip.counters-moved', tripId });
  }
}
