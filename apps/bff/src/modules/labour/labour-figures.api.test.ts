import { startTestApp, type TestApp } from '../../test-support/test-app';
import { enterprise, person, type Person } from '../bookings/test/fixtures';
import { vacancyBody } from './testing/fixtures';
import { signInAs } from '../enterprises/testing/fixtures';

let t: TestApp;
let liaisonA: Person;
let liaisonB: Person;
let rsj: { id: string; auth: Record<string, string> };

const vacancy = (over: Record<string, unknown> = {}) => vacancyBody({ headcount: 4, ...over });
const post = async (who: Person, body: object) => {
  const r = await t.http.post('/api/labour/vacancies').set(who.auth).send(body);
  if (r.status !== 201) throw new Error(JSON.stringify(r.body));
  return r.body.id as string;
};
const edit = (who: Person, id: string, body: object) =>
  t.http.put(`/api/labour/vacancies/${id}`).set(who.auth).send(body);

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(new Date('2026-03-06T10:00:00+08:00'));
  liaisonA = await person(t, ['liaison'], await enterprise(t, '余姚舜宇光学'));
  liaisonB = await person(t, ['liaison'], await enterprise(t, '宁波另一家'));
  rsj = await signInAs(t, ['officer'], { departmentId: 'rsj' });
}, 60_000);
afterAll(() => t.close());

describe('editing a vacancy', () => {
  it('when the firm raises the wage, then searches by that wage find it and its 7-day freshness restarts', async () => {
    const id = await post(liaisonA, vacancy());
    t.clock.advance(6 * 86_400_000);
    const r = await edit(liaisonA, id, vacancy({ wageMax: 7000, requirements: '能上夜班' }));
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ wageMax: 7000, requirements: '能上夜班', stale: false });
    t.clock.advance(2 * 86_400_000);
    const found = await t.http.get('/api/labour/vacancies').query({ wage: 6800 }).set(liaisonB.auth);
    expect(found.body.items.map((v: { id: string }) => v.id)).toEqual([id]);
  }, 60_000);

  it('when another firm edits, or the wage range is reversed, or it names an owner, then it is refused and unchanged', async () => {
    const id = await post(liaisonA, vacancy());
    expect((await edit(liaisonB, id, vacancy({ wageMax: 9000 }))).status).toBe(404);
    const reversed = await edit(liaisonA, id, vacancy({ wageMin: 8000, wageMax: 7000 }));
    expect(reversed.status).toBe(400);
    const owner = await edit(liaisonA, id, { ...vacancy(), enterpriseId: id });
    expect(owner.status).toBe(400);
    const now = await t.http.get(`/api/labour/vacancies/${id}`).set(liaisonA.auth);
    expect(now.body).toMatchObject({ wageMin: 4500, wageMax: 6000 });
  }, 60_000);

  it('when a withdrawn vacancy is edited, then INVALID_TRANSITION and it stays withdrawn', async () => {
    const id = await post(liaisonA, vacancy());
    await t.http.post(`/api/labour/vacancies/${id}/withdraw`).set(liaisonA.auth).send({});
    const r = await edit(liaisonA, id, vacancy({ headcount: 9 }));
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('INVALID_TRANSITION');
    expect((await t.http.get(`/api/labour/vacancies/${id}`).set(liaisonA.auth)).body.status).toBe(
      'withdrawn',
    );
  }, 60_000);
});

describe('用工缺口 figures', () => {
  it('when 人社局 opens the figures, then it sees open places by industry and by region (named, with its code) and the firm lacking most first', async () => {
    await post(liaisonB, vacancy({ industry: '纺织业', headcount: 30 }));
    const r = await t.http.get('/api/labour/figures').set(rsj.auth);
    expect(r.status).toBe(200);
    expect(r.body.shortage[0]).toMatchObject({ enterpriseName: '宁波另一家', gap: 30 });
    const textile = r.body.byIndustry.find((g: { industry: string }) => g.industry === '纺织业');
    expect(textile).toMatchObject({ open: 1, headcount: 30, filled: 0 });
    expect(r.body.byRegion).toEqual([
      expect.objectContaining({ regionCode: '330281', regionName: '余姚市' }),
    ]);
    expect(r.body.vacancies.withdrawn).toBe(1);
  }, 60_000);

  it('when an officer of another department or a liaison asks for the figures, then 403', async () => {
    const jtj = await signInAs(t, ['officer'], { departmentId: 'jtj' });
    expect((await t.http.get('/api/labour/figures').set(jtj.auth)).status).toBe(403);
    expect((await t.http.get('/api/labour/figures').set(liaisonA.auth)).status).toBe(403);
  }, 60_000);
});

describe('the firms a firm-side person posts for', () => {
  it('when an agency serves two firms, then it lists both by name; a liaison only their own', async () => {
    const agency = await person(t, ['hr_agency']);
    const a = await enterprise(t, '慈溪电器厂');
    const b = await enterprise(t, '余姚模具厂');
    await t.container.labour.repos.agencies.grant(agency.id, '人力公司', [a, b], rsj.id, t.clock.now());
    const mine = await t.http.get('/api/labour/firms').set(agency.auth);
    expect(mine.body.items.map((f: { name: string }) => f.name).sort()).toEqual(['余姚模具厂', '慈溪电器厂']);
    const own = await t.http.get('/api/labour/firms').set(liaisonA.auth);
    expect(own.body.items.map((f: { name: string }) => f.name)).toEqual(['余姚舜宇光学']);
  }, 60_000);
});
