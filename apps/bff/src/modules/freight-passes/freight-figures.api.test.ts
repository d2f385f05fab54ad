import { startTestApp, type TestApp } from '../../test-support/test-app';
import { application, appliedPass, as, firm, scan, tokenOf, type Person } from './testing/fixtures';

let t: TestApp;
let admin: Person;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(new Date('2026-03-03T10:00:00+08:00'));
  admin = await as(t, ['admin']);
}, 60_000);
afterAll(() => t.close());

describe('freight figures for the command', () => {
  it('when passes were issued and scanned, then issued counts by category and path and checks by checkpoint and category', async () => {
    const liaison = await as(t, ['liaison'], await firm(t, 'above'));
    const officer = await as(t, ['transport']);
    const checker = await as(t, ['checkpoint']);
    const driver = await as(t, ['worker']);
    const body = (cargo: string) => application(t, driver.phone, { cargo });
    const masks = await appliedPass(t, liaison, body('epidemic_supplies'));
    await appliedPass(t, liaison, body('epidemic_supplies'));
    const parts = await appliedPass(t, liaison, body('components'));
    await appliedPass(t, liaison, body('components')); // stays pending: not issued
    await t.http.post(`/api/freight-passes/${parts}/approve`).set(officer.auth).send({});
    await scan(t, checker, await tokenOf(t, driver, masks));
    await scan(t, checker, await tokenOf(t, driver, masks), { code: 'S9-YY02', name: '余姚北卡口' });
    await scan(t, checker, 'forged');

    const res = await t.http.get('/api/freight-passes/figures').set(admin.auth);
    expect(res.status).toBe(200);
    expect(res.body.issued).toEqual(
      expect.arrayContaining([
        { cargo: 'epidemic_supplies', approvalPath: 'commitment', count: 2 },
        { cargo: 'components', approvalPath: 'review', count: 1 },
      ]),
    );
    expect(res.body.issued).toHaveLength(2);
    expect(res.body.byStatus).toEqual(
      expect.arrayContaining([
        { status: 'approved', count: 3 },
        { status: 'pending', count: 1 },
      ]),
    );
    expect(res.body.checks).toEqual(
      expect.arrayContaining([
        {
          checkpointCode: 'G15-YY01',
          checkpointName: '沈海高速余姚收费站',
          cargo: 'epidemic_supplies',
          result: 'valid',
          count: 1,
        },
        {
          checkpointCode: 'G15-YY01',
          checkpointName: '沈海高速余姚收费站',
          cargo: null,
          result: 'code_invalid',
          count: 1,
        },
        {
          checkpointCode: 'S9-YY02',
          checkpointName: '余姚北卡口',
          cargo: 'epidemic_supplies',
          result: 'valid',
          count: 1,
        },
      ]),
    );
    expect(res.body.checks).toHaveLength(3);
  }, 60_000);

  it('when anyone but the command asks for the figures, then 403', async () => {
    for (const roles of [['transport'], ['liaison'], ['checkpoint'], ['worker']] as const)
      expect(
        (await t.http.get('/api/freight-passes/figures').set((await as(t, [...roles])).auth)).status,
      ).toBe(403);
  }, 60_000);
});
