import { SHARED_PAGES } from '@fugong/contracts';
import { addDays, boardingCutoff, chinaDay, HOUR_MS, TRIP_RULES, type PassResult } from '@fugong/domain';
import type { Clock } from '../../clock';
import type { PassService, PassChangeListener } from '../health-checkins';
import type { OutboxRepository, NotificationService } from '../notifications';
import type { TripRecord, TripRepository, TripNoticeService } from '../trips';
import type { BookingRecord, BookingRepository } from './booking.repository';
import type { SeatAllocator } from './seat-allocator';
import type { IsolationReport, SweepIsolation } from '../sweep-failures';

/** The sweep's job name: its lease, its failure counts and its metrics are kept under it. */
export const BOOKINGS_SWEEP = 'bookings.sweep';

/** A pending booking older than this was orphaned by a crash (placing one takes milliseconds). */
const PENDING_STALE_MS = 30_000;

export interface SweepReport {
  settled: number;
  /** Live bookings found on cancelled trips (a crash between joining and the re-read). */
  recancelled: number;
  flagged: number;
  released: number;
  sent: number;
  /** Records (bookings, trips) that threw, were quarantined, or were skipped as quarantined. */
  isolation: IsolationReport;
}

/**
 * The periodic work of the worker journey, one idempotent pass at a time: finish orphaned
 * bookings, flag bookings whose pass turned non-green, release their seats at the boarding
 * cut-off (and promote the waitlist), fan out trip notices and drain the outbox. The server
 * runs it on a timer; tests call `run()` after moving the manual clock.
 */
export class BookingSweeper implements PassChangeListener {
  constructor(
    private readonly bookings: BookingRepository,
    private readonly trips: TripRepository,
    private readonly seats: SeatAllocator,
    private readonly passes: PassService,
    private readonly outbox: OutboxRepository,
    private readonly notices: TripNoticeService,
    private readonly notifications: NotificationService,
    private readonly clock: Clock,
    private readonly isolation: SweepIsolation,
  ) {}

  /** After a check-in: (un)flag the worker's upcoming bookings at once, not at the next sweep. */
  async passChanged(workerId: string): Promise<void> {
    const now = this.clock.now();
    const upcoming = await this.bookings.upcomingLiveForWorker(workerId, addDays(chinaDay(now), -1));
    const active = upcoming.filter((b) => b.status !== 'boarded');
    if (active.length === 0) return;
    const pass = await this.passes.passFor(workerId, now);
    for (const b of active) await this.applyFlag(b, pass, now);
  }

  async run(): Promise<SweepReport> {
    const now = this.clock.now();
    // Each booking and trip is processed in isolation: one whose data makes the computation
    // throw (say a check-in with an impossible arrival date) is logged, counted and skipped,
    // and every other trip still gets its flags, releases, promotions and notices.
    const isolated = await this.isolation.begin(BOOKINGS_SWEEP);
    const report: SweepReport = {
      settled: 0,
      recancelled: 0,
      flagged: 0,
      released: 0,
      sent: 0,
      isolation: isolated.report,
    };
    for (const b of await this.bookings.stalePending(new Date(now.getTime() - PENDING_STALE_MS))) {
      await isolated.each(`booking:${b.id}`, async () => {
        const trip = await this.trips.findById(b.tripId);
        if (trip) {
          await this.seats.settle(b, trip);
          report.settled += 1;
        }
      });
    }
    // A booking that joined a waitlist as its trip was being cancelled is cancelled by its own
    // request's re-read (SeatAllocator.joinedWaitlist); if that request died first, here.
    for (const trip of await this.trips.cancelledDepartingAfter(now))
      await isolated.each(`trip:${trip.id}`, async () => {
        report.recancelled += await this.bookings.cancelAllForTrip(trip.id, now);
      });
    const soon = await this.trips.departingBetween(
      now,
      new Date(now.getTime() + TRIP_RULES.flagWindowHours * HOUR_MS),
    );
    for (const trip of soon) {
      await isolated.each(`trip:${trip.id}`, async () => {
        await this.seats.reconcile(trip);
        report.flagged += await this.flagTrip(trip.id, now);
        if (now >= boardingCutoff(trip.departureAt)) report.released += await this.releaseNonGreen(trip);
      });
    }
    await this.notices.processPending();
    report.sent = await this.notifications.drain();
    return report;
  }

  private async flagTrip(tripId: string, now: Date): Promise<number> {
    const live = await this.bookings.listByTrip(tripId, ['confirmed', 'waitlisted']);
    const passes = await this.passes.passesFor(
      live.map((b) => b.workerId),
      now,
    );
    let flagged = 0;
    for (const b of live) if (await this.applyFlag(b, passes.get(b.workerId)!, now)) flagged += 1;
    return flagged;
  }

  /** Sets or clears a booking's flag; returns true when it is (still) flagged. */
  private async applyFlag(b: BookingRecord, pass: PassResult, now: Date): Promise<boolean> {
    if (pass.color === 'green') {
      if (b.flag) await this.bookings.setFlag(b.id, null);
      return false;
    }
    const changed = !b.flag || b.flag.color !== pass.color;
    if (changed) {
      await this.bookings.setFlag(b.id, { color: pass.color, reasons: pass.reasons, at: now });
      await this.outbox.addMany(
        [
          {
            id: `flag:${b.id}:${pass.color}:${chinaDay(now)}`,
            workerId: b.workerId,
            kind: 'booking_flagged',
            title: '通行码异常提醒',
            body: '您的通行码不是绿码，请在发车前 30 分钟前恢复绿码，否则座位将被释放',
            page: SHARED_PAGES.pass,
          },
        ],
        now,
      );
    }
    return true;
  }

  /** At the cut-off: seats of confirmed passengers still not green go to the waitlist. */
  private async releaseNonGreen(trip: TripRecord): Promise<number> {
    let released = 0;
    // Each round can promote waitlisted workers who are themselves not green; the loop ends
    // because a released booking never comes back.
    for (let round = 0; round < 20; round += 1) {
      const now = this.clock.now();
      const confirmed = await this.bookings.listByTrip(trip.id, ['confirmed']);
      const passes = await this.passes.passesFor(
        confirmed.map((b) => b.workerId),
        now,
      );
      const losing = confirmed.filter((b) => passes.get(b.workerId)!.color !== 'green');
      if (losing.length === 0) break;
      for (const b of losing) {
        const done = await this.bookings.transition(
          b.id,
          ['confirmed'],
          'released',
          { cancelReason: 'pass_not_green', cancelledAt: now },
          now,
        );
        if (!done) continue;
        released += 1;
        await this.seats.release(trip.id, b.id);
        await this.outbox.addMany(
          [
            {
              id: `released:${b.id}`,
              workerId: b.workerId,
              kind: 'seat_released',
              title: '座位已释放',
              body: `发车前 30 分钟您的通行码仍不是绿码，${trip.originName} 班车座位已释放`,
              page: SHARED_PAGES.myBookings,
            },
          ],
          now,
        );
      }
      await this.seats.promote(trip.id);
    }
    return released;
  }
}
