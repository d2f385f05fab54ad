import { startTestApp, type TestApp } from '../../test-support/test-app';
import { enterprise, greenWorker, person, type Person } from '../bookings/test/fixtures';
import { idNumber } from '../freight-passes/testing/fixtures';
import { seekerBody, vacancyBody } from './testing/fixtures';

let t: TestApp;
let liaisonA: Person;
let liaisonB: Person;
let consenting: Person;
let private_: Person;
let vacancyId: string;
const ids = new Map<Person, string>();

async function register(w: Person, name: string, showPassColour: boolean) {
  const number = idNumber();
  const body = seekerBody({ name, idNumber: number, showPassColour });
  const r = await t.http.put('/api/labour/seeker').set(w.auth).send(body);
  if (r.status !== 200) throw new Error(JSON.stringify(r.body));
  ids.set(w, number);
}
const candidates = (who: Person, id = vacancyId) =>
  t.http.get('/api/labour/seekers').query({ vacancyId: id }).set(who.auth);

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(new Date('2026-03-06T10:00:00+08:00'));
  liaisonA = await person(t, ['liaison'], await enterprise(t, '余姚舜宇光学'));
  liaisonB = await person(t, ['liaison'], await enterprise(t, '宁波另一家'));
  // Checked in green today, and agreed to show it to employers.
  consenting = await greenWorker(t);
  await register(consenting, '李春燕', true);
  private_ = await greenWorker(t);
  await register(private_, '王建国', false);
  const v = await t.http.post('/api/labour/vacancies').set(liaisonA.auth).send(vacancyBody());
  if (v.status !== 201) throw new Error(JSON.stringify(v.body));
  vacancyId = v.body.id;
}, 60_000);
afterAll(() => t.close());

describe('matching candidates for a firm’s vacancy', () => {
  it('when the liaison opens their vacancy’s candidates, then names are masked, no ID number or phone is anywhere, and the pass colour shows only with consent', async () => {
    const r = await candidates(liaisonA);
    expect(r.status).toBe(200);
    const byName = new Map(r.body.items.map((c: { displayName: string }) => [c.displayName, c]));
    expect(byName.get('李**')).toMatchObject({ passColour: 'green', applied: false, expectedWage: 5000 });
    expect(byName.get('王**')).toMatchObject({ passColour: null, applied: false });
    for (const w of [consenting, private_]) {
      expect(r.text).not.toContain(ids.get(w)!);
      expect(r.text).not.toContain(w.phone);
    }
    expect(r.text).not.toContain('春燕');
  }, 60_000);

  it('when a candidate applies, then the list marks them applied but still shows no phone (that is read, audited, on the application)', async () => {
    const a = await t.http.post('/api/labour/applications').set(private_.auth).send({ vacancyId });
    expect(a.status).toBe(201);
    const r = await candidates(liaisonA);
    const wang = r.body.items.find((c: { displayName: string }) => c.displayName === '王**');
    expect(wang).toMatchObject({ applied: true, passColour: null });
    expect(r.text).not.toContain(private_.phone);
  }, 60_000);

  it('when another firm’s liaison asks for this vacancy’s candidates, then 404 and nothing about the seekers', async () => {
    const r = await candidates(liaisonB);
    expect(r.status).toBe(404);
    expect(r.text).not.toContain('**');
  }, 60_000);

  it('when a worker asks, then 403; when the vacancy id is not an id, then 400 with a Chinese message', async () => {
    expect((await candidates(consenting)).status).toBe(403);
    const bad = await candidates(liaisonA, 'not-an-id');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_ERROR');
    expect(bad.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
  }, 60_000);
});
