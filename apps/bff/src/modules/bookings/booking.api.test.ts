import { Types } from 'mongoose';
import {
  book,
  checkin,
  enterprise,
  greenWorker,
  person,
  publishedTrip,
  useJourneyApp,
} from './test/fixtures';

const app = useJourneyApp();

const liveCount = (workerId: string) =>
  app.t.connection
    .db!.collection('bookings')
    .countDocuments({ workerId: new Types.ObjectId(workerId), live: true });

describe('booking a seat', () => {
  it('when a green worker books, then the seat is confirmed and the trip shows one seat fewer', async () => {
    const trip = await publishedTrip(app.t, app.transport, [app.entId]);
    const w = await greenWorker(app.t);
    const res = await book(app.t, w, trip);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'confirmed',
      tripId: trip,
      workerId: w.id,
      pickupPoint: '南明区人社局门口',
      waitlistPosition: null,
    });
    expect((await app.t.http.get(`/api/trips/${trip}`).set(w.auth)).body.seatsLeft).toBe(21);
  });

  it('when the worker has not checked in, then it is 422 PASS_NOT_GREEN and nothing is written', async () => {
    const trip = await publishedTrip(app.t, app.transport, [app.entId]);
    const w = await person(app.t);
    const res = await book(app.t, w, trip);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('PASS_NOT_GREEN');
    expect(res.body.error.details.reasons[0].code).toBe('NO_CHECKIN');
    expect(await liveCount(w.id)).toBe(0);
  });

  it('when the same request is retried with the same Idempotency-Key, then the same booking is replayed', async () => {
    const trip = await publishedTrip(app.t, app.transport, [app.entId]);
    const w = await greenWorker(app.t);
    const a = await book(app.t, w, trip, 'key-retry-0001');
    const b = await book(app.t, w, trip, 'key-retry-0001');
    expect(b.status).toBe(201);
    expect(b.headers['idempotent-replayed']).toBe('true');
    expect(b.body.id).toBe(a.body.id);
  });

  it('when the worker books the same trip again without a key, then they get their existing booking', async () => {
    const trip = await publishedTrip(app.t, app.transport, [app.entId]);
    const w = await greenWorker(app.t);
    const a = await book(app.t, w, trip);
    const b = await book(app.t, w, trip);
    expect(b.body.id).toBe(a.body.id);
    expect(await liveCount(w.id)).toBe(1);
  });

  it('when the worker books another trip the same day, then it is 409 ALREADY_BOOKED', async () => {
    const first = await publishedTrip(app.t, app.transport, [app.entId], 50);
    const second = await publishedTrip(app.t, app.transport, [app.entId], 50);
    const w = await greenWorker(app.t);
    await book(app.t, w, first);
    const res = await book(app.t, w, second);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('ALREADY_BOOKED');
    expect(await liveCount(w.id)).toBe(1);
  });

  it('when the trip id is unknown or malformed, then 404 and 400', async () => {
    const w = await greenWorker(app.t);
    expect((await book(app.t, w, '0123456789abcdef01234567')).status).toBe(404);
    expect((await book(app.t, w, 'not-an-id')).status).toBe(400);
    expect((await app.t.http.post('/api/bookings').set(w.auth).send({ tripId: 5 })).status).toBe(400);
  });

  it('when a transport officer (not a worker) books, then it is a 403', async () => {
    const trip = await publishedTrip(app.t, app.transport, [app.entId]);
    expect((await book(app.t, app.transport, trip)).status).toBe(403);
  });

  it('when the boarding cut-off has passed, then booking is closed', async () => {
    const trip = await publishedTrip(app.t, app.transport, [app.entId], 1);
    app.t.clock.advance(31 * 60_000);
    const w = await greenWorker(app.t);
    const res = await book(app.t, w, trip);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('BOOKING_CLOSED');
  });
});

