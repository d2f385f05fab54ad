import { Types } from 'mongoose';
import type { BookingRepository } from './booking.repository';
import { book, greenWorker, publishedTrip, useJourneyApp, type Person } from './test/fixtures';

const app = useJourneyApp();

const ONE_SEAT = { vehicle: { plate: '贵A11111', seats: 5 }, occupancyCapPct: 20 };

const tokenOf = async (w: Person) =>
  (await app.t.http.get('/api/pass/token').set(w.auth)).body.token as string;
const board = async (tripId: string, w: Person) =>
  app.t.http
    .post(`/api/trips/${tripId}/boardings`)
    .set(app.transport.auth)
    .send({ token: await tokenOf(w), temperature: 36.5 });
const tripDoc = (id: string) =>
  app.t.connection.db!.collection('trips').findOne({ _id: new Types.ObjectId(id) });
const statuses = async (tripId: string) =>
  (
    await app.t.connection
      .db!.collection('bookings')
      .find({ tripId: new Types.ObjectId(tripId) })
      .toArray()
  ).map((b) => b.status as string);

/** Runs `between` just before the next status change to `to` (the interleaving of a race). */
function beforeNextTransition(repo: BookingRepository, to: string, between: () => Promise<unknown>) {
  const original = repo.transition.bind(repo);
  const spy = jest.spyOn(repo, 'transition').mockImplementation(async (...args) => {
    if (args[2] === to) {
      spy.mockRestore();
      await between();
    }
    return original(...args);
  });
}

describe('a cancel racing the boarding of the same passenger', () => {
  it('when the marshal boards the passenger while their cancel is in flight, then the cancel is refused with 409, the seat stays theirs and nobody is promoted into it', async () => {
    const trip = await publishedTrip(app.t, app.transport, [app.entId], 24, ONE_SEAT);
    const rider = await greenWorker(app.t);
    const waiting = await greenWorker(app.t);
    const seat = (await book(app.t, rider, trip)).body;
    expect(seat.status).toBe('confirmed');
    expect((await book(app.t, waiting, trip)).body.status).toBe('waitlisted');

    let boarded: { status: number } | null = null;
    beforeNextTransition(app.t.container.bookings.repos.bookings, 'cancelled', async () => {
      boarded = await board(trip, rider);
    });
    const cancel = await app.t.http.post(`/api/bookings/${seat.id}/cancel`).set(rider.auth);

    expect(boarded).toMatchObject({ status: 200 });
    expect(cancel.status).toBe(409);
    expect(cancel.body.error.code).toBe('INVALID_TRANSITION');
    expect((await statuses(trip)).sort()).toEqual(['boarded', 'waitlisted']);
    const doc = await tripDoc(trip);
    expect(doc).toMatchObject({ bookedCount: 1 });
    expect(doc!.seatHolders.map(String)).toEqual([seat.id]);
  });

  it('when the same cancel is sent twice at once, then both answer cancelled and the seat is freed and refilled exactly once', async () => {
    const trip = await publishedTrip(app.t, app.transport, [app.entId], 24, ONE_SEAT);
    const rider = await greenWorker(app.t);
    const waiting = await greenWorker(app.t);
    const seat = (await book(app.t, rider, trip)).body;
    await book(app.t, waiting, trip);

    const cancelOnce = () => app.t.http.post(`/api/bookings/${seat.id}/cancel`).set(rider.auth);
    let twin: { status: number; body: { status: string } } | null = null;
    beforeNextTransition(app.t.container.bookings.repos.bookings, 'cancelled', async () => {
      twin = await cancelOnce();
    });
    const first = await cancelOnce();

    expect([first.status, twin!.status]).toEqual([200, 200]);
    expect([first.body.status, twin!.body.status]).toEqual(['cancelled', 'cancelled']);
    expect((await statuses(trip)).sort()).toEqual(['cancelled', 'confirmed']);
    expect(await tripDoc(trip)).toMatchObject({ bookedCount: 1 });
  });
});
