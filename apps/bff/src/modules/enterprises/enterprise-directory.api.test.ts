import { startTestApp, type TestApp } from '../../test-support/test-app';
import { createEnterprise, signInAs, type Person } from './testing/fixtures';

let t: TestApp;
let transport: Person;
let liaison: Person;
let firm: string;

beforeAll(async () => {
  t = await startTestApp();
  const admin = await signInAs(t, ['admin']);
  firm = await createEnterprise(t, admin, { name: '余姚市名录光电有限公司' });
  await createEnterprise(t, admin, { name: '余姚市另一家模塑厂' });
  transport = await signInAs(t, ['transport']);
  liaison = await signInAs(t, ['liaison'], { enterpriseId: firm });
});
afterAll(() => t.close());

describe('the enterprise directory (transport officer picks a trip’s destination)', () => {
  it('when the transport officer searches by name, then matching firms come back with names only', async () => {
    const res = await t.http
      .get(`/api/enterprises/directory?q=${encodeURIComponent('名录光电')}`)
      .set(transport.auth);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([{ id: firm, name: '余姚市名录光电有限公司', regionCode: '330281' }]);
  });

  it('when the search is empty, then firms are listed without registry details', async () => {
    const res = await t.http.get('/api/enterprises/directory').set(transport.auth);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThanOrEqual(2);
    expect(res.text).not.toContain('creditCode');
  });

  it('when a worker looks for their employer, then they find it by name (names only, no credit code)', async () => {
    const worker = await signInAs(t, ['worker']);
    const res = await t.http
      .get(`/api/enterprises/directory?q=${encodeURIComponent('名录')}`)
      .set(worker.auth);
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { id: string }) => e.id)).toEqual([firm]);
    expect(res.text).not.toContain('creditCode');
  });

  it('when a liaison asks, then 403', async () => {
    expect((await t.http.get('/api/enterprises/directory').set(liaison.auth)).status).toBe(403);
  });
});
