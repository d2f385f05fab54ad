import { Types } from 'mongoose';
import { bookingFields, person, publishedTrip, useJourneyApp } from './test/fixtures';

/**
 * The booking path's writes are batched per event-loop turn (seat claims, confirmations,
 * waitlist places). Calls started together below land in one batch, as concurrent requests do;
 * each must still get exactly the answer it would have got alone.
 */
const app = useJourneyApp();

const repos = () => ({
  trips: app.t.container.trips.repos.trips,
  bookings: app.t.container.bookings.repos.bookings,
});
const newId = () => new Types.ObjectId().toHexString();
/** A trip of the given capacity (seats × 50%). */
const tripOf = (capacity: number, plate: string) =>
  publishedTrip(app.t, app.transport, [app.entId], 20, { vehicle: { plate, seats: capacity * 2 } });

async function pendingBookings(tripId: string, n: number) {
  const trip = (await repos().trips.findById(tripId))!;
  const out = [];
  for (let i = 0; i < n; i += 1) {
    const w = await person(app.t);
    out.push((await repos().bookings.insertPending(bookingFields(trip, w.id, app.t.clock.now())))!);
  }
  return out;
}

describe('seat claims sent together', () => {
  it('when 7 bookings claim the 3 seats of a trip at once, then 3 are claimed and 4 told full, and the trip holds exactly those 3', async () => {
    const tripId = await tripOf(3, '贵A30001');
    const ids = Array.from({ length: 7 }, newId);
    const claims = await Promise.all(ids.map((id) => repos().trips.claimSeat(tripId, id, 3)));
    expect(claims.filter((c) => c === 'claimed')).toHaveLength(3);
    expect(claims.filter((c) => c === 'full')).toHaveLength(4);
    const trip = (await repos().trips.findById(tripId))!;
    expect(trip.bookedCount).toBe(3);
    expect(new Set(trip.seatHolders)).toEqual(new Set(ids.filter((_, i) => claims[i] === 'claimed')));
  });

  it('when one batch mixes a repeated claim, a claim on a cancelled trip and claims on an open trip, then each gets its own answer and nothing is counted twice', async () => {
    const open = await tripOf(5, '贵A30002');
    const gone = await tripOf(5, '贵A30003');
    expect(
      (await app.t.http.post(`/api/trips/${gone}/cancel`).set(app.transport.auth).send({ reason: '停运' }))
        .status,
    ).toBe(200);
    const [a, b, c] = [newId(), newId(), newId()];
    expect(await repos().trips.claimSeat(open, a, 5)).toBe('claimed');
    const claims = await Promise.all([
      repos().trips.claimSeat(open, a, 5), // already holds its seat
      repos().trips.claimSeat(open, b, 5),
      repos().trips.claimSeat(gone, c, 5),
      repos().trips.claimSeat(open, b, 5), // the same claim twice in one batch
    ]);
    expect(claims[0]).toMatch(/^(claimed|held)$/);
    expect(claims[1]).toBe('claimed');
    expect(claims[2]).toBe('gone');
    expect(claims[3]).toMatch(/^(claimed|held)$/);
    const trip = (await repos().trips.findById(open))!;
    expect(trip.bookedCount).toBe(2);
    expect(trip.seatHolders.sort()).toEqual([a, b].sort());
    expect((await repos().trips.findById(gone))!.bookedCount).toBe(0);
  });

  it('when the capacity known to the claim is out of date, then the claim is retried with the current one', async () => {
    const tripId = await tripOf(4, '贵A30004');
    expect(await repos().trips.claimSeat(tripId, newId(), 9)).toBe('claimed');
    expect((await repos().trips.findById(tripId))!.bookedCount).toBe(1);
  });
});

describe('confirmations sent together', () => {
  it('when a batch confirms bookings of which one was cancelled meanwhile, then the others are confirmed and that one stays cancelled', async () => {
    const tripId = await tripOf(5, '贵A30005');
    const [x, y, z] = await pendingBookings(tripId, 3);
    await repos().bookings.transition(
      y.id,
      ['pending'],
      'cancelled',
      { cancelReason: 'worker' },
      app.t.clock.now(),
    );
    const now = app.t.clock.now();
    const done = await Promise.all([x, y, z].map((b) => repos().bookings.confirmHeld(b, now)));
    expect(done.map((b) => b.status)).toEqual(['confirmed', 'cancelled', 'confirmed']);
    for (const b of [x, y, z])
      expect((await repos().bookings.findById(b.id))!.status).toBe(done.find((d) => d.id === b.id)!.status);
  });

  it('when every booking of a batch is confirmed, then each answer is exactly the stored booking', async () => {
    const tripId = await tripOf(5, '贵A30006');
    const pending = await pendingBookings(tripId, 3);
    const done = await Promise.all(pending.map((b) => repos().bookings.confirmHeld(b, app.t.clock.now())));
    for (const d of done) expect(d).toEqual(await repos().bookings.findById(d.id));
  });
});

describe('waitlist places asked together', () => {
  it('when places on two trips are asked in one turn, twice on the same trip, then each is 1 + the waitlisted bookings ahead of it on its own trip', async () => {
    const [t1, t2] = [await tripOf(3, '贵A30007'), await tripOf(3, '贵A30008')];
    const join = async (tripId: string) => {
      const [b] = await pendingBookings(tripId, 1);
      return (await repos().bookings.pendingToWaitlist(b.id, app.t.clock.now()))!;
    };
    const first = [await join(t1), await join(t1), await join(t1)];
    const second = [await join(t2), await join(t2)];
    // One of them leaves the queue: the places behind it move up.
    await repos().bookings.transition(first[0].id, ['waitlisted'], 'cancelled', {}, app.t.clock.now());
    const places = await Promise.all(
      [first[1], first[2], second[0], second[1]].map((b) =>
        repos().bookings.waitlistPosition(b.tripId, b.waitSeq!),
      ),
    );
    expect(places).toEqual([1, 2, 1, 2]);
  });
});
