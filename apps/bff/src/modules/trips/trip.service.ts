import { tripSchema, type Trip, type TripStatus } from '@fugong/contracts';
import type { z } from 'zod';
import type { tripChangeSchema, tripInputSchema, tripSearchSchema } from '@fugong/contracts';
import { arrivalOpen, bookingOpen, CHINA_TIME_ZONE, chinaDay, seatCapacity } from '@fugong/domain';
import { hasRole, type Actor } from '../../auth/actor';
import type { Clock } from '../../clock';
import { NO_LISTENERS, type RecordEventPublisher } from '../../events';
import { DomainError, notFound } from '../../errors';
import { assertStorable } from '../../http/storable';
import type { EnterpriseLookup } from '../profile';
import type { TripBookings, TripSeats } from './trip-bookings';
import type { TripRecord, TripRepository } from './trip.repository';
import type { TripNoticeService } from './trip-notices';

/** Trips are published for the coming year at most: a later departure is a typo. */
const MAX_DAYS_AHEAD = 366;
const DAY_MS = 24 * 60 * 60 * 1000;

const fmt = (d: Date) =>
  d.toLocaleString('zh-CN', {
    timeZone: CHINA_TIME_ZONE,
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

/** Charter trips (包车): transport officers create, publish, change and cancel; everyone searches. */
export class TripService {
  constructor(
    private readonly trips: TripRepository,
    private readonly bookings: TripBookings,
    private readonly enterprises: EnterpriseLookup,
    private readonly seats: TripSeats,
    private readonly notices: TripNoticeService,
    private readonly clock: Clock,
    /** Trip writes are announced (the dashboard's transport figures). */
    private readonly events: RecordEventPublisher = NO_LISTENERS,
  ) {}

  async create(actor: Actor, input: z.output<typeof tripInputSchema>): Promise<Trip> {
    const departureAt = new Date(input.departureAt);
    this.assertFuture(departureAt);
    const ids = input.destinations.map((d) => d.enterpriseId);
    const found = new Map((await this.enterprises.listByIds(ids)).map((e) => [e.id, e.name]));
    const missing = ids.findIndex((id) => !found.has(id));
    if (missing >= 0)
      throw new DomainError('NOT_FOUND', '目的企业不存在', [
        { path: `destinations.${missing}.enterpriseId`, message: '企业不存在', code: 'not_found' },
      ]);
    const fields = {
      status: 'draft' as const,
      originRegionCode: input.originRegionCode,
      originName: input.originName,
      pickupPoints: input.pickupPoints,
      destinations: input.destinations.map((d) => ({ ...d, enterpriseName: found.get(d.enterpriseId)! })),
      departureAt,
      travelDay: chinaDay(departureAt),
      vehicle: input.vehicle,
      driver: input.driver,
      occupancyCapPct: input.occupancyCapPct,
      capacity: seatCapacity(input.vehicle.seats, input.occupancyCapPct),
      createdBy: actor.id,
    };
    this.assertReadable({ ...fields, id: '0'.repeat(24) });
    const trip = await this.trips.create(fields);
    await this.changed(trip.id);
    return this.view(trip);
  }

  async search(actor: Actor, q: z.output<typeof tripSearchSchema>) {
    const manager = hasRole(actor, 'transport', 'admin');
    // Workers and liaisons only ever see published trips from today on.
    const statuses: TripStatus[] = manager
      ? q.status
        ? [q.status]
        : ['draft', 'published', 'cancelled']
      : ['published'];
    const { items, total } = await this.trips.search(
      {
        statuses,
        origin: q.origin,
        enterpriseId: q.enterpriseId,
        day: q.day,
        fromDay: manager ? undefined : chinaDay(this.clock.now()),
      },
      q.page,
      q.pageSize,
    );
    const waits = await this.bookings.waitlistCounts(items.map((t) => t.id));
    return {
      items: items.map((t) => this.view(t, waits.get(t.id) ?? 0)),
      total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }

  async get(actor: Actor, id: string): Promise<Trip> {
    const trip = await this.trips.findById(id);
    if (!trip || (trip.status === 'draft' && !hasRole(actor, 'transport', 'admin'))) throw notFound('该班次');
    return this.view(trip, (await this.bookings.waitlistCounts([id])).get(id) ?? 0);
  }

  async publish(id: string): Promise<Trip> {
    const trip = await this.mustFind(id);
    if (trip.status === 'published') return this.view(trip);
    if (!bookingOpen(trip.departureAt, this.clock.now()))
      throw new DomainError('BOOKING_CLOSED', '发车时间已临近或已过，不能发布');
    const done = await this.trips.updateIf(id, ['draft'], { status: 'published' });
    if (!done) throw new DomainError('INVALID_TRANSITION', '只有草稿班次可以发布');
    await this.changed(id);
    return this.view(done);
  }

  async change(id: string, c: z.output<typeof tripChangeSchema>): Promise<Trip> {
    const trip = await this.mustFind(id);
    if (trip.status === 'cancelled') throw new DomainError('INVALID_TRANSITION', '班次已取消，不能修改');
    const set: Record<string, unknown> = {};
    const guard: Record<string, unknown> = {};
    let notice: { kind: 'time_changed'; at: Date; text: string } | undefined;
    if (c.departureAt) {
      const at = new Date(c.departureAt);
      this.assertFuture(at);
      // Moving a published trip to another day would silently break "one live booking per day".
      if (trip.status === 'published' && chinaDay(at) !== trip.travelDay) {
        throw new DomainError('BUSINESS_RULE', '已发布班次只能在当天内调整时间；跨日请取消后重新发布');
      }
      // A coach past its departure time has left: moving it then would reopen 确认到达's gate
      // for those aboard and tell them of a departure they are already on.
      if (arrivalOpen(trip.departureAt, this.clock.now()))
        throw new DomainError('BUSINESS_RULE', '班次已过发车时间，不能再改时间');
      set.departureAt = at;
      set.travelDay = chinaDay(at);
      // The same rule in the filter: the time read is still the trip's and still ahead.
      guard.departureAt = { $eq: trip.departureAt, $gt: this.clock.now() };
      if (trip.status === 'published' && at.getTime() !== trip.departureAt.getTime()) {
        notice = {
          kind: 'time_changed',
          at: this.clock.now(),
          text: `${trip.originName} 班车发车时间由 ${fmt(trip.departureAt)} 改为 ${fmt(at)}`,
        };
      }
    }
    if (c.pickupPoints) set.pickupPoints = c.pickupPoints;
    this.assertReadable({ ...trip, ...set } as TripRecord);
    if (c.driver) set.driver = c.driver;
    if (c.vehicle || c.occupancyCapPct) {
      const vehicle = c.vehicle ?? trip.vehicle;
      const cap = c.occupancyCapPct ?? trip.occupancyCapPct;
      const capacity = seatCapacity(vehicle.seats, cap);
      Object.assign(set, { vehicle, occupancyCapPct: cap, capacity });
      // Shrinking below the seats already sold is refused atomically, not after a read.
      guard.bookedCount = { $lte: capacity };
    }
    const done = await this.trips.updateIf(id, ['draft', 'published'], set, guard, notice);
    if (!done) {
      const now = await this.mustFind(id);
      if (set.capacity !== undefined && now.bookedCount > (set.capacity as number)) {
        throw new DomainError(
          'BUSINESS_RULE',
          `已订 ${now.bookedCount} 座，新车辆按客座率只能载 ${set.capacity as number} 人`,
        );
      }
      throw new DomainError('CONFLICT', '班次刚被他人修改，请刷新后重试');
    }
    await this.changed(id);
    if (notice) await this.notices.process(id);
    if ((done.capacity ?? 0) > trip.capacity) await this.seats.promote(id);
    return this.view((await this.trips.findById(id)) ?? done);
  }

  async cancel(id: string, reason: string): Promise<Trip> {
    const trip = await this.mustFind(id);
    if (trip.status === 'cancelled') return this.view(trip);
    const done = await this.trips.updateIf(
      id,
      ['draft', 'published'],
      { status: 'cancelled', cancelReason: reason },
      {},
      {
        kind: 'cancelled',
        at: this.clock.now(),
        text: `${trip.originName} ${fmt(trip.departureAt)} 班车已取消：${reason}`,
      },
    );
    if (!done) throw new DomainError('CONFLICT', '班次刚被他人修改，请刷新后重试');
    await this.changed(id);
    await this.notices.process(id);
    return this.view(done);
  }

  private changed(tripId: string): Promise<void> {
    return this.events.publish({ type: 'trip.changed', tripId });
  }

  /** A departure is from now to a year ahead (the bound moves with the clock, so it lives here). */
  private assertFuture(at: Date): void {
    const now = this.clock.now();
    if (at <= now) {
      throw new DomainError('VALIDATION_ERROR', '发车时间必须晚于现在', [
        { path: 'departureAt', message: '发车时间必须晚于现在', code: 'too_small' },
      ]);
    }
    if (at.getTime() > now.getTime() + MAX_DAYS_AHEAD * DAY_MS) {
      throw new DomainError('VALIDATION_ERROR', '发车时间最多只能安排在一年以内', [
        { path: 'departureAt', message: '发车时间最多只能安排在一年以内', code: 'too_big' },
      ]);
    }
  }

  /** The trip as it will be stored must read back through the trip schema (see assertStorable). */
  private assertReadable(
    t: Omit<
      TripRecord,
      'bookedCount' | 'seatHolders' | 'boardedCount' | 'notices' | 'noticesPending' | 'cancelReason'
    > &
      Partial<TripRecord>,
  ): void {
    assertStorable(
      tripSchema,
      this.view({
        bookedCount: 0,
        seatHolders: [],
        boardedCount: 0,
        notices: [],
        noticesPending: false,
        cancelReason: null,
        ...t,
      }),
    );
  }

  private async mustFind(id: string): Promise<TripRecord> {
    const trip = await this.trips.findById(id);
    if (!trip) throw notFound('该班次');
    return trip;
  }

  view(t: TripRecord, waitlistCount = 0): Trip {
    return {
      id: t.id,
      status: t.status,
      originRegionCode: t.originRegionCode,
      originName: t.originName,
      pickupPoints: t.pickupPoints,
      destinations: t.destinations,
      departureAt: t.departureAt.toISOString(),
      travelDay: t.travelDay,
      vehicle: t.vehicle,
      driver: t.driver,
      occupancyCapPct: t.occupancyCapPct,
      capacity: t.capacity,
      bookedCount: t.bookedCount,
      seatsLeft: Math.max(0, t.capacity - t.bookedCount),
      waitlistCount,
      boardedCount: t.boardedCount,
      bookingOpen: t.status === 'published' && bookingOpen(t.departureAt, this.clock.now()),
      cancelReason: t.cancelReason,
    };
  }
}
