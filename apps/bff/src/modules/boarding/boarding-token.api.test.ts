import { startTestApp, type TestApp } from '../../test-support/test-app';
import { book, checkin, enterprise, person, publishedTrip, type Person } from '../bookings/test/fixtures';

let t: TestApp;
let transport: Person;
let entId: string;

beforeAll(async () => {
  t = await startTestApp();
  // A China morning: the tests move the clock hours ahead, and must not cross midnight (the
  // day's check-in would lapse and the pass turn yellow for a reason not under test).
  t.clock.set(new Date('2026-03-06T06:00:00+08:00'));
  entId = await enterprise(t);
  transport = await person(t, ['transport']);
});
afterAll(() => t.close());

const PHONE_A = 'a'.repeat(32);
const PHONE_B = 'b'.repeat(32);
const HOUR = 3_600_000;

/** A green worker with a confirmed seat on `tripId`; returns them and the booking id. */
async function seated(tripId: string): Promise<{ w: Person; bookingId: string }> {
  const w = await person(t);
  await checkin(t, w);
  const b = await book(t, w, tripId);
  expect(b.body.status).toBe('confirmed');
  return { w, bookingId: b.body.id as string };
}
const fetchCode = (w: Person, bookingId: string, deviceId = PHONE_A) =>
  t.http.post(`/api/bookings/${bookingId}/boarding-token`).set(w.auth).send({ deviceId });
async function codeOf(w: Person, bookingId: string, deviceId = PHONE_A): Promise<string> {
  const res = await fetchCode(w, bookingId, deviceId);
  expect(res.status).toBe(200);
  return res.body.token as string;
}
const board = (tripId: string, token: string, o: { key?: string; scannedAt?: Date } = {}) => {
  const req = t.http.post(`/api/trips/${tripId}/boardings`).set(transport.auth);
  if (o.key) req.set('Idempotency-Key', o.key);
  return req.send({
    token,
    temperature: 36.5,
    ...(o.scannedAt ? { scannedAt: o.scannedAt.toISOString() } : {}),
  });
};
const reasonOf = (res: { body: { error?: { details?: { reason?: string } } } }) =>
  res.body.error?.details?.reason;

