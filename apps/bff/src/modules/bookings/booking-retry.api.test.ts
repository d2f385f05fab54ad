import { Types } from 'mongoose';
import { book, greenWorker, publishedTrip, useJourneyApp } from './test/fixtures';

const app = useJourneyApp();

const bookingsOf = (workerId: string) =>
  app.t.connection
    .db!.collection('bookings')
    .find({ workerId: new Types.ObjectId(workerId) })
    .toArray();

/** Another BFF instance changing a trip: straight in the database, past this process's snapshot. */
const cancelElsewhere = (tripId: string) =>
  app.t.connection
    .db!.collection('trips')
    .updateOne({ _id: new Types.ObjectId(tripId) }, { $set: { status: 'cancelled' } });

describe('a booking retried with its Idempotency-Key (the key lives in the booking itself)', () => {
  it('when the worker cancelled and then an old retry of the booking arrives, then it gets that cancelled booking, not a new seat', async () => {
    const trip = await publishedTrip(app.t, app.transport, [app.entId]);
    const w = await greenWorker(app.t);
    const first = await book(app.t, w, trip, 'late-retry-0001');
    expect(first.body.status).toBe('confirmed');
    expect((await app.t.http.post(`/api/bookings/${first.body.id}/cancel`).set(w.auth)).status).toBe(200);

    const late = await book(app.t, w, trip, 'late-retry-0001');
    expect(late.status).toBe(201);
    expect(late.headers['idempotent-replayed']).toBe('true');
    expect(late.body).toMatchObject({ id: first.body.id, status: 'cancelled' });
    expect(await bookingsOf(w.id)).toHaveLength(1);
    expect((await app.t.http.get(`/api/trips/${trip}`).set(w.auth)).body.seatsLeft).toBe(22);
  });

  it('when the same key is sent for another trip, then it is 422 IDEMPOTENCY_MISMATCH and nothing is written', async () => {
    const [a, b] = [
      await publishedTrip(app.t, app.transport, [app.entId]),
      await publishedTrip(app.t, app.transport, [app.entId]),
    ];
    const w = await greenWorker(app.t);
    await book(app.t, w, a, 'same-key-0001');
    const res = await book(app.t, w, b, 'same-key-0001');
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('IDEMPOTENCY_MISMATCH');
    expect(await bookingsOf(w.id)).toHaveLength(1);
  });

  it('when two workers use the same key, then each gets their own booking (keys are per person)', async () => {
    const trip = await publishedTrip(app.t, app.transport, [app.entId]);
    const [v, w] = [await greenWorker(app.t), await greenWorker(app.t)];
    const a = await book(app.t, v, trip, 'shared-key-0001');
    const b = await book(app.t, w, trip, 'shared-key-0001');
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.id).not.toBe(a.body.id);
    expect(b.headers['idempotent-replayed']).toBeUndefined();
  });

  it('when a booking is made with a key, then no separate key record is stored for it', async () => {
    const trip = await publishedTrip(app.t, app.transport, [app.entId]);
    const w = await greenWorker(app.t);
    await book(app.t, w, trip, 'no-record-0001');
    const keys = await app.t.connection
      .db!.collection('idempotency_keys')
      .countDocuments({ _id: { $regex: `^${w.id}:bookings.create:` } } as never);
    expect(keys).toBe(0);
  });
});

describe('a trip cancelled through another instance while this one holds a recent snapshot', () => {
  it('when a seat is still free, then the booking is refused BOOKING_CLOSED and the worker holds nothing live', async () => {
    const trip = await publishedTrip(app.t, app.transport, [app.entId]);
    await book(app.t, await greenWorker(app.t), trip); // this process has now read the trip
    await cancelElsewhere(trip);
    const w = await greenWorker(app.t);
    const res = await book(app.t, w, trip, 'after-cancel-01');
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('BOOKING_CLOSED');
    expect((await bookingsOf(w.id)).filter((b) => b.live)).toHaveLength(0);
  });

  it('when the trip was full, then joining its waitlist is refused BOOKING_CLOSED and the worker holds nothing live', async () => {
    const trip = await publishedTrip(app.t, app.transport, [app.entId], 24, {
      vehicle: { plate: '贵A11111', seats: 5 },
      occupancyCapPct: 20,
    }); // capacity 1
    await book(app.t, await greenWorker(app.t), trip);
    await book(app.t, await greenWorker(app.t), trip); // waitlisted: the snapshot now shows the trip full
    await cancelElsewhere(trip);
    const w = await greenWorker(app.t);
    const res = await book(app.t, w, trip);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('BOOKING_CLOSED');
    // The waitlisted insert landed after the cancellation; the re-read after joining undid it.
    const docs = await bookingsOf(w.id);
    expect(docs.filter((b) => b.live)).toHaveLength(0);
    expect(docs.map((b) => [b.status, b.cancelReason])).toEqual([['cancelled', 'trip_cancelled']]);
    // …so the worker can book another trip that day.
    const other = await publishedTrip(app.t, app.transport, [app.entId], 24);
    expect((await book(app.t, w, other)).status).toBe(201);
  });
});
