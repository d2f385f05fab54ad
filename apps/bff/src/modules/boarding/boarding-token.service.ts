import type { BoardingToken } from '@fugong/contracts';
import { boardingWindow } from '@fugong/domain';
import type { Actor } from '../../auth/actor';
import type { Clock } from '../../clock';
import { DomainError, notFound } from '../../errors';
import type { BookingRepository, SeatAllocator } from '../bookings';
import type { TripRepository } from '../trips';
import type { BoardingTokenSigner } from './boarding-token';

/**
 * Issues the offline boarding code to the worker's phone while it has signal. Each fetch makes
 * the asking phone the booking's one device (a guarded write on the booking), so a code copied
 * from an older phone stops working; the code itself is valid in the trip's boarding window.
 */
export class BoardingTokenService {
  constructor(
    private readonly trips: TripRepository,
    private readonly bookings: BookingRepository,
    private readonly seats: SeatAllocator,
    private readonly tokens: BoardingTokenSigner,
    private readonly clock: Clock,
  ) {}

  async issue(actor: Actor, bookingId: string, deviceId: string): Promise<BoardingToken> {
    let b = await this.bookings.findById(bookingId);
    // Someone else's booking is as unknown as a missing one.
    if (!b || b.workerId !== actor.id) throw notFound('该预订');
    const trip = await this.trips.findById(b.tripId);
    if (!trip || trip.status !== 'published') throw new DomainError('BUSINESS_RULE', '该班次未发布或已取消');
    const now = this.clock.now();
    const { opensAt, closesAt } = boardingWindow(trip.departureAt);
    if (now >= closesAt) throw new DomainError('BUSINESS_RULE', '本班次的上车时段已过');
    if (b.status === 'pending') b = await this.seats.settle(b, trip);
    if (b.status !== 'confirmed')
      throw new DomainError(
        'BUSINESS_RULE',
        b.status === 'waitlisted' ? '仍在候补，有座位后才有上车码' : '该预订没有座位，无法生成上车码',
      );
    if (!(await this.bookings.bindBoardingDevice(b.id, actor.id, deviceId)))
      throw new DomainError('CONFLICT', '预订状态刚刚变化，请刷新后重试');
    const token = this.tokens.sign({
      bookingId: b.id,
      tripId: trip.id,
      deviceId,
      validFrom: opensAt,
      validUntil: closesAt,
    });
    return {
      token,
      bookingId: b.id,
      tripId: trip.id,
      validFrom: opensAt.toISOString(),
      validUntil: closesAt.toISOString(),
      fetchedAt: now.toISOString(),
    };
  }
}
