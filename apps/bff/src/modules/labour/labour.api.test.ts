import { startTestApp, type TestApp } from '../../test-support/test-app';
import { enterprise, person, type Person } from '../bookings/test/fixtures';
import { seekerBody, vacancyBody } from './testing/fixtures';
import { signInAs } from '../enterprises/testing/fixtures';

let t: TestApp;
let firmA: string;
let liaisonA: Person;
let liaisonB: Person;

const vacancy = vacancyBody;
const count = (c: string) => t.connection.db!.collection(c).countDocuments();

async function post(who: Person, body: unknown) {
  return t.http
    .post('/api/labour/vacancies')
    .set(who.auth)
    .send(body as object);
}
async function seeker(): Promise<Person> {
  const w = await person(t, ['worker']);
  const r = await t.http.put('/api/labour/seeker').set(w.auth).send(seekerBody());
  if (r.status !== 200) throw new Error(JSON.stringify(r.body));
  return w;
}
const step = (who: Person, id: string, name: string, body: object = {}) =>
  t.http.post(`/api/labour/applications/${id}/${name}`).set(who.auth).send(body);
const interview = () => ({
  mode: 'video',
  at: new Date(t.clock.now().getTime() + 86_400_000).toISOString(),
  link: 'https://meeting.example.cn/r/1',
});
const offer = { startDay: '2026-03-20', contractMonths: 12, socialInsurance: true, wage: 5200 };

/** Applies and walks an application to the offered state; returns its id. */
async function offered(w: Person, vacancyId: string): Promise<string> {
  const a = await t.http.post('/api/labour/applications').set(w.auth).send({ vacancyId });
  if (a.status !== 201) throw new Error(JSON.stringify(a.body));
  for (const [name, body] of [
    ['shortlist', {}],
    ['interview', interview()],
    ['offer', offer],
  ] as const) {
    const r = await step(liaisonA, a.body.id, name, body);
    if (r.status !== 200) throw new Error(`${name}: ${JSON.stringify(r.body)}`);
  }
  return a.body.id;
}

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(new Date('2026-03-06T10:00:00+08:00'));
  firmA = await enterprise(t, '余姚舜宇光学');
  liaisonA = await person(t, ['liaison'], firmA);
  liaisonB = await person(t, ['liaison'], await enterprise(t, '宁波另一家'));
}, 60_000);
afterAll(() => t.close());

describe('posting vacancies', () => {
  it('when the wage range is reversed, a wage is not an integer, or the region code does not exist, then 400 and nothing is stored', async () => {
    for (const bad of [
      vacancy({ wageMin: 7000, wageMax: 6000 }),
      vacancy({ wageMin: 4500.5 }),
      vacancy({ place: { regionCode: '339999', address: '不存在的县', point: { lng: 121, lat: 30 } } }),
      vacancy({ place: { regionCode: '330281', address: '经纬度颠倒', point: { lng: 30, lat: 121 } } }),
    ]) {
      const r = await post(liaisonA, bad);
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('VALIDATION_ERROR');
    }
    expect(await count('labour_vacancies')).toBe(0);
  }, 60_000);

  it('when a worker tries to post, then 403; when a liaison names another firm, then 403; nothing is stored', async () => {
    const w = await person(t, ['worker']);
    expect((await post(w, vacancy())).status).toBe(403);
    const other = await post(liaisonB, vacancy({ enterpriseId: firmA }));
    expect(other.status).toBe(403);
    expect(await count('labour_vacancies')).toBe(0);
  }, 60_000);
});

describe('search', () => {
  it('finds by Chinese keyword, nearest first, 农民工专区, and hides vacancies unconfirmed for 7 days', async () => {
    const near = await post(liaisonA, vacancy());
    const far = await post(
      liaisonA,
      vacancy({
        position: '注塑技工',
        certificateRequired: true,
        place: { regionCode: '330205', address: '宁波市江北区', point: { lng: 121.55, lat: 29.9 } },
      }),
    );
    expect([near.status, far.status]).toEqual([201, 201]);
    const byPoint = await t.http
      .get('/api/labour/vacancies')
      .query({ near: '121.15,30.04' })
      .set(liaisonB.auth);
    expect(byPoint.body.items.map((v: { id: string }) => v.id)).toEqual([near.body.id, far.body.id]);
    expect(byPoint.body.items[0].distanceM).toBeLessThan(100);
    const kw = await t.http.get('/api/labour/vacancies').query({ keyword: '普工' }).set(liaisonB.auth);
    expect(kw.body.items.map((v: { id: string }) => v.id)).toEqual([near.body.id]);
    const zone = await t.http
      .get('/api/labour/vacancies')
      .query({ noCertificate: 'true' })
      .set(liaisonB.auth);
    expect(zone.body.items.map((v: { id: string }) => v.id)).toEqual([near.body.id]);
    t.clock.advance(7 * 86_400_000);
    const stale = await t.http.get('/api/labour/vacancies').set(liaisonB.auth);
    expect(stale.body.items).toEqual([]);
    const mine = await t.http.get('/api/labour/vacancies/mine').set(liaisonA.auth);
    expect(mine.body.items.every((v: { stale: boolean }) => v.stale)).toBe(true);
    // Confirming brings it back.
    await t.http.post(`/api/labour/vacancies/${near.body.id}/confirm`).set(liaisonA.auth).send({});
    await t.http.post(`/api/labour/vacancies/${far.body.id}/withdraw`).set(liaisonA.auth).send({});
    const again = await t.http.get('/api/labour/vacancies').set(liaisonB.auth);
    expect(again.body.items.map((v: { id: string }) => v.id)).toEqual([near.body.id]);
  }, 60_000);
});

