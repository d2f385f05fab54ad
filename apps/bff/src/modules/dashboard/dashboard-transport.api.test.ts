import { creditCodeCheckChar } from '@fugong/contracts';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { book, checkin, person, publishedTrip, tripInput, type Person } from '../bookings/test/fixtures';
import { commandAuth } from './testing/fixture';

let t: TestApp;
let auth: { Authorization: string };
let ids: { a: string; b: string };
let w: Person[];

/**
 * Hand counts (travel day and check-in day 2027-03-02):
 *   firm E in 阳明街道; workers w1–w4 employed there, w5 without an employer.
 *   check-ins: w1 green 36.5; w2 36.6 corrected the same day to 37.6 (abnormal); w3 yellow code;
 *              w4, w5 green → 5 check-ins, 1 abnormal, 1 non-green (4 of them in 阳明街道)
 *   trip A (贵阳, 45 seats at the default 50% cap → capacity 22): w1 books and boards
 *   trip B (贵阳, 5 seats at a 20% cap → capacity 1): w4 books, w5 waits (ticket 1); w4 cancels, w5 is promoted
 *   trip C: a draft, never counted
 *   → 2 trips, 23 seats, 2 booked, 1 boarded, 1 waitlist ticket, all from 贵州
 */
beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(new Date('2027-03-02T08:00:00+08:00'));
  auth = await commandAuth(t);
  const code = '91330281MA2G00001' + creditCodeCheckChar('91330281MA2G00001');
  const e = await t.container.enterprises.services.enterprises.create({
    name: '余姚阳明光电',
    creditCode: code,
    industry: '光学仪器',
    size: 'above',
    regionCode: '330281',
    address: '余姚市阳明街道 1 号',
    headcount: 100,
  });
  w = [
    await person(t, ['worker'], e.id),
    await person(t, ['worker'], e.id),
    await person(t, ['worker'], e.id),
    await person(t, ['worker'], e.id),
    await person(t),
  ];
  // person() moves the clock a minute per sign-in (OTP throttle); put it back to 08:00 on the travel day.
  t.clock.set(new Date('2027-03-02T08:00:00+08:00'));
  const transport = await person(t, ['transport']);
  t.clock.set(new Date('2027-03-02T08:00:00+08:00'));
  await checkin(t, w[0]);
  await checkin(t, w[1], { temperature: 36.6 });
  await checkin(t, w[1], { temperature: 37.6 });
  await checkin(t, w[2], { healthCode: 'yellow' });
  await checkin(t, w[3]);
  await checkin(t, w[4]);
  ids = {
    a: await publishedTrip(t, transport, [e.id], 4),
    b: await publishedTrip(t, transport, [e.id], 5, {
      vehicle: { plate: '贵A54321', seats: 5 },
      occupancyCapPct: 20,
    }),
  };
  expect(
    (
      await t.http
        .post('/api/trips')
        .set(transport.auth)
        .send(tripInput(t, [e.id], 6))
    ).status,
  ).toBe(201);
  expect((await book(t, w[0], ids.a)).body.status).toBe('confirmed');
  expect((await book(t, w[3], ids.b)).body.status).toBe('confirmed');
  const waiting = await book(t, w[4], ids.b);
  expect(waiting.body.status).toBe('waitlisted');
  const token = (await t.http.get('/api/pass/token').set(w[0].auth)).body.token;
  expect(
    (
      await t.http
        .post(`/api/trips/${ids.a}/boardings`)
        .set(transport.auth)
        .send({ token, temperature: 36.4 })
    ).status,
  ).toBe(200);
  const mine = (await t.http.get('/api/bookings/mine').set(w[3].auth)).body.items[0];
  expect((await t.http.post(`/api/bookings/${mine.id}/cancel`).set(w[3].auth)).status).toBe(200);
}, 60_000);
afterAll(() => t.close());

const summary = async (query: Record<string, string> = {}) =>
  (await t.http.get('/api/dashboard/summary').query(query).set(auth)).body;

describe('dashboard summary: transport and health against hand counts', () => {
  it('when read on the travel day, then 2 published trips, 23 seats, 2 booked, 1 boarded and 1 waitlist ticket, all from 贵州', async () => {
    const s = await summary();
    expect(s.transport).toMatchObject({ trips: 2, seats: 23, booked: 2, boarded: 1, waitTickets: 1 });
    expect(s.transport.byProvince).toEqual([
      expect.objectContaining({ key: '520000', label: '贵州', trips: 2, boarded: 1 }),
    ]);
    expect(s.transport.trend.at(-1)).toMatchObject({ key: '2027-03-02', boarded: 1 });
  });

  it('when read, then 5 check-ins with 1 abnormal temperature (the same-day correction counted once) and 1 non-green code', async () => {
    const s = await summary();
    expect(s.health).toMatchObject({ checkins: 5, abnormalTemp: 1, nonGreen: 1 });
    expect(s.health.byRegion.find((r: { label: string }) => r.label === '阳明街道')).toMatchObject({
      checkins: 4,
      abnormalTemp: 1,
      nonGreen: 1,
    });
  });

  it('when filtered to the firm’s town, or read for the day before, then only the matching figures remain', async () => {
    expect((await summary({ region: '330281:阳明街道' })).health.checkins).toBe(4);
    const before = await summary({ date: '2027-03-01' });
    expect(before.transport.trips).toBe(0);
    expect(before.health.checkins).toBe(0);
  });

  it('when the rollups are rebuilt from raw trips and check-ins, then there is no drift', async () => {
    const report = await t.container.rollups.rebuild();
    expect(report.drift).toEqual([]);
  });
});
