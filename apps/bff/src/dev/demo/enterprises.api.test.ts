import pino from 'pino';
import { seedDemo } from '../seed-demo';
import { DEMO_ENTERPRISES } from './enterprises';
import { startTestApp, signInByPhone, type TestApp } from '../../test-support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const bearer = (s: { token: string }) => ({ Authorization: `Bearer ${s.token}` });

describe('demo data for enterprises and stewards', () => {
  it('when the demo is seeded twice, then nothing is duplicated and each demo role sees its part', async () => {
    await seedDemo(t.container, pino({ level: 'silent' }));
    await seedDemo(t.container, pino({ level: 'silent' }));
    const db = t.connection.db!;
    expect(
      await db
        .collection('enterprises')
        .countDocuments({ creditCode: { $in: DEMO_ENTERPRISES.map((e) => e.creditCode) } }),
    ).toBe(4);
    expect(await db.collection('steward_assignments').countDocuments({ live: true })).toBe(3);
    expect(await db.collection('issues').countDocuments()).toBe(2);

    const liaison = await signInByPhone(t, '13800000002');
    const enterpriseId = (liaison.user as unknown as { enterpriseId: string }).enterpriseId;
    const overview = await t.http.get(`/api/enterprises/${enterpriseId}/overview`).set(bearer(liaison));
    expect(overview.body).toMatchObject({
      openIssues: 2,
      stewardName: '王立新',
      enterprise: { regionCode: '330281' },
    });

    const steward = await signInByPhone(t, '13800000003');
    expect((await t.http.get('/api/stewards/me/enterprises').set(bearer(steward))).body.items).toHaveLength(
      3,
    );

    const officer = await signInByPhone(t, '13800000004');
    const queue = await t.http.get('/api/issues').set(bearer(officer));
    expect(queue.body.items.map((i: { category: string; state: string }) => [i.category, i.state])).toEqual([
      ['labour', 'dispatched'],
    ]);
  });
});
