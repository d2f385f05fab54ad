import type { Model } from 'mongoose';
import { TripRepository } from '../trips/trip.repository';
import type { TripDoc } from '../trips/trip.model';
import type { RollupHooks } from './rollup-hooks';

/**
 * The trip repository with the dashboard's transport rollup kept in step: every write that
 * changes what a trip counts (publish, edit, cancel, a seat claimed or released, a booking
 * joining the waitlist, a boarding) syncs the trip's contribution after it lands (counter moves within a
 * second, coalesced; see RollupService.syncTripSoon). A subclass rather than
 * edits to the worker journey's repository: all trip writes already pass through these
 * methods, and a sync only re-reads the trip, so it cannot disturb the seat guards.
 */
export class RolledUpTripRepository extends TripRepository {
  constructor(
    model: Model<TripDoc>,
    private readonly rollups: RollupHooks,
  ) {
    super(model);
  }

  override async create(...a: Parameters<TripRepository['create']>) {
    const trip = await super.create(...a);
    await this.rollups.syncTrip(trip.id);
    return trip;
  }

  override async updateIf(...a: Parameters<TripRepository['updateIf']>) {
    const trip = await super.updateIf(...a);
    if (trip) await this.rollups.syncTrip(trip.id);
    return trip;
  }

  // Counter moves (seats, tickets, boardings) come in bursts during a rush: their syncs are
  // scheduled and coalesced per trip instead of run inside each booking request.

  override async claimSeat(...a: Parameters<TripRepository['claimSeat']>) {
    const claim = await super.claimSeat(...a);
    if (claim === 'claimed') this.rollups.syncTripSoon(a[0]);
    return claim;
  }

  override async releaseSeat(...a: Parameters<TripRepository['releaseSeat']>) {
    const released = await super.releaseSeat(...a);
    if (released) this.rollups.syncTripSoon(a[0]);
    return released;
  }

  override async findAfterWaitlistJoin(...a: Parameters<TripRepository['findAfterWaitlistJoin']>) {
    // The trip's figures count the bookings that ever joined its waitlist.
    this.rollups.syncTripSoon(a[0]);
    return super.findAfterWaitlistJoin(...a);
  }

  override async nextSeatNo(...a: Parameters<TripRepository['nextSeatNo']>) {
    const seat = await super.nextSeatNo(...a);
    this.rollups.syncTripSoon(a[0]);
    return seat;
  }
}