describe('offline boarding code', () => {
  it('when a worker fetches the code, then it is valid from 3 h before departure to 1 h after, and it outlives the 90-s pass', async () => {
    const trip = await publishedTrip(t, transport, [entId], 2);
    const { w, bookingId } = await seated(trip);
    const res = await fetchCode(w, bookingId);
    expect(res.status).toBe(200);
    const departure = Date.parse((await t.http.get(`/api/trips/${trip}`).set(w.auth)).body.departureAt);
    expect(res.body).toMatchObject({
      bookingId,
      tripId: trip,
      validFrom: new Date(departure - 3 * HOUR).toISOString(),
      validUntil: new Date(departure + HOUR).toISOString(),
      fetchedAt: t.clock.now().toISOString(),
    });
    // Twenty minutes without signal later, the same code still boards the passenger.
    t.clock.advance(20 * 60_000);
    const boarded = await board(trip, res.body.token);
    expect(boarded.status).toBe(200);
    expect(boarded.body).toMatchObject({ alreadyBoarded: false, row: { bookingId, status: 'boarded' } });
  });

  it('when the code is scanned before boarding opens or after it closed, then it is refused', async () => {
    const early = await publishedTrip(t, transport, [entId], 5);
    const a = await seated(early);
    const tooEarly = await board(early, await codeOf(a.w, a.bookingId));
    expect(tooEarly.status).toBe(422);
    expect(reasonOf(tooEarly)).toBe('NOT_YET_OPEN');

    const trip = await publishedTrip(t, transport, [entId], 1);
    const b = await seated(trip);
    const code = await codeOf(b.w, b.bookingId);
    t.clock.advance(2 * HOUR + 60_000);
    const late = await board(trip, code);
    expect(late.status).toBe(422);
    expect(late.body.error).toMatchObject({ code: 'BOARDING_CODE_INVALID', message: '本班次的上车时段已过' });
    expect((await fetchCode(b.w, b.bookingId)).status).toBe(422);
  });

  it('when the code is scanned at another trip’s door, then it is refused', async () => {
    const mine = await publishedTrip(t, transport, [entId], 2);
    const other = await publishedTrip(t, transport, [entId], 2);
    const { w, bookingId } = await seated(mine);
    const res = await board(other, await codeOf(w, bookingId));
    expect(res.status).toBe(422);
    expect(res.body.error.message).toBe('该上车码属于其他班次');
  });

  it('when the worker cancelled the booking after fetching the code, then the code is refused', async () => {
    const trip = await publishedTrip(t, transport, [entId], 2.5);
    const { w, bookingId } = await seated(trip);
    const code = await codeOf(w, bookingId);
    expect((await t.http.post(`/api/bookings/${bookingId}/cancel`).set(w.auth)).status).toBe(200);
    const res = await board(trip, code);
    expect(res.status).toBe(422);
    expect(reasonOf(res)).toBe('CANCELLED');
  });

  it('when the code is shown again after boarding, then it is refused; the same upload repeated is answered as before', async () => {
    const trip = await publishedTrip(t, transport, [entId], 2);
    const { w, bookingId } = await seated(trip);
    const code = await codeOf(w, bookingId);
    const key = `boarding-${bookingId}`;
    const first = await board(trip, code, { key });
    expect(first.status).toBe(200);
    // The marshal's queue uploads again (the answer was lost): same key, same answer, one boarding.
    const again = await board(trip, code, { key });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    // Someone else shows a screenshot of the code: a fresh scan is refused.
    const replay = await board(trip, code, { key: `another-${bookingId}` });
    expect(replay.status).toBe(409);
    expect(reasonOf(replay)).toBe('ALREADY_BOARDED');
    const manifest = await t.http.get(`/api/trips/${trip}/manifest`).set(transport.auth);
    expect(manifest.body.boardedCount).toBe(1);
  });

  it('when the worker fetched the code again on another phone, then only the newer phone’s code boards', async () => {
    const trip = await publishedTrip(t, transport, [entId], 2);
    const { w, bookingId } = await seated(trip);
    const old = await codeOf(w, bookingId, PHONE_A);
    const current = await codeOf(w, bookingId, PHONE_B);
    const refused = await board(trip, old);
    expect(refused.status).toBe(422);
    expect(reasonOf(refused)).toBe('OTHER_DEVICE');
    expect((await board(trip, current)).status).toBe(200);
  });

  it('when a marshal without signal uploads a scan after the window closed, then it counts at the time it was scanned', async () => {
    const trip = await publishedTrip(t, transport, [entId], 1);
    const { w, bookingId } = await seated(trip);
    const code = await codeOf(w, bookingId);
    const scannedAt = t.clock.now();
    t.clock.advance(2.5 * HOUR);
    const res = await board(trip, code, { key: `boarding-${bookingId}`, scannedAt });
    expect(res.status).toBe(200);
    expect(res.body.row.status).toBe('boarded');
    // A scan time from the future is not believed.
    const future = await board(trip, code, { scannedAt: new Date(t.clock.now().getTime() + HOUR) });
    expect(future.status).toBe(422);
  });

  it('when the code is forged or altered, then it is refused', async () => {
    const trip = await publishedTrip(t, transport, [entId], 2);
    const { w, bookingId } = await seated(trip);
    const code = await codeOf(w, bookingId);
    const parts = code.split('.');
    parts[5] = (parseInt(parts[5], 36) + 86_400).toString(36);
    const res = await board(trip, parts.join('.'));
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('BOARDING_CODE_INVALID');
  });

  it('when someone asks for another worker’s code, or a marshal asks for one, then it is refused', async () => {
    const trip = await publishedTrip(t, transport, [entId], 2);
    const { bookingId } = await seated(trip);
    const stranger = await person(t);
    expect((await fetchCode(stranger, bookingId)).status).toBe(404);
    expect((await fetchCode(transport, bookingId)).status).toBe(403);
    const bad = await t.http
      .post(`/api/bookings/${bookingId}/boarding-token`)
      .set(stranger.auth)
      .send({ deviceId: 'not-a-device' });
    expect(bad.status).toBe(400);
  });
});
