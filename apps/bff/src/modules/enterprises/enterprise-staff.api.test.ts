import { startTestApp, type TestApp } from '../../test-support/test-app';
import { createEnterprise, signInAs, type Person } from './testing/fixtures';

let t: TestApp;
let firmA: string;
let firmB: string;
let liaisonA: Person;
let staffA: Person;
let staffB: Person;

beforeAll(async () => {
  t = await startTestApp();
  const admin = await signInAs(t, ['admin']);
  firmA = await createEnterprise(t, admin);
  firmB = await createEnterprise(t, admin);
  liaisonA = await signInAs(t, ['liaison'], { enterpriseId: firmA, name: '联络员甲' });
  staffA = await signInAs(t, ['worker'], { enterpriseId: firmA, name: '张建国' });
  staffB = await signInAs(t, ['worker'], { enterpriseId: firmB, name: '李四' });
});
afterAll(() => t.close());

describe('an enterprise’s staff list (liaison books seats for named staff)', () => {
  it('when the liaison asks for their own firm, then its people are listed by id and name only', async () => {
    const res = await t.http.get(`/api/enterprises/${firmA}/staff`).set(liaisonA.auth);
    expect(res.status).toBe(200);
    const ids = res.body.items.map((p: { id: string }) => p.id);
    expect(ids).toEqual(expect.arrayContaining([staffA.id, liaisonA.id]));
    expect(ids).not.toContain(staffB.id);
    expect(res.body.items.find((p: { id: string }) => p.id === staffA.id)).toEqual({
      id: staffA.id,
      name: '张建国',
    });
  });

  it('when the liaison asks for another firm, then 403 and no names', async () => {
    const res = await t.http.get(`/api/enterprises/${firmB}/staff`).set(liaisonA.auth);
    expect(res.status).toBe(403);
    expect(res.text).not.toContain('李四');
  });

  it('when a worker asks, then 403 (only liaisons book for staff)', async () => {
    const res = await t.http.get(`/api/enterprises/${firmA}/staff`).set(staffA.auth);
    expect(res.status).toBe(403);
  });
});
