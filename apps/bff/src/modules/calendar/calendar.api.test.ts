import { startTestApp, type TestApp } from '../../test-support/test-app';
import { assign, createEnterprise, signInAs, type Person } from '../enterprises/testing/fixtures';

let t: TestApp;
let admin: Person;
let officer: Person;
let liaison: Person;
let steward: Person;
let firm: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await signInAs(t, ['admin']);
  firm = await createEnterprise(t, admin);
  liaison = await signInAs(t, ['liaison'], { enterpriseId: firm });
  steward = await signInAs(t, ['steward']);
  await assign(t, admin, firm, steward.id);
  officer = await signInAs(t, ['officer'], { departmentId: 'rsj' });
});
afterAll(() => t.close());

/** Reports, accepts and dispatches an issue at `when`; returns its progress deadline. */
async function dispatchedAt(when: string): Promise<string> {
  t.clock.set(new Date(when));
  const created = await t.http
    .post('/api/issues')
    .set(liaison.auth)
    .send({ enterpriseId: firm, category: 'labour', urgency: 'normal', description: '缺少熟练工 40 人' });
  const id = created.body.id as string;
  await t.http.post(`/api/issues/${id}/accept`).set(steward.auth).send({});
  const res = await t.http
    .post(`/api/issues/${id}/dispatch`)
    .set(steward.auth)
    .send({ departmentCode: 'rsj' });
  expect(res.status).toBe(200);
  return res.body.clocks.progress.dueAt as string;
}

describe('working-day calendar in the BFF', () => {
  it('when anyone signed in asks, then the data source and last covered year are shown', async () => {
    const res = await t.http.get('/api/calendar').set(officer.auth);
    expect(res.status).toBe(200);
    expect(res.body.source).toMatch(/^chinese-days@/);
    expect(res.body.lastCoveredYear).toBeGreaterThanOrEqual(2026);
    expect(res.body.overrides).toEqual([]);
  });

  it('when an issue is dispatched the day before 国庆 2020, then its deadline skips the holiday week', async () => {
    expect(await dispatchedAt('2020-09-30T10:00:00+08:00')).toBe(
      new Date('2020-10-12T10:00:00+08:00').toISOString(),
    );
  });

  it('when the command sets 2020-02-03…02-08 as local holidays (不早于 2 月 9 日复工), then a deadline set on 02-03 counts from 02-10; with 02-03 given back, 02-03 counts and 02-04…08 do not', async () => {
    const set = await t.http.post('/api/calendar/overrides').set(admin.auth).send({
      from: '2020-02-03',
      to: '2020-02-08',
      kind: 'holiday',
      note: '省指挥部：企业复工不早于 2 月 9 日',
    });
    expect(set.status).toBe(200);
    expect(set.body.overrides).toHaveLength(6);
    expect(await dispatchedAt('2020-02-03T09:00:00+08:00')).toBe(
      new Date('2020-02-13T00:00:00+08:00').toISOString(),
    );
    const removed = await t.http.delete('/api/calendar/overrides/2020-02-03').set(admin.auth);
    expect(removed.body.overrides).toHaveLength(5);
    expect(await dispatchedAt('2020-02-03T09:00:00+08:00')).toBe(
      new Date('2020-02-12T09:00:00+08:00').toISOString(),
    );
  });

  it('when an officer tries to set a local day, or the range is reversed, then 403 / 400 and nothing is stored', async () => {
    const body = { from: '2020-03-02', to: '2020-03-02', kind: 'holiday', note: '试' };
    expect((await t.http.post('/api/calendar/overrides').set(officer.auth).send(body)).status).toBe(403);
    const bad = await t.http
      .post('/api/calendar/overrides')
      .set(admin.auth)
      .send({ ...body, from: '2020-03-05' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('to');
    expect((await t.http.get('/api/calendar').set(admin.auth)).body.overrides).toHaveLength(5);
  });
});
