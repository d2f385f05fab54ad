import type { Booking } from '@fugong/contracts';
import { arrivalOpen, bookingOpen, cancellationOpen, type PassResult } from '@fugong/domain';
import type { Actor } from '../../auth/actor';
import type { Clock } from '../../clock';
import { DomainError, notFound } from '../../errors';
import type { PassService } from '../health-checkins';
import type { ProfileRepository } from '../profile';
import type { TripRecord, TripRepository } from '../trips';
import type { BookingRecord, BookingRepository } from './booking.repository';
import type { SeatAllocator } from './seat-allocator';
import { toBookingView } from './booking.view';

type By = { kind: 'self' | 'liaison'; actorId: string };
/** A booking placed or found, and whether it answers a retry of an earlier request. */
type Placed = { booking: BookingRecord; replayed: boolean };

/** Seat booking for workers and, on charter trips to their enterprise, for liaisons. */
export class BookingService {
  constructor(
    private readonly bookings: BookingRepository,
    private readonly trips: TripRepository,
    private readonly seats: SeatAllocator,
    private readonly passes: PassService,
    private readonly people: ProfileRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * A worker books a seat for themselves (waitlisted when the trip is full). With a key, the
   * booking's id is derived from it: a retry finds the first attempt instead of booking again.
   */
  async book(
    actor: Actor,
    tripId: string,
    pickupIndex: number,
    key?: string,
  ): Promise<{ booking: Booking; replayed: boolean }> {
    // The two reads are independent: one round trip of latency instead of two. The trip may be
    // a snapshot up to a second old: every seat decision below is a guarded write.
    const [trip, pass] = await Promise.all([
      this.bookableTrip(tripId, pickupIndex, true),
      this.passes.passFor(actor.id),
    ]);
    const by: By = { kind: 'self', actorId: actor.id };
    const placed = await this.bookFor(actor.id, trip, pickupIndex, by, pass, key);
    if (placed.booking.status === 'cancelled' && placed.booking.cancelReason === 'trip_cancelled') {
      // Cancelled between our read and our seat claim (possibly through another instance); a
      // retry of such a request gets the same answer.
      throw new DomainError('BOOKING_CLOSED', '该班次已取消');
    }
    return { booking: await this.view(placed.booking, trip), replayed: placed.replayed };
  }

  /** A liaison books seats for named staff of their own enterprise, one result per person. */
  async bookStaff(actor: Actor, tripId: string, staffIds: string[], pickupIndex: number) {
    if (!actor.enterpriseId) throw new DomainError('FORBIDDEN', '您的账号未绑定企业');
    const trip = await this.bookableTrip(tripId, pickupIndex);
    if (!trip.destinations.some((d) => d.enterpriseId === actor.enterpriseId)) {
      throw new DomainError('FORBIDDEN', '该班次不开往本企业，不能为员工订座');
    }
    const people = await this.people.findMany(staffIds);
    const results = [];
    for (const workerId of staffIds) {
      const person = people.get(workerId);
      if (!person || person.enterpriseId !== actor.enterpriseId) {
        results.push({ workerId, booking: null, error: { code: 'FORBIDDEN', message: '不是本企业员工' } });
        continue;
      }
      try {
        const { booking } = await this.bookFor(workerId, trip, pickupIndex, {
          kind: 'liaison',
          actorId: actor.id,
        });
        results.push({ workerId, booking: await this.view(booking, trip), error: null });
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        results.push({ workerId, booking: null, error: { code: err.code, message: err.message } });
      }
    }
    return { results };
  }

  /**
   * 确认到达: the worker says they reached the factory, once the marshal has boarded them and the
   * coach has left (its departure time has passed: boarding opens hours before, at the pickup
   * point). Departure is read from the trip; it is safe to act on a read because a trip past its
   * departure time never moves it again. The write itself is guarded on the booking (boarded,
   * not yet arrived), so a second tap or a retry changes nothing.
   */
  async arrive(actor: Actor, bookingId: string): Promise<Booking> {
    const b = await this.bookings.findById(bookingId);
    // Someone else's booking looks exactly like a missing one: ids reveal nothing.
    if (!b || b.workerId !== actor.id) throw notFound('该预订');
    const trip = await this.trips.findById(b.tripId);
    if (b.arrivedAt) return this.view(b, trip);
    if (b.status !== 'boarded') throw new DomainError('INVALID_TRANSITION', '上车后才能确认到达');
    const now = this.clock.now();
    if (!trip || !arrivalOpen(trip.departureAt, now))
      throw new DomainError('INVALID_TRANSITION', '班车发车后才能确认到达');
    const done = await this.bookings.recordArrival(bookingId, actor.id, now);
    if (done) return this.view(done, trip);
    // Another tap of the same worker landed first: answer with the time it recorded.
    const cur = await this.bookings.findById(bookingId);
    if (cur?.arrivedAt) return this.view(cur, trip);
    throw new DomainError('INVALID_TRANSITION', '上车后才能确认到达');
  }

  async cancel(actor: Actor, bookingId: string): Promise<Booking> {
    const b = await this.bookings.findById(bookingId);
    // Someone else's booking looks exactly like a missing one: ids reveal nothing.
    if (!b || b.workerId !== actor.id) throw notFound('该预订');
    const trip = await this.trips.findById(b.tripId);
    if (b.status === 'cancelled') return this.view(b, trip);
    if (b.status === 'boarded' || b.status === 'released') {
      throw new DomainError(
        'INVALID_TRANSITION',
        b.status === 'boarded' ? '已上车，不能取消' : '座位已被释放，无需取消',
      );
    }
    // Leaving a waitlist harms nobody; giving up a seat late would leave it empty.
    if (b.status !== 'waitlisted' && trip && !cancellationOpen(trip.departureAt, this.clock.now())) {
      throw new DomainError('BOOKING_CLOSED', '发车前 2 小时内不能在线取消，请联系带车人员');
    }
    const now = this.clock.now();
    const done = await this.bookings.transition(
      b.id,
      ['pending', 'confirmed', 'waitlisted'],
      'cancelled',
      { cancelReason: 'worker', cancelledAt: now },
      now,
    );
    if (!done) return this.lostCancel(b, trip);
    // Only the cancel whose status change applied gives the seat back and fills it: a cancel
    // that lost to the marshal's boarding must not free the boarded passenger's seat.
    await this.seats.releaseAndPromote(b.tripId, b.id);
    return this.view(done, trip);
  }

  /**
   * The booking left the cancellable states between our read and our write: cancelled by a
   * twin request or the trip (the same answer as a retry), or boarded or released (refused).
   */
  private async lostCancel(b: BookingRecord, trip: TripRecord | null): Promise<Booking> {
    const now = (await this.bookings.findById(b.id)) ?? b;
    if (now.status === 'cancelled') return this.view(now, trip);
    throw new DomainError(
      'INVALID_TRANSITION',
      now.status === 'boarded' ? '已上车，不能取消' : '座位已被释放，无需取消',
      { status: now.status },
    );
  }

  async mine(actor: Actor): Promise<{ items: Booking[] }> {
    const list = await this.bookings.listForWorker(actor.id);
    const trips = new Map<string, TripRecord | null>();
    for (const id of new Set(list.map((b) => b.tripId))) trips.set(id, await this.trips.findById(id));
    return { items: await Promise.all(list.map((b) => this.view(b, trips.get(b.tripId) ?? null))) };
  }

  private async bookableTrip(tripId: string, pickupIndex: number, snapshot = false): Promise<TripRecord> {
    const trip = await (snapshot ? this.trips.snapshot(tripId) : this.trips.findById(tripId));
    if (!trip || trip.status === 'draft') throw notFound('该班次');
    if (trip.status === 'cancelled') throw new DomainError('BOOKING_CLOSED', '该班次已取消');
    if (!bookingOpen(trip.departureAt, this.clock.now()))
      throw new DomainError('BOOKING_CLOSED', '该班次已停止预订（发车前 30 分钟截止）');
    if (pickupIndex >= trip.pickupPoints.length) {
      throw new DomainError('VALIDATION_ERROR', '上车点不存在', [
        { path: 'pickupIndex', message: '上车点不存在', code: 'too_big' },
      ]);
    }
    return trip;
  }

  /**
   * Places (or finds) the worker's booking on a trip. Idempotent by itself, not only through
   * the Idempotency-Key: a second request for the same trip returns the live booking it has.
   * The happy path is insert-first (no "does one exist?" query): the unique indexes answer that.
   */
  private async bookFor(
    workerId: string,
    trip: TripRecord,
    pickupIndex: number,
    by: By,
    knownPass?: PassResult,
    key?: string,
  ): Promise<Placed> {
    const keyId = key ? this.bookings.idForKey(workerId, key) : undefined;
    const pickupPoint = trip.pickupPoints[pickupIndex].name;
    const pass = knownPass ?? (await this.passes.passFor(workerId));
    if (pass.color !== 'green') {
      // A retry of a booking made while still green gets that booking, not a refusal.
      const first = keyId ? await this.bookings.findById(keyId) : null;
      if (first) return this.replay(first, trip.id, pickupPoint);
      const existing = await this.bookings.findLiveOnTrip(workerId, trip.id);
      if (existing) return { booking: await this.seats.settle(existing, trip), replayed: false };
      throw new DomainError(
        'PASS_NOT_GREEN',
        `通行码为${pass.color === 'red' ? '红' : '黄'}码，暂不能订座：${pass.reasons.map((r) => r.message).join('；')}`,
        { color: pass.color, reasons: pass.reasons },
      );
    }
    const fields = {
      id: keyId,
      tripId: trip.id,
      workerId,
      travelDay: trip.travelDay,
      pickupPoint,
      bookedBy: by.kind,
      bookedById: by.actorId,
      now: this.clock.now(),
    };
    if (trip.bookedCount >= trip.capacity) {
      // Full when read moments ago: the booking goes in already waitlisted (see SeatAllocator:
      // one write instead of insert + status change).
      const waiting = await this.bookings.insertWaitlisted(fields);
      if (waiting) return { booking: await this.seats.joinedWaitlist(waiting), replayed: false };
    } else {
      const inserted = await this.bookings.insertPending(fields);
      if (inserted) return { booking: await this.seats.settle(inserted, trip), replayed: false };
    }
    // A unique index refused the insert: the key's id (a retry of this request, maybe still
    // running elsewhere) or "one live booking per day" (the same trip is the same booking;
    // another trip is a real conflict).
    const first = keyId ? await this.bookings.findById(keyId) : null;
    if (first) return this.replay(first, trip.id, pickupPoint);
    const live = await this.bookings.findLive(workerId, trip.travelDay);
    if (live && live.tripId === trip.id)
      return { booking: await this.seats.settle(live, trip), replayed: false };
    throw new DomainError(
      'ALREADY_BOOKED',
      `${trip.travelDay} 已有其他班次的预订，请先取消后再订`,
      live ? { bookingId: live.id, tripId: live.tripId } : undefined,
    );
  }

  /**
   * The booking an earlier attempt with the same key made. Finished with a fresh read of the
   * trip (the attempt may hold a seat our snapshot does not show yet).
   */
  private async replay(first: BookingRecord, tripId: string, pickupPoint: string): Promise<Placed> {
    if (first.tripId !== tripId || first.pickupPoint !== pickupPoint)
      throw new DomainError('IDEMPOTENCY_MISMATCH');
    if (first.status !== 'pending') return { booking: first, replayed: true };
    const trip = await this.trips.findById(tripId);
    return { booking: trip ? await this.seats.settle(first, trip) : first, replayed: true };
  }

  async view(b: BookingRecord, trip: TripRecord | null): Promise<Booking> {
    const pos =
      b.status === 'waitlisted' && b.waitSeq !== null
        ? await this.bookings.waitlistPosition(b.tripId, b.waitSeq)
        : null;
    return toBookingView(b, trip, pos);
  }
}
