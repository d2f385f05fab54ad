import type { mongo } from 'mongoose';
import { chinaDay, seatCapacity } from '@fugong/domain';
import type { RunningServer } from '../src/server';

/**
 * Creates `count` published trips two days ahead, 45 seats at the default 50% cap (22 seats
 * each), all to one enterprise; returns their ids in order.
 */
export async function seedTrips(c: RunningServer['container'], count: number, now: Date): Promise<string[]> {
  const ent = await c.repos.enterprises.create({
    name: '压测企业',
    creditCode: `91330281BENCH${Date.now() % 100000}`,
    industry: '制造业',
    size: 'above',
    regionCode: '330281',
    address: '余姚',
    headcount: 50_000,
  });
  const departureAt = new Date(now.getTime() + 48 * 3600_000);
  const tripIds: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const t = await c.trips.repos.trips.create({
      status: 'published',
      originRegionCode: '520102',
      originName: `贵阳 ${i + 1} 号车`,
      pickupPoints: [{ name: '贵阳北站' }],
      destinations: [{ enterpriseId: ent.id, enterpriseName: ent.name, dropPoint: '东门' }],
      departureAt,
      travelDay: chinaDay(departureAt),
      vehicle: { plate: '贵A12345', seats: 45 },
      driver: { name: '刘师傅' },
      occupancyCapPct: 50,
      capacity: seatCapacity(45, 50),
      createdBy: 'bench',
    });
    tripIds.push(t.id);
  }
  return tripIds;
}

/** What a booking rush must leave behind, read back from the database. */
export interface BookingInvariants {
  ok: boolean;
  oversoldTrips: number;
  doubleBookings: number;
  missing2xxBookings: number;
  retriesWithDifferentBooking: number;
  confirmed: number;
  waitlisted: number;
  seatsOffered: number;
}

/**
 * Checks a booking rush against the database: no trip oversold (`bookedCount ≤ capacity`,
 * confirmed bookings ≤ capacity, `seatHolders.length = bookedCount`), no worker with two live
 * bookings on a day, every 2xx booking id stored, every duplicate answered with the same id.
 * Totals count the `benchTripIds` only (warm-up trips are checked for the invariants alone).
 */
export async function checkBookings(
  db: mongo.Db,
  benchTripIds: string[],
  answered: { worker: number; bookingId: string | null }[],
): Promise<BookingInvariants> {
  const live = await db.collection('bookings').find({ live: true }).toArray();
  const perWorkerDay = new Map<string, number>();
  for (const b of live)
    perWorkerDay.set(
      `${b.workerId}:${b.travelDay}`,
      (perWorkerDay.get(`${b.workerId}:${b.travelDay}`) ?? 0) + 1,
    );
  const tripsNow = await db.collection('trips').find({}).toArray();
  const confirmedByTrip = new Map<string, number>();
  for (const b of live)
    if (b.status === 'confirmed')
      confirmedByTrip.set(String(b.tripId), (confirmedByTrip.get(String(b.tripId)) ?? 0) + 1);
  const oversold = tripsNow.filter(
    (t) =>
      t.bookedCount > t.capacity ||
      (confirmedByTrip.get(String(t._id)) ?? 0) > t.capacity ||
      t.seatHolders.length !== t.bookedCount,
  ).length;
  const doubleBookings = [...perWorkerDay.values()].filter((n) => n > 1).length;
  const ids = new Set(live.map((b) => String(b._id)));
  const answeredIdsByWorker = new Map<number, Set<string>>();
  for (const a of answered)
    answeredIdsByWorker.set(a.worker, (answeredIdsByWorker.get(a.worker) ?? new Set()).add(a.bookingId!));
  const missing = answered.filter((a) => !ids.has(a.bookingId!)).length;
  const retryMismatch = [...answeredIdsByWorker.values()].filter((s) => s.size > 1).length;
  const benchTrips = new Set(benchTripIds);
  const ofBench = live.filter((b) => benchTrips.has(String(b.tripId)));
  return {
    ok: oversold === 0 && doubleBookings === 0 && missing === 0 && retryMismatch === 0,
    oversoldTrips: oversold,
    doubleBookings,
    missing2xxBookings: missing,
    retriesWithDifferentBooking: retryMismatch,
    confirmed: ofBench.filter((b) => b.status === 'confirmed').length,
    waitlisted: ofBench.filter((b) => b.status === 'waitlisted').length,
    seatsOffered: tripsNow.filter((t) => benchTrips.has(String(t._id))).reduce((s, t) => s + t.capacity, 0),
  };
}
