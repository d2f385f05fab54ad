import { Types } from 'mongoose';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { checkin, GREEN_CHECKIN, person, type Person } from '../bookings/test/fixtures';

let t: TestApp;
let worker: Person;
let admin: Person;

beforeAll(async () => {
  t = await startTestApp();
  worker = await person(t);
  admin = await person(t, ['admin']);
});
afterAll(() => t.close());

describe('daily check-in', () => {
  it('when a healthy worker checks in, then the pass is green and the answer is the stored check-in', async () => {
    const body = await checkin(t, worker);
    expect(body.pass.color).toBe('green');
    expect((await t.http.get('/api/pass').set(worker.auth)).body.color).toBe('green');
    // The day's first check-in is answered from what was written (no read-back): the same record.
    const latest = (await t.http.get('/api/checkins/latest').set(worker.auth)).body.checkin;
    expect(body.checkin).toEqual(latest);
  });

  it('when the same day is submitted again, then the day has one check-in with the new answers', async () => {
    await checkin(t, worker, { temperature: 36.8 });
    const n = await t.connection.db!.collection('health_checkins').countDocuments({});
    expect(n).toBe(1);
    const latest = await t.http.get('/api/checkins/latest').set(worker.auth);
    expect(latest.body.checkin.temperature).toBe(36.8);
  });

  it('when the temperature is out of range, has two decimals or is a string, then it is a 400 on temperature', async () => {
    for (const temperature of [34.9, 42.1, 36.55, '36.5']) {
      const res = await t.http
        .post('/api/checkins')
        .set(worker.auth)
        .send({ ...GREEN_CHECKIN, temperature });
      expect(res.status).toBe(400);
      expect(res.body.error.details[0].path).toBe('temperature');
    }
  });

  it('when an out-of-province arrival has no date or a future date, then it is refused', async () => {
    const noDate = await t.http
      .post('/api/checkins')
      .set(worker.auth)
      .send({ ...GREEN_CHECKIN, arrivedFromOutsideProvince: true });
    expect(noDate.status).toBe(400);
    expect(noDate.body.error.details[0].path).toBe('arrivalDate');
    const future = await t.http
      .post('/api/checkins')
      .set(worker.auth)
      .send({ ...GREEN_CHECKIN, arrivedFromOutsideProvince: true, arrivalDate: '2999-01-01' });
    expect(future.status).toBe(400);
  });

  it('when the check-in is 24 hours old, then the pass turns yellow with the reason', async () => {
    t.clock.advance(24 * 3600_000);
    const pass = await t.http.get('/api/pass').set(worker.auth);
    expect(pass.body.color).toBe('yellow');
    expect(pass.body.reasons[0].code).toBe('CHECKIN_STALE');
  });

  it('when a worker reports a fever, then the pass is red', async () => {
    const body = await checkin(t, worker, { temperature: 37.3 });
    expect(body.pass.color).toBe('red');
    expect(body.pass.reasons.map((r: { code: string }) => r.code)).toEqual(['FEVER']);
  });
});

describe("check-in retries on a weak network (Idempotency-Key kept in the day's record)", () => {
  const send = (p: Person, key: string, over: Record<string, unknown> = {}) =>
    t.http
      .post('/api/checkins')
      .set(p.auth)
      .set('Idempotency-Key', key)
      .send({ ...GREEN_CHECKIN, ...over });

  it('when a check-in is retried with its key, then the answer is replayed and no second key record is written', async () => {
    const p = await person(t);
    const first = await send(p, 'ci-retry-0001');
    expect(first.status).toBe(200);
    const again = await send(p, 'ci-retry-0001');
    expect(again.status).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body.checkin.id).toBe(first.body.checkin.id);
    expect(again.body.pass.color).toBe('green');
    const keys = await t.connection.db!.collection('idempotency_keys').countDocuments({
      _id: { $regex: `^${p.id}:` } as never,
    });
    expect(keys).toBe(0);
  });

  it('when a late retry arrives after a newer submission, then it does not bring the old answers back', async () => {
    const p = await person(t);
    expect((await send(p, 'ci-late-0001', { temperature: 37.5 })).body.pass.color).toBe('red');
    expect((await send(p, 'ci-late-0002', { temperature: 36.4 })).body.pass.color).toBe('green');
    const late = await send(p, 'ci-late-0001', { temperature: 37.5 });
    expect(late.headers['idempotent-replayed']).toBe('true');
    expect(late.body.checkin.temperature).toBe(36.4);
    const pass = await t.http.get('/api/pass').set(p.auth);
    expect(pass.body.color).toBe('green');
  });

  it('when a key is reused with other answers, then it is refused and the day keeps the first answers', async () => {
    const p = await person(t);
    await send(p, 'ci-reuse-0001', { temperature: 36.6 });
    const reused = await send(p, 'ci-reuse-0001', { temperature: 36.9 });
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('IDEMPOTENCY_MISMATCH');
    const latest = await t.http.get('/api/checkins/latest').set(p.auth);
    expect(latest.body.checkin.temperature).toBe(36.6);
  });

  it('when two first submissions with different keys race, then the day still has one check-in', async () => {
    const p = await person(t);
    const [a, b] = await Promise.all([
      send(p, 'ci-race-0001'),
      send(p, 'ci-race-0002', { temperature: 36.7 }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const n = await t.connection
      .db!.collection('health_checkins')
      .countDocuments({ workerId: new Types.ObjectId(p.id) });
    expect(n).toBe(1);
  });
});

describe('region risk levels', () => {
  it('when an admin marks a city high-risk, then a worker who stayed there gets a red pass', async () => {
    const p = await person(t);
    await checkin(t, p, { places: ['420106'] });
    const set = await t.http
      .put('/api/regions/420100')
      .set(admin.auth)
      .send({ name: '武汉市', riskLevel: 'high' });
    expect(set.status).toBe(200);
    const pass = await t.http.get('/api/pass').set(p.auth);
    expect(pass.body.color).toBe('red');
    expect(pass.body.reasons[0].code).toBe('HIGH_RISK_STAY');
    const list = await t.http.get('/api/regions').set(p.auth);
    expect(list.body.items).toEqual([expect.objectContaining({ code: '420100', riskLevel: 'high' })]);
  });

  it('when a worker tries to set a risk level, then it is a 403 and nothing changes', async () => {
    const res = await t.http
      .put('/api/regions/420100')
      .set(worker.auth)
      .send({ name: '武汉市', riskLevel: 'low' });
    expect(res.status).toBe(403);
    expect((await t.http.get('/api/regions').set(worker.auth)).body.items[0].riskLevel).toBe('high');
  });
});

describe('pass QR token', () => {
  it('when the pass page asks for a code, then it gets a signed token (drawn on the phone, no image) that expires within two minutes', async () => {
    const res = await t.http.get('/api/pass/token').set(worker.auth);
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty('qrDataUrl');
    expect(t.container.healthCheckins.services.passes.verifyToken(res.body.token)).toBe(worker.id);
    const ttl = new Date(res.body.expiresAt).getTime() - t.clock.now().getTime();
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(120_000);
    expect(res.body.token).toContain(worker.id);
  });

  it('when nobody is signed in, then check-in and pass are 401', async () => {
    expect((await t.http.get('/api/pass')).status).toBe(401);
    expect((await t.http.post('/api/checkins').send(GREEN_CHECKIN)).status).toBe(401);
  });
});
