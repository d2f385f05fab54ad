import { Types } from 'mongoose';
import { chinaDay } from '@fugong/domain';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { bookingFields, enterprise, person, publishedTrip, GREEN_CHECKIN } from './test/fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** Workers created directly (the OTP flow would make this test minutes long), with green check-ins. */
async function greenWorkers(n: number, prefix: string) {
  const out: { id: string; auth: { Authorization: string } }[] = [];
  const day = chinaDay(t.clock.now());
  for (let i = 0; i < n; i += 1) {
    const phone = `${prefix}${String(i).padStart(4, '0')}`;
    const u = await t.container.repos.users.findOrCreateByPhone(
      t.container.pii.lookupHash(phone),
      t.container.pii.encrypt(phone),
    );
    await t.container.healthCheckins.repos.checkins.upsertForDay(u.id, day, t.clock.now(), {
      ...GREEN_CHECKIN,
      symptoms: [],
      places: [],
    } as never);
    const { token } = t.container.tokens.issueAccess({
      id: u.id,
      roles: ['worker'],
      enterpriseId: null,
      departmentId: null,
    });
    out.push({ id: u.id, auth: { Authorization: `Bearer ${token}` } });
  }
  return out;
}

describe('a booking rush on the last seats', () => {
  it('when 300 workers (30 of them retrying) race for the last 3 seats, then exactly capacity seats are sold, one per worker, and every retry gets the same booking', async () => {
    const transport = await person(t, ['transport']);
    const ent = await enterprise(t);
    const tripId = await publishedTrip(t, transport, [ent], 20, {
      vehicle: { plate: '贵A77777', seats: 20 },
    }); // capacity 10
    const early = await greenWorkers(7, '1370000');
    for (const w of early)
      expect((await t.http.post('/api/bookings').set(w.auth).send({ tripId })).body.status).toBe('confirmed');

    const rush = await greenWorkers(300, '1371000');
    const send = (w: (typeof rush)[number], key: string) =>
      t.http.post('/api/bookings').set(w.auth).set('Idempotency-Key', key).send({ tripId });
    // A retry that meets its first attempt still in flight waits for it when both are in this
    // process, and is told to retry (409 in progress) when the first runs on another instance,
    // exactly like a phone would be; either way it then gets the stored answer.
    const untilDone = async (w: (typeof rush)[number], key: string) => {
      for (let i = 0; i < 50; i += 1) {
        const res = await send(w, key);
        if (res.status !== 409 || res.body.error.code !== 'IDEMPOTENCY_IN_PROGRESS') return res;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error('retry never completed');
    };
    const calls = rush.flatMap((w, i) => {
      const key = `rush-${i}-abcdef`;
      return i % 10 === 0 ? [untilDone(w, key), untilDone(w, key)] : [untilDone(w, key)];
    });
    const answers = await Promise.all(calls);

    for (const a of answers) expect(a.status).toBe(201);
    const byWorker = new Map<string, Set<string>>();
    for (const a of answers)
      byWorker.set(a.body.workerId, (byWorker.get(a.body.workerId) ?? new Set()).add(a.body.id));
    for (const ids of byWorker.values()) expect(ids.size).toBe(1);

    const docs = await t.connection
      .db!.collection('bookings')
      .find({ tripId: new Types.ObjectId(tripId), live: true })
      .toArray();
    const confirmed = docs.filter((d) => d.status === 'confirmed');
    expect(confirmed).toHaveLength(10);
    expect(docs.filter((d) => d.status === 'waitlisted')).toHaveLength(297);
    expect(new Set(docs.map((d) => String(d.workerId))).size).toBe(docs.length);
    const trip = await t.container.trips.repos.trips.findById(tripId);
    expect(trip!.bookedCount).toBe(10);
    expect(new Set(trip!.seatHolders)).toEqual(new Set(confirmed.map((d) => String(d._id))));
  }, 120_000);
});

describe('joining the waitlist of a trip seen full', () => {
  it('when a seat is freed after the trip was read full but before the waitlisted booking lands, then that booking is promoted at once', async () => {
    const transport = await person(t, ['transport']);
    const ent = await enterprise(t);
    const tripId = await publishedTrip(t, transport, [ent], 20, { vehicle: { plate: '贵A66666', seats: 5 } }); // capacity 2
    const [other, holder, late] = await greenWorkers(3, '1372000');
    expect((await t.http.post('/api/bookings').set(other.auth).send({ tripId })).body.status).toBe(
      'confirmed',
    );
    const held = await t.http.post('/api/bookings').set(holder.auth).send({ tripId });
    expect(held.body.status).toBe('confirmed');
    const repos = { trips: t.container.trips.repos.trips, bookings: t.container.bookings.repos.bookings };
    const services = { seats: t.container.bookings.services.seats };
    // The late worker's request read the trip full; then the holder cancels (its promote finds
    // nobody waitlisted yet); only then does the waitlisted insert land.
    expect((await t.http.post(`/api/bookings/${held.body.id}/cancel`).set(holder.auth)).body.status).toBe(
      'cancelled',
    );
    const trip = (await repos.trips.findById(tripId))!;
    const waiting = await repos.bookings.insertWaitlisted(bookingFields(trip, late.id, t.clock.now()));
    expect(waiting?.status).toBe('waitlisted');
    const settled = await services.seats.joinedWaitlist(waiting!);
    expect(settled.status).toBe('confirmed');
    const after = (await repos.trips.findById(tripId))!;
    expect(after.seatHolders).toHaveLength(2);
    expect(after.seatHolders).toContain(settled.id);
  });
});
