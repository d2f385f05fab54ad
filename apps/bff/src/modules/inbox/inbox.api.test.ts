import type { MemoryNotificationSender } from '../notifications/sender';
import { book, checkin, person, publishedTrip, useJourneyApp } from '../bookings/test/fixtures';

const app = useJourneyApp();

const inbox = async (auth: { Authorization: string }, query = '') =>
  app.t.http.get(`/api/inbox${query}`).set(auth);

describe('in-app inbox', () => {
  it('when a waitlisted worker is promoted, then the notice is in their inbox once (even after a failed phone send is retried), unread until they open it', async () => {
    const trip = await publishedTrip(app.t, app.transport, [app.entId], 3, {
      vehicle: { plate: '贵A67676', seats: 5 },
      occupancyCapPct: 20,
    }); // capacity 1
    const first = await person(app.t);
    await checkin(app.t, first);
    await book(app.t, first, trip);
    const waiting = await person(app.t);
    await checkin(app.t, waiting);
    expect((await book(app.t, waiting, trip)).body.status).toBe('waitlisted');
    const mine = await app.t.http.get('/api/bookings/mine').set(first.auth);
    await app.t.http.post(`/api/bookings/${mine.body.items[0].id}/cancel`).set(first.auth).send({});

    const sender = app.t.container.notifications.sender as MemoryNotificationSender;
    sender.failNext = 1; // WeChat down on the first attempt
    await app.t.container.notifications.services.notifications.drain();
    app.t.clock.advance(60_000);
    await app.t.container.notifications.services.notifications.drain();

    const res = await inbox(waiting.auth);
    expect(res.status).toBe(200);
    const promoted = res.body.items.filter((n: { kind: string }) => n.kind === 'waitlist_promoted');
    expect(promoted).toHaveLength(1);
    expect(promoted[0]).toMatchObject({ page: 'pages/my-bookings/index', readAt: null });
    expect(res.body.unread).toBeGreaterThanOrEqual(1);
    const before = (await app.t.http.get('/api/inbox/unread-count').set(waiting.auth)).body.unread;

    const read = await app.t.http.post(`/api/inbox/${promoted[0].id}/read`).set(waiting.auth).send({});
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    const again = await app.t.http.post(`/api/inbox/${promoted[0].id}/read`).set(waiting.auth).send({});
    expect(again.body.readAt).toBe(read.body.readAt); // the first read mark stays
    expect((await app.t.http.get('/api/inbox/unread-count').set(waiting.auth)).body.unread).toBe(before - 1);
    const unreadOnly = await inbox(waiting.auth, '?unread=true');
    expect(unreadOnly.body.items.map((n: { id: string }) => n.id)).not.toContain(promoted[0].id);
  });

  it('when someone marks another person’s notice read, then 404 and the notice stays unread', async () => {
    const w = await person(app.t);
    const other = await person(app.t);
    await app.t.container.inbox.service.deliver({
      key: `test:${w.id}:1`,
      userId: w.id,
      kind: 'issue_reminder',
      title: '办理提醒',
      body: '测试',
      page: 'pages/inbox/index',
    });
    const id = (await inbox(w.auth)).body.items[0].id;
    const res = await app.t.http.post(`/api/inbox/${id}/read`).set(other.auth).send({});
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    expect((await inbox(w.auth)).body.items[0].readAt).toBeNull();
    expect((await inbox(other.auth)).body.items).toEqual([]);
  });

  it('when the same event is delivered twice, then one notice is recorded', async () => {
    const w = await person(app.t);
    const n = {
      key: `test:${w.id}:dup`,
      userId: w.id,
      kind: 'x',
      title: 't',
      body: 'b',
      page: 'pages/inbox/index',
    };
    expect(await app.t.container.inbox.service.deliver(n)).toBe(true);
    expect(await app.t.container.inbox.service.deliver(n)).toBe(false);
    expect((await inbox(w.auth)).body.items).toHaveLength(1);
  });

  it('when the input is wrong or nobody is signed in, then 400 / 401 and nothing changes', async () => {
    const w = await person(app.t);
    expect((await app.t.http.post('/api/inbox/not-an-id/read').set(w.auth).send({})).status).toBe(400);
    expect((await inbox(w.auth, '?limit=1000')).status).toBe(400);
    expect((await app.t.http.get('/api/inbox')).status).toBe(401);
    expect((await app.t.http.get('/api/inbox/unread-count')).status).toBe(401);
  });
});
