import pino from 'pino';
import { createApp } from '../../app';
import type { MemoryNotificationSender } from '../notifications/sender';
import { DEFAULT_QUARANTINE_AFTER } from '../sweep-failures';
import { PassService } from '../health-checkins/pass.service';
import { book, checkin, person, publishedTrip, useJourneyApp, type Person } from './test/fixtures';

/**
 * A record the sweep cannot process. It used to be a check-in whose arrival date is not a calendar
 * day (stored before the edge validated it), which made the pass computation throw; the pass
 * service now reads such a check-in as "请重新打卡", so the test plants the same failure where it
 * struck (the pass computation for that worker, on every instance: the class's prototype). Before
 * isolation, that one worker's trip stopped the bookings sweep for every trip after it: no seat
 * released, nobody promoted from the waitlist, no notice sent.
 */
const app = useJourneyApp();
const mine = async (w: Person) => (await app.t.http.get('/api/bookings/mine').set(w.auth)).body.items[0];
const failureDoc = (tripId: string) =>
  app.t.connection
    .db!.collection('sweep_failures')
    .findOne({ _id: `bookings.sweep|trip:${tripId}` as never });
const sweepLogs = (msg: string) =>
  app.t.logs.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.msg === msg);
const metric = async (outcome: string) =>
  (await app.t.container.metrics.sweepRecords.get()).values.find(
    (v) => v.labels.job === 'bookings.sweep' && v.labels.outcome === outcome,
  )?.value ?? 0;

describe('a poisoned trip in the bookings sweep', () => {
  let poisoned: string;
  let good: string;
  let sick: Person;
  let waiting: Person;
  let unreadable: jest.SpyInstance;

  beforeAll(async () => {
    // The poisoned trip departs first, so the sweep meets it before the good one.
    poisoned = await publishedTrip(app.t, app.transport, [app.entId], 3);
    good = await publishedTrip(app.t, app.transport, [app.entId], 3.2, {
      vehicle: { plate: '贵A66666', seats: 5 },
      occupancyCapPct: 20,
    }); // capacity 1
    const bad = await person(app.t);
    await checkin(app.t, bad);
    await book(app.t, bad, poisoned);
    const passesFor = PassService.prototype.passesFor;
    unreadable = jest.spyOn(PassService.prototype, 'passesFor').mockImplementation(async function (
      this: PassService,
      ids,
      now,
    ) {
      if (ids.includes(bad.id)) throw new TypeError('Not a calendar day');
      return passesFor.call(this, ids, now);
    });

    sick = await person(app.t);
    await checkin(app.t, sick);
    await book(app.t, sick, good);
    waiting = await person(app.t);
    await checkin(app.t, waiting);
    expect((await book(app.t, waiting, good)).body.status).toBe('waitlisted');
    await checkin(app.t, sick, { temperature: 37.8 });
    app.t.clock.advance(2.75 * 3600_000); // past both trips' boarding cut-off, before departure
    await checkin(app.t, waiting);
  });

  it('when the sweep meets it, then the trip is logged with its id, counted, and the later trip still gets its release, promotion and notices', async () => {
    const report = await app.t.container.bookingSweeper.run();
    expect(report.isolation).toEqual({ failed: 1, quarantined: 0, skipped: 0 });
    expect(report.released).toBe(1);
    expect((await mine(sick)).status).toBe('released');
    expect((await mine(waiting)).status).toBe('confirmed');
    const sent = (app.t.container.notifications.sender as MemoryNotificationSender).sent;
    expect(sent.some((m) => m.kind === 'seat_released' && m.workerId === sick.id)).toBe(true);
    expect(sent.some((m) => m.kind === 'waitlist_promoted' && m.workerId === waiting.id)).toBe(true);

    const [line] = sweepLogs('sweep.record.failed');
    expect(line).toMatchObject({ job: 'bookings.sweep', record: `trip:${poisoned}`, failures: 1 });
    expect(JSON.stringify(line.err)).toContain('Not a calendar day');
    expect(await metric('failed')).toBe(1);
    expect(await failureDoc(poisoned)).toMatchObject({ failures: 1, quarantinedAt: null });
    expect(await failureDoc(good)).toBeNull();
  });

  it('when it keeps failing on later runs, on whichever instance, then it is retried each run and quarantined at the threshold, and skipped after that', async () => {
    // Another instance on the same database continues the same count: it lives in the database.
    const other = createApp({
      config: app.t.config,
      connection: app.t.connection,
      logger: pino({ level: 'silent' }),
      clock: app.t.clock,
    }).container;
    const reports = [];
    for (let run = 2; run <= DEFAULT_QUARANTINE_AFTER; run += 1)
      reports.push((await (run % 2 ? app.t.container : other).bookingSweeper.run()).isolation);
    expect(reports.slice(0, -1)).toEqual(
      Array.from({ length: DEFAULT_QUARANTINE_AFTER - 2 }, () => ({ failed: 1, quarantined: 0, skipped: 0 })),
    );
    expect(reports.at(-1)).toEqual({ failed: 0, quarantined: 1, skipped: 0 });
    const quarantined = await failureDoc(poisoned);
    expect(quarantined).toMatchObject({ failures: DEFAULT_QUARANTINE_AFTER });
    expect(quarantined!.quarantinedAt).toBeInstanceOf(Date);

    const after = await app.t.container.bookingSweeper.run();
    expect(after.isolation).toEqual({ failed: 0, quarantined: 0, skipped: 1 });
    // Skipped means not tried: the count stays where quarantine stopped it.
    expect((await failureDoc(poisoned))!.failures).toBe(DEFAULT_QUARANTINE_AFTER);
    expect(sweepLogs('sweep.record.skipped').at(-1)).toMatchObject({ record: `trip:${poisoned}` });
    expect(await metric('skipped')).toBe(1);
  });

  it('when the bad data is repaired and the record released, then the next run processes the trip again and forgets its failures', async () => {
    unreadable.mockRestore();
    expect(await app.t.container.sweepIsolation.release('bookings.sweep', `trip:${poisoned}`)).toBe(true);
    const report = await app.t.container.bookingSweeper.run();
    expect(report.isolation).toEqual({ failed: 0, quarantined: 0, skipped: 0 });
    expect(await failureDoc(poisoned)).toBeNull();
  });
});
