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
  it('when a healthy worker checks in, then the pass is green', async () => {
    const body = await checkin(t, worker);
    expect(body.pass.color).toBe('green');
    expect((await t.http.get('/api/pass').set(worker.auth)).body.color).toBe('green');
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
