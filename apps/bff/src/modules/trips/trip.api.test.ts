import { chinaDay } from '@fugong/domain';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import type { MemoryNotificationSender } from '../notifications/sender';
import {
  book,
  checkin,
  enterprise,
  person,
  publishedTrip,
  tripInput,
  type Person,
} from '../bookings/test/fixtures';

let t: TestApp;
let transport: Person;
let worker: Person;
let entId: string;

beforeAll(async () => {
  t = await startTestApp();
  entId = await enterprise(t);
  transport = await person(t, ['transport']);
  worker = await person(t);
});
afterAll(() => t.close());

describe('creating and publishing trips', () => {
  it('when a transport officer creates a trip, then it is a draft with capacity floor(45 × 50%) = 22', async () => {
    const res = await t.http
      .post('/api/trips')
      .set(transport.auth)
      .send(tripInput(t, [entId]));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'draft', capacity: 22, seatsLeft: 22, occupancyCapPct: 50 });
    expect(res.body.destinations[0].enterpriseName).toBe('余姚舜宇光学');
    // Drafts are invisible to workers.
    expect((await t.http.get(`/api/trips/${res.body.id}`).set(worker.auth)).status).toBe(404);
  });

  it('when a worker tries to create or publish a trip, then it is a 403', async () => {
    expect(
      (
        await t.http
          .post('/api/trips')
          .set(worker.auth)
          .send(tripInput(t, [entId]))
      ).status,
    ).toBe(403);
    const id = await publishedTrip(t, transport, [entId]);
    expect((await t.http.post(`/api/trips/${id}/cancel`).set(worker.auth).send({ reason: 'x' })).status).toBe(
      403,
    );
  });

  it('when the plate, seats or departure are invalid, then it is a 400 with the fields named and nothing is created', async () => {
    const before = await t.connection.db!.collection('trips').countDocuments({});
    const res = await t.http
      .post('/api/trips')
      .set(transport.auth)
      .send(tripInput(t, [entId], 24, { vehicle: { plate: 'ABC', seats: '45' }, departureAt: 'tomorrow' }));
    expect(res.status).toBe(400);
    const paths = res.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['vehicle.plate', 'vehicle.seats', 'departureAt']));
    const past = await t.http
      .post('/api/trips')
      .set(transport.auth)
      .send(tripInput(t, [entId], -1));
    expect(past.status).toBe(400);
    expect(await t.connection.db!.collection('trips').countDocuments({})).toBe(before);
  });

  it('when the destination enterprise does not exist, then it is a 404', async () => {
    const res = await t.http
      .post('/api/trips')
      .set(transport.auth)
      .send(tripInput(t, ['0123456789abcdef01234567']));
    expect(res.status).toBe(404);
  });

  it('when a worker searches by origin province, enterprise and day, then only matching published trips come back', async () => {
    const id = await publishedTrip(t, transport, [entId], 30, {
      originRegionCode: '510104',
      originName: '成都市锦江区',
    });
    const day = (await t.http.get(`/api/trips/${id}`).set(worker.auth)).body.travelDay;
    const res = await t.http.get(`/api/trips?origin=51&day=${day}&enterpriseId=${entId}`).set(worker.auth);
    expect(res.status).toBe(200);
    expect(res.body.items.map((x: { id: string }) => x.id)).toEqual([id]);
    expect((await t.http.get('/api/trips?origin=5x').set(worker.auth)).status).toBe(400);
  });
});

describe('changing and cancelling trips', () => {
  it('when the departure time changes, then each booked worker gets one message', async () => {
    const id = await publishedTrip(t, transport, [entId], 20);
    await checkin(t, worker);
    expect((await book(t, worker, id)).status).toBe(201);
    const trip = (await t.http.get(`/api/trips/${id}`).set(worker.auth)).body;
    // Stay on the same China day whatever time the suite runs at.
    const plus = new Date(new Date(trip.departureAt).getTime() + 30 * 60_000);
    const later = (
      chinaDay(plus) === trip.travelDay ? plus : new Date(plus.getTime() - 60 * 60_000)
    ).toISOString();
    const res = await t.http.patch(`/api/trips/${id}`).set(transport.auth).send({ departureAt: later });
    expect(res.status).toBe(200);
    await t.container.notifications.services.notifications.drain();
    const sent = (t.container.notifications.sender as MemoryNotificationSender).sent.filter(
      (m) => m.kind === 'trip_time_changed',
    );
    expect(sent).toHaveLength(1);
    expect(sent[0].workerId).toBe(worker.id);
    const inbox = await t.http.get('/api/notifications/mine').set(worker.auth);
    expect(inbox.body.items[0]).toMatchObject({ kind: 'trip_time_changed', status: 'sent' });
  });

  it('when a published trip would move to another day, then it is refused', async () => {
    const id = await publishedTrip(t, transport, [entId], 20);
    const trip = (await t.http.get(`/api/trips/${id}`).set(transport.auth)).body;
    const nextDay = new Date(new Date(trip.departureAt).getTime() + 24 * 3600_000).toISOString();
    const res = await t.http.patch(`/api/trips/${id}`).set(transport.auth).send({ departureAt: nextDay });
    expect(res.status).toBe(422);
  });

  it('when a smaller vehicle cannot carry the seats already sold, then the change is refused', async () => {
    const id = await publishedTrip(t, transport, [entId], 40, { vehicle: { plate: '贵A22222', seats: 10 } });
    for (let i = 0; i < 5; i += 1) {
      const w = await person(t);
      await checkin(t, w);
      expect((await book(t, w, id)).body.status).toBe('confirmed');
    }
    const res = await t.http
      .patch(`/api/trips/${id}`)
      .set(transport.auth)
      .send({ vehicle: { plate: '贵A33333', seats: 8 } });
    expect(res.status).toBe(422);
    expect((await t.http.get(`/api/trips/${id}`).set(transport.auth)).body.capacity).toBe(5);
  });

  it('when a trip is cancelled, then its bookings are cancelled and every booked worker is told', async () => {
    const id = await publishedTrip(t, transport, [entId], 60);
    const w = await person(t);
    await checkin(t, w);
    const b = await book(t, w, id);
    const res = await t.http
      .post(`/api/trips/${id}/cancel`)
      .set(transport.auth)
      .send({ reason: '目的地企业推迟复工' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('cancelled');
    const mine = await t.http.get('/api/bookings/mine').set(w.auth);
    expect(mine.body.items.find((x: { id: string }) => x.id === b.body.id).status).toBe('cancelled');
    const inbox = await t.http.get('/api/notifications/mine').set(w.auth);
    expect(inbox.body.items.map((m: { kind: string }) => m.kind)).toContain('trip_cancelled');
    // Cancelled bookings left the per-day index: the worker can book another trip that day.
    const other = await publishedTrip(t, transport, [entId], 60);
    expect((await book(t, w, other)).body.status).toBe('confirmed');
  });
});