describe('先寻岗、再定岗、后到岗', () => {
  it('walks apply → offer → accept (定岗) → 到岗 with a timeline both sides see; scope and refusals hold', async () => {
    const v = await post(liaisonA, vacancy({ headcount: 1 }));
    const w = await seeker();
    const id = await offered(w, v.body.id);
    // Another firm's liaison sees nothing of it.
    expect((await t.http.get(`/api/labour/applications/${id}`).set(liaisonB.auth)).status).toBe(404);
    expect((await t.http.get('/api/labour/applications').set(liaisonB.auth)).body.items).toEqual([]);
    // The firm may not accept for the worker.
    expect((await step(liaisonA, id, 'accept')).status).toBe(403);
    // A second offer for the only place is refused.
    const w2 = await seeker();
    const a2 = await t.http.post('/api/labour/applications').set(w2.auth).send({ vacancyId: v.body.id });
    await step(liaisonA, a2.body.id, 'shortlist');
    await step(liaisonA, a2.body.id, 'interview', interview());
    const second = await step(liaisonA, a2.body.id, 'offer', offer);
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('VACANCY_FULL');
    const accepted = await step(w, id, 'accept');
    expect(accepted.status).toBe(200);
    expect(accepted.body.employment).toMatchObject({
      enterpriseId: firmA,
      startDay: '2026-03-20',
      contractMonths: 12,
      socialInsurance: true,
    });
    expect((await t.http.get(`/api/labour/vacancies/${v.body.id}`).set(w.auth)).body).toMatchObject({
      filled: 1,
      status: 'full',
    });
    expect(
      (await t.http.get('/api/labour/hires/awaiting-transport').set(liaisonA.auth)).body.items,
    ).toHaveLength(1);
    expect((await t.http.get(`/api/labour/applications/${id}/way-there`).set(w.auth)).body).toMatchObject({
      charterBus: true,
      trips: [],
    });
    const arrived = await step(liaisonA, id, 'arrive');
    expect(arrived.body.status).toBe('arrived');
    const seen = await t.http.get(`/api/labour/applications/${id}`).set(w.auth);
    expect(seen.body.timeline.map((e: { status: string }) => e.status)).toEqual([
      'applied',
      'shortlisted',
      'interview',
      'offered',
      'accepted',
      'arrived',
    ]);
    expect(seen.body.applicant.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
  }, 120_000);

  it('when a vacancy is withdrawn, then applying is refused with VACANCY_CLOSED and nothing is written', async () => {
    const v = await post(liaisonA, vacancy());
    await t.http.post(`/api/labour/vacancies/${v.body.id}/withdraw`).set(liaisonA.auth).send({});
    const w = await seeker();
    const before = await count('labour_applications');
    const r = await t.http.post('/api/labour/applications').set(w.auth).send({ vacancyId: v.body.id });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('VACANCY_CLOSED');
    expect(await count('labour_applications')).toBe(before);
  }, 60_000);

  it('when a firm withdraws a vacancy it had hired for, then 用工缺口 counts neither its places nor its hires', async () => {
    const rsj = await signInAs(t, ['officer'], { departmentId: 'rsj' });
    const figures = async () => (await t.http.get('/api/labour/figures').set(rsj.auth)).body;
    const industryOf = (f: { byIndustry: { industry: string; headcount: number; filled: number }[] }) =>
      f.byIndustry.find((g) => g.industry === '电子元件制造') ?? { headcount: 0, filled: 0 };
    const before = await figures();
    const v = await post(liaisonA, vacancy({ headcount: 3, industry: '电子元件制造' }));
    const w = await seeker();
    expect((await step(w, await offered(w, v.body.id), 'accept')).status).toBe(200);
    const hired = await figures();
    expect(hired.vacancies).toMatchObject({
      headcount: before.vacancies.headcount + 3,
      filled: before.vacancies.filled + 1,
    });
    await t.http.post(`/api/labour/vacancies/${v.body.id}/withdraw`).set(liaisonA.auth).send({});
    const after = await figures();
    expect(after.vacancies).toMatchObject({
      headcount: before.vacancies.headcount,
      filled: before.vacancies.filled,
      withdrawn: before.vacancies.withdrawn + 1,
    });
    expect(industryOf(after)).toMatchObject({
      headcount: industryOf(before).headcount,
      filled: industryOf(before).filled,
    });
    // The hire itself stands: the worker was taken on before the vacancy closed.
    expect(after.hires).toBe(hired.hires);
  }, 120_000);

  it('when many seekers accept offers for the last places at once, then exactly headcount are hired', async () => {
    const v = await post(liaisonA, vacancy({ headcount: 6 }));
    const workers = await Promise.all(Array.from({ length: 6 }, () => seeker()));
    const ids: string[] = [];
    for (const w of workers) ids.push(await offered(w, v.body.id));
    // The firm cuts headcount to 2 after the offers went out: six offers, two places.
    expect(
      (
        await t.http
          .post(`/api/labour/vacancies/${v.body.id}/confirm`)
          .set(liaisonA.auth)
          .send({ headcount: 2 })
      ).status,
    ).toBe(200);
    const answers = await Promise.all(workers.map((w, i) => step(w, ids[i], 'accept')));
    expect(answers.filter((r) => r.status === 200)).toHaveLength(2);
    expect(answers.filter((r) => r.status === 409).every((r) => r.body.error.code === 'VACANCY_FULL')).toBe(
      true,
    );
    const after = await t.http.get(`/api/labour/vacancies/${v.body.id}`).set(liaisonA.auth);
    expect(after.body).toMatchObject({ filled: 2, status: 'full' });
  }, 180_000);
});
