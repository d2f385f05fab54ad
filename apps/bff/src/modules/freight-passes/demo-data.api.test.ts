import pino from 'pino';
import { seedDemo } from '../../dev/seed-demo';
import { startTestApp, signInByPhone, type TestApp } from '../../test-support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 60_000);
afterAll(() => t.close());

const session = async (phone: string) => {
  t.clock.advance(61_000);
  const s = await signInByPhone(t, phone);
  return { roles: s.user.roles, auth: { Authorization: `Bearer ${s.token}` } };
};

describe('freight pass demo data', () => {
  it('when the demo is seeded twice, then the firm has its three passes once, the driver’s QR scans valid at the demo checkpoint', async () => {
    await seedDemo(t.container, pino({ level: 'silent' }));
    await seedDemo(t.container, pino({ level: 'silent' }));
    const liaison = await session('13800000002');
    const passes = (await t.http.get('/api/freight-passes').set(liaison.auth)).body.items as {
      id: string;
      status: string;
      cargo: string;
    }[];
    expect(passes.map((p) => `${p.cargo}:${p.status}`).sort()).toEqual([
      'components:pending',
      'daily_necessities:revoked',
      'epidemic_supplies:approved',
    ]);
    const driver = await session('13800000001');
    const driving = (await t.http.get('/api/freight-passes/driving').set(driver.auth)).body.items;
    expect(driving.map((p: { cargo: string }) => p.cargo)).toEqual(['epidemic_supplies']);
    const token = (await t.http.get(`/api/freight-passes/${driving[0].id}/token`).set(driver.auth)).body
      .token;
    const checker = await session('13800000007');
    expect(checker.roles).toEqual(['checkpoint']);
    const scan = await t.http
      .post('/api/freight-checks')
      .set(checker.auth)
      .send({ token, checkpoint: { code: 'G15-YY01', name: '沈海高速余姚收费站' } });
    expect(scan.body.result).toBe('valid');
  }, 120_000);
});