describe('waitlist (候补) and cancellation', () => {
  it('when the trip is full, then later workers are waitlisted in order and promoted in order as seats free', async () => {
    const trip = await publishedTrip(app.t, app.transport, [app.entId], 30, {
      vehicle: { plate: '贵A55555', seats: 5 },
    }); // capacity 2
    const [a, b, c, d] = [
      await greenWorker(app.t),
      await greenWorker(app.t),
      await greenWorker(app.t),
      await greenWorker(app.t),
    ];
    const ba = (await book(app.t, a, trip)).body;
    await book(app.t, b, trip);
    const bc = (await book(app.t, c, trip)).body;
    const bd = (await book(app.t, d, trip)).body;
    expect(bc).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(bd).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });

    const cancelled = await app.t.http.post(`/api/bookings/${ba.id}/cancel`).set(a.auth);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    const mineC = (await app.t.http.get('/api/bookings/mine').set(c.auth)).body.items[0];
    const mineD = (await app.t.http.get('/api/bookings/mine').set(d.auth)).body.items[0];
    expect(mineC.status).toBe('confirmed');
    expect(mineD).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const tripView = (await app.t.http.get(`/api/trips/${trip}`).set(a.auth)).body;
    expect(tripView).toMatchObject({ bookedCount: 2, seatsLeft: 0, waitlistCount: 1 });
    const inbox = await app.t.http.get('/api/notifications/mine').set(c.auth);
    expect(inbox.body.items.map((m: { kind: string }) => m.kind)).toContain('waitlist_promoted');
  });

  it('when a cancellation is retried, then it answers the same and frees only one seat', async () => {
    const trip = await publishedTrip(app.t, app.transport, [app.entId], 30);
    const w = await greenWorker(app.t);
    const b = (await book(app.t, w, trip)).body;
    await app.t.http.post(`/api/bookings/${b.id}/cancel`).set(w.auth);
    const again = await app.t.http.post(`/api/bookings/${b.id}/cancel`).set(w.auth);
    expect(again.status).toBe(200);
    expect((await app.t.http.get(`/api/trips/${trip}`).set(w.auth)).body.bookedCount).toBe(0);
  });

  it("when a worker cancels someone else's booking, then it is a 404 and the booking stays", async () => {
    const trip = await publishedTrip(app.t, app.transport, [app.entId], 30);
    const owner = await greenWorker(app.t);
    const intruder = await greenWorker(app.t);
    const b = (await book(app.t, owner, trip)).body;
    expect((await app.t.http.post(`/api/bookings/${b.id}/cancel`).set(intruder.auth)).status).toBe(404);
    expect((await app.t.http.get('/api/bookings/mine').set(owner.auth)).body.items[0].status).toBe(
      'confirmed',
    );
  });

  it('when it is less than 2 hours to departure, then a confirmed seat can no longer be cancelled online', async () => {
    const trip = await publishedTrip(app.t, app.transport, [app.entId], 3);
    const w = await greenWorker(app.t);
    const b = (await book(app.t, w, trip)).body;
    app.t.clock.advance(61 * 60_000);
    const res = await app.t.http.post(`/api/bookings/${b.id}/cancel`).set(w.auth);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('BOOKING_CLOSED');
  });
});

describe('liaison booking for named staff', () => {
  it('when a liaison books for their staff on a trip to their enterprise, then staff get seats; outsiders get a per-person refusal', async () => {
    const trip = await publishedTrip(app.t, app.transport, [app.entId], 30);
    const liaison = await person(app.t, ['liaison'], app.entId);
    const staff = await person(app.t, ['worker'], app.entId);
    await checkin(app.t, staff);
    const outsider = await greenWorker(app.t);
    const res = await app.t.http
      .post(`/api/trips/${trip}/staff-bookings`)
      .set(liaison.auth)
      .send({ staffIds: [staff.id, outsider.id] });
    expect(res.status).toBe(200);
    expect(res.body.results[0].booking).toMatchObject({
      status: 'confirmed',
      bookedBy: 'liaison',
      workerId: staff.id,
    });
    expect(res.body.results[1]).toMatchObject({ booking: null, error: { code: 'FORBIDDEN' } });
    expect(await liveCount(outsider.id)).toBe(0);
  });

  it('when the trip goes to another enterprise, then the liaison is refused with 403 and nothing is booked', async () => {
    const otherEnt = await enterprise(app.t, '宁波另一家企业');
    const trip = await publishedTrip(app.t, app.transport, [otherEnt], 30);
    const liaison = await person(app.t, ['liaison'], app.entId);
    const staff = await person(app.t, ['worker'], app.entId);
    await checkin(app.t, staff);
    const res = await app.t.http
      .post(`/api/trips/${trip}/staff-bookings`)
      .set(liaison.auth)
      .send({ staffIds: [staff.id] });
    expect(res.status).toBe(403);
    expect(await liveCount(staff.id)).toBe(0);
  });

  it('when a worker calls the liaison route, then it is a 403', async () => {
    const trip = await publishedTrip(app.t, app.transport, [app.entId], 30);
    const w = await greenWorker(app.t);
    expect(
      (
        await app.t.http
          .post(`/api/trips/${trip}/staff-bookings`)
          .set(w.auth)
          .send({ staffIds: [w.id] })
      ).status,
    ).toBe(403);
  });
});
