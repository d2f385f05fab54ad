import pino from 'pino';
import { seedDemo } from '../../dev/seed-demo';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { commandAuth } from './testing/fixture';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('dashboard demo data', () => {
  it('when the demo is seeded (twice), then the dashboard counts every demo firm and a rebuild finds no drift', async () => {
    await seedDemo(t.container, pino({ level: 'silent' }));
    await seedDemo(t.container, pino({ level: 'silent' }));
    const res = await t.http.get('/api/dashboard/summary').set(await commandAuth(t));
    expect(res.status).toBe(200);
    expect(res.body.reopening.enterprises).toBe(
      await t.connection.db!.collection('enterprises').countDocuments(),
    );
    expect(res.body.choices.regions.map((r: { label: string }) => r.label)).toEqual(
      expect.arrayContaining(['阳明街道', '兰江街道', '凤山街道']),
    );
    expect((await t.container.rollups.rebuild()).driftCount).toBe(0);
  });
});
