import { Types } from 'mongoose';
import type { MemoryNotificationSender } from '../notifications/sender';
import {
  book,
  bookingFields,
  checkin,
  person,
  publishedTrip,
  type Person,
  useJourneyApp,
} from './test/fixtures';

const app = useJourneyApp();

const sweep = () => app.t.container.bookingSweeper.run();
const mine = async (w: Person) => (await app.t.http.get('/api/bookings/mine').set(w.auth)).body.items[0];

describe('flagging and releasing non-green passengers', () => {
  it('when a booked worker checks in with a yellow code, then the booking is flagged; green again clears it', async () => {
    const trip = await publishedTrip(app.t, app.transport, [app.entId], 20);
    const w = await person(app.t);
    await checkin(app.t, w);
    await book(app.t, w, trip);
    await checkin(app.t, w, { healthCode: 'yellow' });
    const flagged = await mine(w);
    expect(flagged.status).toBe('confirmed');
    expect(flagged.flag).toMatchObject({
      color: 'yellow',
      reasons: [expect.objectContaining({ code: 'CODE_YELLOW' })],
    });
    const manifest = await app.t.http.get(`/api/trips/${trip}/manifest`).set(app.transport.auth);
    expect(manifest.body.rows[0].flag.color).toBe('yellow');
    await checkin(app.t, w);
    expect((await mine(w)).flag).toBeNull();
  });

  it('when a check-in goes stale before departure, then the sweep flags the booking', async () => {
    const trip = await publishedTrip(app.t, app.transport, [app.entId], 30);
    const w = await person(app.t);
    await checkin(app.t, w);
    await book(app.t, w, trip);
    app.t.clock.advance(25 * 3600_000);
    await sweep();
    expect((await mine(w)).flag.reasons[0].code).toBe('CHECKIN_STALE');
  });

  it('when the last check-in was at 23:10 and the sweep runs 25 h later (two China days on), then the flag says it went stale, not that there is none', async () => {
    // Move the shared clock forward to the next 23:10 China time, whatever hour the suite runs at.
    const china = new Date(app.t.clock.now().getTime() + 8 * 3600_000);
    const lateEvening = Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), china.getUTCDate(), 23, 10);
    const next = lateEvening > china.getTime() ? lateEvening : lateEvening + 24 * 3600_000;
    app.t.clock.set(new Date(next - 8 * 3600_000));
    const trip = await publishedTrip(app.t, app.transport, [app.entId], 30);
    const w = await person(app.t);
    await checkin(app.t, w);
    await book(app.t, w, trip);
    app.t.clock.advance(25 * 3600_000);
    await sweep();
    expect((await mine(w)).flag.reasons.map((r: { code: string }) => r.code)).toEqual(['CHECKIN_STALE']);
    const manifest = await app.t.http.get(`/api/trips/${trip}/manifest`).set(app.transport.auth);
    const row = manifest.body.rows.find((r: { flag: { reasons: { code: string }[] } | null }) => r.flag);
    expect(row.flag.reasons[0].code).toBe('CHECKIN_STALE');
  });

  it('when the pass is still not green at the boarding cut-off, then the seat is released and the first waitlisted worker gets it', async () => {
    const trip = await publishedTrip(app.t, app.transport, [app.entId], 3, {
      vehicle: { plate: '贵A66666', seats: 5 },
      occupancyCapPct: 20,
    }); // capacity 1
    const sick = await person(app.t);
    await checkin(app.t, sick);
    await book(app.t, sick, trip);
    const waiting = await person(app.t);
    await checkin(app.t, waiting);
    expect((await book(app.t, waiting, trip)).body.status).toBe('waitlisted');
    await checkin(app.t, sick, { temperature: 37.8 });

    await sweep(); // before the cut-off: flagged only
    expect((await mine(sick)).status).toBe('confirmed');

    app.t.clock.advance(2.5 * 3600_000 + 60_000); // past departure − 30 min
    await checkin(app.t, waiting); // keep the waiting worker's check-in fresh
    const report = await sweep();
    expect(report.released).toBe(1);
    expect((await mine(sick)).status).toBe('released');
    expect((await mine(waiting)).status).toBe('confirmed');
    const trip2 = (await app.t.http.get(`/api/trips/${trip}`).set(app.transport.auth)).body;
    expect(trip2.bookedCount).toBe(1);
    const sent = (app.t.container.notifications.sender as MemoryNotificationSender).sent;
    expect(sent.some((m) => m.kind === 'seat_released' && m.workerId === sick.id)).toBe(true);
    expect(sent.some((m) => m.kind === 'waitlist_promoted' && m.workerId === waiting.id)).toBe(true);
  });
});

