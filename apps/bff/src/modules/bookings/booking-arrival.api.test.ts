import { book, checkin, person, publishedTrip, useJourneyApp, type Person } from './test/fixtures';

const app = useJourneyApp();
const HOUR = 3_600_000;

const arrive = (w: Person, bookingId: string) =>
  app.t.http.post(`/api/bookings/${bookingId}/arrival`).set(w.auth);
const mine = async (w: Person) => (await app.t.http.get('/api/bookings/mine').set(w.auth)).body.items[0];

async function bookedOnNewTrip(): Promise<{ w: Person; tripId: string; bookingId: string }> {
  const tripId = await publishedTrip(app.t, app.transport, [app.entId], 10);
  const w = await person(app.t);
  await checkin(app.t, w);
  const b = await book(app.t, w, tripId);
  expect(b.body.status).toBe('confirmed');
  return { w, tripId, bookingId: b.body.id };
}

async function boarded(w: Person, tripId: string): Promise<void> {
  const token = (await app.t.http.get('/api/pass/token').set(w.auth)).body.token;
  const res = await app.t.http
    .post(`/api/trips/${tripId}/boardings`)
    .set(app.transport.auth)
    .send({ token, temperature: 36.4 });
  expect(res.body.row.status).toBe('boarded');
}

describe('the worker confirms arrival (确认到达)', () => {
  it('when a boarded worker confirms arrival after departure, then it is recorded once: a second tap returns the same time', async () => {
    const { w, tripId, bookingId } = await bookedOnNewTrip();
    await boarded(w, tripId);
    app.t.clock.advance(10 * HOUR);
    const first = await arrive(w, bookingId);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'boarded', arrivedAt: app.t.clock.now().toISOString() });
    app.t.clock.advance(60_000);
    const again = await arrive(w, bookingId);
    expect([again.status, again.body.arrivedAt]).toEqual([200, first.body.arrivedAt]);
    expect((await mine(w)).arrivedAt).toBe(first.body.arrivedAt);
  });

  it('when a boarded worker confirms arrival before the coach has left, then it is refused with the reason and nothing is recorded', async () => {
    const { w, tripId, bookingId } = await bookedOnNewTrip();
    // Boarding opens 3 h before departure: the worker is on the coach at the pickup point.
    app.t.clock.advance(8 * HOUR);
    await boarded(w, tripId);
    const res = await arrive(w, bookingId);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'INVALID_TRANSITION', message: '班车发车后才能确认到达' });
    expect((await mine(w)).arrivedAt).toBeNull();
    app.t.clock.advance(2 * HOUR);
    expect((await arrive(w, bookingId)).status).toBe(200);
  });

  it('when the trip’s departure time has passed, then the transport officer can no longer move it', async () => {
    const { tripId } = await bookedOnNewTrip();
    app.t.clock.advance(10 * HOUR + 60_000);
    const later = new Date(app.t.clock.now().getTime() + HOUR).toISOString();
    const res = await app.t.http
      .patch(`/api/trips/${tripId}`)
      .set(app.transport.auth)
      .send({ departureAt: later });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toBe('班次已过发车时间，不能再改时间');
  });

  it('when the worker has not boarded yet, then arrival is refused with the reason and nothing is recorded', async () => {
    const { w, bookingId } = await bookedOnNewTrip();
    app.t.clock.advance(10 * HOUR);
    const res = await arrive(w, bookingId);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'INVALID_TRANSITION', message: '上车后才能确认到达' });
    expect((await mine(w)).arrivedAt).toBeNull();
  });

  it('when another worker confirms someone else’s arrival, then it looks like no such booking and nothing changes', async () => {
    const { w, tripId, bookingId } = await bookedOnNewTrip();
    await boarded(w, tripId);
    const other = await person(app.t);
    expect((await arrive(other, bookingId)).status).toBe(404);
    expect((await mine(w)).arrivedAt).toBeNull();
  });
});
