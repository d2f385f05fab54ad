import { startTestApp, signInByPhone, type TestApp } from '../../test-support/test-app';
import { buildHandCountedCity, commandAuth } from './testing/fixture';

let t: TestApp;
let auth: { Authorization: string };
beforeAll(async () => {
  t = await startTestApp();
  await buildHandCountedCity(t);
  auth = await commandAuth(t);
});
afterAll(() => t.close());

const summary = async (query: Record<string, string> = {}) => {
  const res = await t.http.get('/api/dashboard/summary').query(query).set(auth);
  expect(res.status).toBe(200);
  return res.body;
};

describe('dashboard summary: reopening against the hand-counted city', () => {
  it('when read on day 2 without filters, then 3 of 4 firms are reopened and 125 of 170 staff are back', async () => {
    const s = await summary();
    expect(s.asOf).toBe('2027-03-02');
    expect(s.reopening).toMatchObject({
      enterprises: 4,
      reported: 3,
      reopened: 3,
      reopenRate: 0.75,
      headcount: 180,
      staffOnSite: 125,
      staffTotal: 170,
      returnRate: 0.7353,
    });
    expect(s.reopening.bySize).toEqual([
      expect.objectContaining({
        key: 'above',
        label: '规上企业',
        enterprises: 2,
        reopened: 2,
        staffOnSite: 110,
        staffTotal: 150,
      }),
      expect.objectContaining({
        key: 'below',
        label: '规下企业',
        enterprises: 2,
        reopened: 1,
        staffOnSite: 15,
        staffTotal: 20,
      }),
    ]);
    expect(
      s.reopening.byRegion.map((r: { label: string; enterprises: number; reopened: number }) => [
        r.label,
        r.enterprises,
        r.reopened,
      ]),
    ).toEqual([
      ['阳明街道', 2, 2],
      ['兰江街道', 1, 1],
      ['凤山街道', 1, 0],
    ]);
    expect(s.choices.regions.map((r: { label: string }) => r.label).sort()).toEqual(
      ['兰江街道', '凤山街道', '阳明街道'].sort(),
    );
  });

  it('when read as of day 1, then only E1 is reopened (80 of 120 staff) and the trend shows day 1 then day 2', async () => {
    const s = await summary({ date: '2027-03-01' });
    expect(s.reopening).toMatchObject({
      enterprises: 4,
      reported: 2,
      reopened: 1,
      staffOnSite: 80,
      staffTotal: 120,
    });
    const trend = (await summary({ days: '2' })).reopening.trend;
    expect(
      trend.map((d: { key: string; reopened: number; staffOnSite: number }) => [
        d.key,
        d.reopened,
        d.staffOnSite,
      ]),
    ).toEqual([
      ['2027-03-01', 1, 80],
      ['2027-03-02', 3, 125],
    ]);
  });

  it('when filtered by a town, an industry or a size, then only matching firms count', async () => {
    expect((await summary({ region: '330281:阳明街道' })).reopening).toMatchObject({
      enterprises: 2,
      reopened: 2,
      staffOnSite: 95,
      staffTotal: 120,
    });
    expect((await summary({ industry: '塑料制品' })).reopening).toMatchObject({
      enterprises: 2,
      reopened: 1,
      staffOnSite: 15,
    });
    expect((await summary({ size: 'below', region: '330281:凤山街道' })).reopening).toMatchObject({
      enterprises: 1,
      reopened: 0,
      reported: 0,
    });
    expect((await summary({ region: '330281' })).reopening.enterprises).toBe(4);
    expect((await summary({ region: '330282' })).reopening.enterprises).toBe(0);
  });
});

describe('dashboard summary: issues, why not reopened, stewards', () => {
  it('when read, then 6 issues, 5 open, 1 answered on time with satisfaction 4, grouped by category and department', async () => {
    const s = await summary();
    expect(s.issues).toMatchObject({
      total: 6,
      open: 5,
      overdue: 0,
      answered: 1,
      answeredOnTime: 1,
      onTimeRate: 1,
      rated: 1,
      satisfaction: 4,
    });
    expect(
      s.issues.byCategory.map((r: { key: string; total: number; open: number }) => [r.key, r.total, r.open]),
    ).toEqual([
      ['labour', 5, 4],
      ['materials', 1, 1],
    ]);
    expect(s.issues.byDepartment.find((r: { key: string }) => r.key === 'rsj')).toMatchObject({
      total: 1,
      answeredOnTime: 1,
      satisfaction: 4,
    });
    expect(s.issues.common).toEqual([expect.objectContaining({ key: 'labour', enterprises: 3, issues: 4 })]);
  });

  it('when read, then the one closed firm (E4) is blocked by labour (2 issues) and materials (1)', async () => {
    const s = await summary();
    expect(s.whyNotReopened).toMatchObject({ closedEnterprises: 1, blockedEnterprises: 1 });
    expect(
      s.whyNotReopened.byCategory.map((r: { key: string; enterprises: number; issues: number }) => [
        r.key,
        r.enterprises,
        r.issues,
      ]),
    ).toEqual([
      ['labour', 1, 2],
      ['materials', 1, 1],
    ]);
  });

  it('when filtered to 兰江街道, then only E2’s answered issue and no blockers remain', async () => {
    const s = await summary({ region: '330281:兰江街道' });
    expect(s.issues).toMatchObject({ total: 1, open: 0, answered: 1 });
    expect(s.whyNotReopened.byCategory).toEqual([]);
  });

  it('when read, then 2 firms have a steward, 1 was not visited in 7 days, S made 1 visit and averages 2.5 over 2 rated call-backs', async () => {
    const s = await summary();
    expect(s.stewards).toMatchObject({
      assignedEnterprises: 2,
      notVisited7d: 1,
      visits: 1,
      activeStewards: 1,
    });
    expect(s.stewards.visitsPerSteward).toEqual([expect.objectContaining({ name: '管家甲', visits: 1 })]);
    expect(s.stewards.callbacks).toEqual({ calls: 3, reached: 2, rated: 2, satisfaction: 2.5 });
    expect(s.stewards.lowRated).toEqual([
      expect.objectContaining({ name: '管家甲', rated: 2, satisfaction: 2.5 }),
    ]);
  });

  it('when the sweep escalates the open issues after their deadlines, then they count as overdue', async () => {
    t.clock.advance(10 * 24 * 3_600_000);
    await t.container.issues.services.sweep.run();
    const s = await summary({ date: '2027-03-02' });
    expect(s.issues.overdue).toBe(5);
    t.clock.advance(-10 * 24 * 3_600_000);
  });
});

describe('dashboard access', () => {
  it('when a worker or a steward asks for the summary or the export, then it is forbidden', async () => {
    const worker = await signInByPhone(t, '13700000001');
    const res = await t.http.get('/api/dashboard/summary').set({ Authorization: `Bearer ${worker.token}` });
    expect(res.status).toBe(403);
    expect(
      (await t.http.get('/api/dashboard/export').set({ Authorization: `Bearer ${worker.token}` })).status,
    ).toBe(403);
    expect((await t.http.get('/api/dashboard/summary')).status).toBe(401);
  });

  it('when the filter is malformed, then the request is refused with a validation error', async () => {
    const res = await t.http.get('/api/dashboard/summary').query({ size: 'huge', days: '99' }).set(auth);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
  });
});
