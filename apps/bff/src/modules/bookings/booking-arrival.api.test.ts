import { book, checkin, person, publishedTrip, useJourneyApp, type Person } from './test/fixtures';

const app = useJourneyApp();

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

/** The trips of these tests leave 10 hours after they are published. */
const pastDeparture = () => app.t.clock.advance(10 * 3600_000 + 60_000);

describe('the worker confirms arrival (确认到达)', () => {
  it('when a boarded worker confirms arrival after the coach left, then it is recorded once: a second tap returns the same time', async () => {
    const { w, tripId, bookingId } = await bookedOnNewTrip();
    await boarded(w, tripId);
    pastDeparture();
    const first = await arrive(w, bookingId);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'boarded', arrivedAt: app.t.clock.now().toISOString() });
    app.t.clock.advance(60_000);
    const again = await arrive(w, bookingId);
    expect([again.status, again.body.arrivedAt]).toEqual([200, first.body.arrivedAt]);
    expect((await mine(w)).arrivedAt).toBe(first.body.arrivedAt);
  });

  it('when a boarded worker confirms arrival before the coach has left, then it is refused with the departure time and nothing is recorded', async () => {
    const { w, tripId, bookingId } = await bookedOnNewTrip();
    await boarded(w, tripId);
    const res = await arrive(w, bookingId);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('INVALID_TRANSITION');
    expect(res.body.error.message).toMatch(/^车辆发车后才能确认到达（\d{4}-\d{2}-\d{2} \d{2}:\d{2} 发车）$/);
    expect((await mine(w)).arrivedAt).toBeNull();
    pastDeparture();
    expect((await arrive(w, bookingId)).status).toBe(200);
  });

  it('when the worker has not boarded yet, then arrival is refused with the reason and nothing is recorded', async () => {
    const { w, bookingId } = await bookedOnNewTrip();
    const res = await arrive(w, bookingId);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'INVALID_TRANSITION', message: '上车后才能确认到达' });
    expect((await mine(w)).arrivedAt).toBeNull();
  });

  it('when another worker confirms someone else’s arrival, then it looks like no such booking and nothing changes', async () => {
    const { w, tripId, bookingId } = await bookedOnNewTrip();
    await boarded(w, tripId);
    pastDeparture();
    const other = await person(app.t);
    expect((await arrive(other, bookingId)).status).toBe(404);
    expect((await mine(w)).arrivedAt).toBeNull();
  });
});
