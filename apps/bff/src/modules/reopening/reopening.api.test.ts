import { startTestApp, type TestApp } from '../../test-support/test-app';
import { createEnterprise, signInAs, type Person } from '../enterprises/testing/fixtures';

let t: TestApp;
let admin: Person;
let liaison: Person;
let otherLiaison: Person;
let firm: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await signInAs(t, ['admin']);
  firm = await createEnterprise(t, admin);
  liaison = await signInAs(t, ['liaison'], { enterpriseId: firm });
  otherLiaison = await signInAs(t, ['liaison'], { enterpriseId: await createEnterprise(t, admin) });
});
afterAll(() => t.close());

const put = (who: Person, body: Record<string, unknown>, id = firm) =>
  t.http.put(`/api/enterprises/${id}/reopening/today`).set(who.auth).send(body);
const good = {
  reopened: true,
  reopenedSince: '2027-02-20',
  staffOnSite: 812,
  staffTotal: 1000,
  capacityPercent: 85,
};

describe('reopening progress report (复工进度直报)', () => {
  it('when a liaison reports twice on the same China day, then there is one report, corrected, with revision 2', async () => {
    t.clock.set(new Date('2027-03-02T23:30:00+08:00'));
    const first = await put(liaison, good);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ day: '2027-03-02', revision: 1, staffOnSite: 812 });
    t.clock.set(new Date('2027-03-02T23:50:00+08:00'));
    const second = await put(liaison, { ...good, staffOnSite: 820 });
    expect(second.body).toMatchObject({
      id: first.body.id,
      day: '2027-03-02',
      revision: 2,
      staffOnSite: 820,
    });
    expect(await t.connection.db!.collection('reopening_reports').countDocuments({ day: '2027-03-02' })).toBe(
      1,
    );
  });

  // 2027: the idempotency keys' TTL index runs on real time, so a ManualClock in the past would expire them at once.
  it('when the same request is retried with the same Idempotency-Key, then the stored answer comes back and nothing changes', async () => {
    t.clock.set(new Date('2027-03-02T23:55:00+08:00'));
    const send = () =>
      t.http
        .put(`/api/enterprises/${firm}/reopening/today`)
        .set(liaison.auth)
        .set('Idempotency-Key', 'reopen-retry-0001')
        .send({ ...good, staffOnSite: 830 });
    const a = await send();
    const b = await send();
    expect(b.body).toEqual(a.body);
    expect(b.headers['idempotent-replayed']).toBe('true');
  });

  it("when midnight passes in China (still the same UTC day), then a new day's report starts and history keeps both, newest first", async () => {
    t.clock.set(new Date('2027-03-03T00:10:00+08:00'));
    const next = await put(liaison, { ...good, staffOnSite: 900 });
    expect(next.body).toMatchObject({ day: '2027-03-03', revision: 1 });
    const history = await t.http.get(`/api/enterprises/${firm}/reopening`).set(liaison.auth);
    expect(history.body.items.map((r: { day: string }) => r.day)).toEqual(['2027-03-03', '2027-03-02']);
    expect((await t.http.get(`/api/enterprises/${firm}/reopening`).set(admin.auth)).status).toBe(200);
  });

  it('when staff on site exceeds the total, the capacity is over 100 % or the reopening date is in the future, then 400 with the field and nothing written', async () => {
    t.clock.set(new Date('2027-03-04T09:00:00+08:00'));
    const r1 = await put(liaison, { ...good, staffOnSite: 1001 });
    expect(r1.status).toBe(400);
    expect(r1.body.error.details[0].path).toBe('staffOnSite');
    expect((await put(liaison, { ...good, capacityPercent: 120 })).body.error.details[0].path).toBe(
      'capacityPercent',
    );
    const r3 = await put(liaison, { ...good, reopenedSince: '2027-03-05' });
    expect(r3.status).toBe(400);
    expect(r3.body.error.details[0].path).toBe('reopenedSince');
    expect(await t.connection.db!.collection('reopening_reports').countDocuments({ day: '2027-03-04' })).toBe(
      0,
    );
  });

  it('when a liaison reports or reads for another enterprise, then 403', async () => {
    expect((await put(otherLiaison, good)).status).toBe(403);
    expect((await t.http.get(`/api/enterprises/${firm}/reopening`).set(otherLiaison.auth)).status).toBe(403);
  });
});
