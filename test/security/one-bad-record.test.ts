import { Types } from 'mongoose';
import {
  checkin,
  enterprise,
  greenWorker,
  person,
  publishedTrip,
  tripInput,
  type Person,
} from '../../apps/bff/src/test-support';
import { startTestApp, type TestApp } from '../../apps/bff/src/test-support';

let t: TestApp;
let entId: string;
let transport: Person;
let admin: Person;
beforeAll(async () => {
  t = await startTestApp();
  entId = await enterprise(t);
  transport = await person(t, ['transport']);
  admin = await person(t, ['admin']);
});
afterAll(() => t.close());

const db = () => t.connection.db!;
const count = (name: string, filter: object = {}) => db().collection(name).countDocuments(filter);
const logged = (event: string) => t.logs.map((l) => JSON.parse(l)).filter((l) => l.msg === event);

describe('an impossible arrival day on a check-in', () => {
  it('when a check-in says "arrivalDate":"2020-02-30" or "0000-00-00", then it is a 400 naming arrivalDate, nothing is stored and the pass still answers', async () => {
    const w = await person(t);
    for (const arrivalDate of ['2020-02-30', '0000-00-00', '2019-11-30']) {
      const res = await t.http
        .post('/api/checkins')
        .set(w.auth)
        .send({ temperature: 36.5, healthCode: 'green', arrivedFromOutsideProvince: true, arrivalDate });
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ path: 'arrivalDate' }] });
    }
    expect(await count('health_checkins', { workerId: new Types.ObjectId(w.id) })).toBe(0);
    const pass = await t.http.get('/api/pass').set(w.auth);
    expect(pass.status).toBe(200);
    expect(pass.body.reasons[0].code).toBe('NO_CHECKIN');
  });

  it('when an arrival day lies in the future, then it is a 400 and nothing is stored', async () => {
    const w = await person(t);
    const res = await t.http.post('/api/checkins').set(w.auth).send({
      temperature: 36.5,
      healthCode: 'green',
      arrivedFromOutsideProvince: true,
      arrivalDate: '2099-01-01',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('到达日期不能晚于今天');
    expect(await count('health_checkins', { workerId: new Types.ObjectId(w.id) })).toBe(0);
  });

  it('when a check-in stored before validation has a day no calendar has, then its owner is asked to check in again (200, yellow) and a liaison booking them and a colleague books the colleague and refuses only them', async () => {
    const liaison = await person(t, ['liaison'], entId);
    const colleague = await person(t, ['worker'], entId);
    const broken = await person(t, ['worker'], entId);
    await checkin(t, colleague);
    await checkin(t, broken, { arrivedFromOutsideProvince: true, arrivalDate: '2020-02-01' });
    await db()
      .collection('health_checkins')
      .updateOne({ workerId: new Types.ObjectId(broken.id) }, { $set: { arrivalDate: '2020-02-30' } });

    for (let i = 0; i < 2; i += 1) {
      const pass = await t.http.get('/api/pass').set(broken.auth);
      expect(pass.status).toBe(200);
      expect(pass.body).toMatchObject({ color: 'yellow', reasons: [{ code: 'CHECKIN_UNREADABLE' }] });
    }
    const trip = await publishedTrip(t, transport, [entId], 30);
    const res = await t.http
      .post(`/api/trips/${trip}/staff-bookings`)
      .set(liaison.auth)
      .send({ staffIds: [colleague.id, broken.id] });
    expect(res.status).toBe(200);
    expect(res.body.results[0].booking).toMatchObject({ status: 'confirmed', workerId: colleague.id });
    expect(res.body.results[1]).toMatchObject({ booking: null, error: { code: 'PASS_NOT_GREEN' } });
  });
});

describe('a departure no travel day can name', () => {
  it('when a trip departs 9999-12-31T23:59:59Z, or more than a year ahead, then it is a 400 naming departureAt and nothing is stored', async () => {
    const before = await count('trips');
    const twoYears = new Date(t.clock.now().getTime() + 2 * 365 * 86_400_000).toISOString();
    for (const departureAt of ['9999-12-31T23:59:59Z', twoYears]) {
      const res = await t.http
        .post('/api/trips')
        .set(transport.auth)
        .send(tripInput(t, [entId], 24, { departureAt }));
      expect(res.status).toBe(400);
      expect(res.body.error.details[0].path).toBe('departureAt');
    }
    expect(await count('trips')).toBe(before);
  });

  it('when a stored trip cannot be read back (a year-10000 departure from before validation), then every trip list still answers without it and says one was skipped, and the trip itself is a logged 500, not a 400', async () => {
    const good = await publishedTrip(t, transport, [entId], 30);
    const bad = await publishedTrip(t, transport, [entId], 30);
    await db()
      .collection('trips')
      .updateOne(
        { _id: new Types.ObjectId(bad) },
        { $set: { departureAt: new Date('9999-12-31T23:59:59Z'), travelDay: '+010000-01-01' } },
      );
    for (const who of [transport, admin]) {
      const list = await t.http.get('/api/trips?pageSize=100').set(who.auth);
      expect(list.status).toBe(200);
      const ids = list.body.items.map((i: { id: string }) => i.id);
      expect(ids).toContain(good);
      expect(ids).not.toContain(bad);
      expect(list.body.skipped).toBe(1);
    }
    expect(logged('response.records_skipped').at(-1).skipped[0].id).toBe(bad);
    const one = await t.http.get(`/api/trips/${bad}`).set(transport.auth);
    expect(one.status).toBe(500);
    expect(one.body.error.code).toBe('INTERNAL');
    expect(logged('request.failed').at(-1)).toMatchObject({ routeId: 'trips.get', recordId: bad });
    await db()
      .collection('trips')
      .deleteOne({ _id: new Types.ObjectId(bad) });
  });
});

describe('dashboard days', () => {
  it('when the dashboard is asked for 2020-02-30 or the export for 2021-02-29, then it is a 400 naming the date, not a 500', async () => {
    const summary = await t.http.get('/api/dashboard/summary?date=2020-02-30').set(admin.auth);
    expect(summary.status).toBe(400);
    expect(summary.body.error.details[0]).toMatchObject({
      path: 'query.date',
      message: '2020-02-30 不是有效日期',
    });
    const exported = await t.http.get('/api/dashboard/export?date=2021-02-29').set(admin.auth);
    expect(exported.status).toBe(400);
    expect(exported.body.error.details[0].path).toBe('query.date');
  });

  it('when the dashboard is asked for a real day of the campaign, then it answers', async () => {
    await greenWorker(t);
    const res = await t.http.get('/api/dashboard/summary?date=2020-02-29').set(admin.auth);
    expect(res.status).toBe(200);
    expect(res.body.asOf).toBe('2020-02-29');
  });
});
