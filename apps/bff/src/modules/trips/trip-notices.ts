import { SHARED_PAGES } from '@fugong/contracts';
import type { Clock } from '../../clock';
import type { OutboxMessage, OutboxRepository } from '../notifications';
import type { TripRepository } from './trip.repository';
import type { TripBookings } from './trip-bookings';

/**
 * Turns a trip's recorded notices into one outbox message per booked worker. The notice was
 * written atomically with the change; this fan-out is idempotent (deterministic message ids),
 * so it runs right after the change and again from the sweep if the process died in between.
 */
export class TripNoticeService {
  constructor(
    private readonly trips: TripRepository,
    private readonly bookings: TripBookings,
    private readonly outbox: OutboxRepository,
    private readonly clock: Clock,
  ) {}

  async process(tripId: string): Promise<void> {
    const trip = await this.trips.findById(tripId);
    if (!trip || !trip.noticesPending) return;
    const now = this.clock.now();
    if (trip.status === 'cancelled') await this.bookings.cancelAllForTrip(tripId, now);
    const booked = (
      await this.bookings.listByTrip(tripId, ['pending', 'confirmed', 'waitlisted', 'boarded', 'cancelled'])
    ).filter((b) => b.status !== 'cancelled' || b.cancelReason === 'trip_cancelled');
    const messages: OutboxMessage[] = [];
    for (const n of trip.notices) {
      for (const b of booked) {
        // Who booked after the change already saw the new details when booking.
        if (b.createdAt > n.at) continue;
        messages.push({
          id: `trip:${tripId}:${n.seq}:${b.workerId}`,
          workerId: b.workerId,
          kind: n.kind === 'cancelled' ? 'trip_cancelled' : 'trip_time_changed',
          title: n.kind === 'cancelled' ? '班车已取消' : '班车时间变更',
          body: n.text,
          page: SHARED_PAGES.myBookings,
        });
      }
    }
    await this.outbox.addMany(messages, now);
    await this.trips.clearNotices(tripId, trip.notices.length);
  }

  /** Fans out every trip whose notices are still pending (the sweep's safety net). */
  async processPending(): Promise<void> {
    for (const t of await this.trips.withPendingNotices()) await this.process(t.id);
  }
}