describe('recovery after a crash between two writes', () => {
  it('when a booking was left pending without a seat, then the sweep settles it', async () => {
    const trip = await publishedTrip(app.t, app.transport, [app.entId], 20);
    const w = await person(app.t);
    const repo = app.t.container.bookings.repos.bookings;
    const tripRec = (await app.t.container.trips.repos.trips.findById(trip))!;
    const pending = await repo.insertPending({
      tripId: trip,
      workerId: w.id,
      travelDay: tripRec.travelDay,
      pickupPoint: 'x',
      bookedBy: 'self',
      bookedById: w.id,
      now: app.t.clock.now(),
    });
    app.t.clock.advance(60_000);
    const report = await sweep();
    expect(report.settled).toBe(1);
    expect((await repo.findById(pending!.id))!.status).toBe('confirmed');
    expect((await app.t.container.trips.repos.trips.findById(trip))!.bookedCount).toBe(1);
  });

  it('when a cancelled booking still holds a seat, then reconciliation frees it exactly once', async () => {
    const trip = await publishedTrip(app.t, app.transport, [app.entId], 20);
    const w = await person(app.t);
    await checkin(app.t, w);
    const b = (await book(app.t, w, trip)).body;
    // Simulate a crash after the status write and before the seat release.
    await app.t.connection
      .db!.collection('bookings')
      .updateOne({ _id: new Types.ObjectId(b.id) }, { $set: { status: 'cancelled' }, $unset: { live: 1 } });
    await sweep();
    await sweep();
    expect((await app.t.container.trips.repos.trips.findById(trip))!.bookedCount).toBe(0);
  });

  it('when a booking joined the waitlist of a trip cancelled meanwhile and its request died before the re-read, then the sweep cancels it and the worker can book that day again', async () => {
    const trip = await publishedTrip(app.t, app.transport, [app.entId], 20);
    const tripRec = (await app.t.container.trips.repos.trips.findById(trip))!;
    const cancelled = await app.t.http
      .post(`/api/trips/${trip}/cancel`)
      .set(app.transport.auth)
      .send({ reason: '车辆故障' });
    expect(cancelled.status).toBe(200);
    await sweep(); // the cancellation's own fan-out: nothing of this worker's yet
    const w = await person(app.t);
    await checkin(app.t, w);
    // The waitlisted insert of a request that read the trip full before it was cancelled.
    const late = await app.t.container.bookings.repos.bookings.insertWaitlisted(
      bookingFields(tripRec, w.id, app.t.clock.now()),
    );
    expect(late?.status).toBe('waitlisted');
    const report = await sweep();
    expect(report.recancelled).toBe(1);
    expect(await mine(w)).toMatchObject({ id: late!.id, status: 'cancelled' });
    expect((await sweep()).recancelled).toBe(0);
    const other = await publishedTrip(app.t, app.transport, [app.entId], 20);
    expect((await book(app.t, w, other)).body.status).toBe('confirmed');
  });
});

describe('outbox delivery', () => {
  it('when the sender fails, then the message is retried later and sent once', async () => {
    const sender = app.t.container.notifications.sender as MemoryNotificationSender;
    const w = await person(app.t);
    await app.t.container.notifications.repos.outbox.addMany(
      [
        {
          id: `test:${w.id}`,
          workerId: w.id,
          kind: 'test',
          title: '测试',
          body: '内容',
          page: 'pages/home/index',
        },
      ],
      app.t.clock.now(),
    );
    sender.failNext = 1;
    await app.t.container.notifications.services.notifications.drain();
    expect(sender.sent.filter((m) => m.workerId === w.id)).toHaveLength(0);
    app.t.clock.advance(60_000);
    await app.t.container.notifications.services.notifications.drain();
    await app.t.container.notifications.services.notifications.drain();
    expect(sender.sent.filter((m) => m.workerId === w.id)).toHaveLength(1);
  });
});
