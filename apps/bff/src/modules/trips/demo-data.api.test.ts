import pino from 'pino';
import { seedDemo } from '../../dev/seed-demo';
import { startTestApp, signInByPhone, type TestApp } from '../../test-support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('worker journey demo data', () => {
  it('when the demo is seeded twice, then the demo worker has a profile and 15 upcoming trips exist once', async () => {
    await seedDemo(t.container, pino({ level: 'silent' }));
    await seedDemo(t.container, pino({ level: 'silent' }));
    const s = await signInByPhone(t, '13800000001');
    const auth = { Authorization: `Bearer ${s.token}` };
    const profile = await t.http.get('/api/profile').set(auth);
    expect(profile.body).toMatchObject({
      name: '张建国',
      complete: true,
      idNumberMasked: '520102********123X',
    });
    expect(profile.body.enterprise.name).toBe('余姚市明州光电科技有限公司');
    const trips = await t.http.get('/api/trips?pageSize=50').set(auth);
    expect(trips.body.total).toBe(15);
    expect(trips.body.items[0]).toMatchObject({ capacity: 22, seatsLeft: 22, bookingOpen: true });
  });
});
