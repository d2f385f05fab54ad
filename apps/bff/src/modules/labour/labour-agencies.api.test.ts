import { startTestApp, type TestApp } from '../../test-support/test-app';
import { enterprise, person, type Person } from '../bookings/test/fixtures';
import { signInAs } from '../enterprises/testing/fixtures';
import { vacancyBody } from './testing/fixtures';

let t: TestApp;
let rsj: { id: string; auth: Record<string, string> };
let agency: Person;
let firmA: string;
let firmB: string;

beforeAll(async () => {
  t = await startTestApp();
  rsj = await signInAs(t, ['officer'], { departmentId: 'rsj' });
  agency = await person(t, ['hr_agency']);
  firmA = await enterprise(t, '余姚电器厂');
  firmB = await enterprise(t, '慈溪模具厂');
}, 60_000);
afterAll(() => t.close());

const grant = (who: { auth: Record<string, string> }, userId: string, body: object) =>
  t.http.put(`/api/labour/agencies/${userId}`).set(who.auth).send(body);
const postFor = (enterpriseId: string) =>
  t.http.post('/api/labour/vacancies').set(agency.auth).send(vacancyBody({ enterpriseId }));

describe('人社局 names the firms an HR service agency acts for', () => {
  it('when 人社局 names two firms, then the agency posts for both; naming only one later takes the other away; each grant is audited', async () => {
    expect((await postFor(firmA)).status).toBe(403);
    const first = await grant(rsj, agency.id, {
      name: '余姚人力资源服务公司',
      enterpriseIds: [firmA, firmB],
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ userId: agency.id, name: '余姚人力资源服务公司' });
    expect([...first.body.enterpriseIds].sort()).toEqual([firmA, firmB].sort());
    expect((await postFor(firmA)).status).toBe(201);
    expect((await postFor(firmB)).status).toBe(201);

    const narrowed = await grant(rsj, agency.id, { name: '余姚人力资源服务公司', enterpriseIds: [firmA] });
    expect(narrowed.body.enterpriseIds).toEqual([firmA]);
    expect((await postFor(firmB)).status).toBe(403);
    const firms = await t.http.get('/api/labour/firms').set(agency.auth);
    expect(firms.body.items.map((f: { name: string }) => f.name)).toEqual(['余姚电器厂']);

    const audit = await t.container.repos.audit.listForSubject('user', agency.id);
    expect(audit.filter((a) => a.action === 'labour.agency.grant')).toHaveLength(2);
  }, 60_000);

  it('when the account is no agency, a firm does not exist, a firm is named twice or another department asks, then it is refused and nothing changes', async () => {
    expect(
      (await grant(rsj, agency.id, { name: '余姚人力资源服务公司', enterpriseIds: [firmA] })).status,
    ).toBe(200);
    const plain = await person(t, ['worker']);
    const notAgency = await grant(rsj, plain.id, { name: '某人力公司', enterpriseIds: [firmA] });
    expect(notAgency.status).toBe(422);
    expect(notAgency.body.error.message).toContain('请先由指挥部授予角色');
    const ghost = await grant(rsj, agency.id, {
      name: '余姚人力资源服务公司',
      enterpriseIds: ['0'.repeat(24)],
    });
    expect(ghost.status).toBe(404);
    const twice = await grant(rsj, agency.id, {
      name: '余姚人力资源服务公司',
      enterpriseIds: [firmB, firmB],
    });
    expect(twice.status).toBe(400);
    expect(twice.body.error.details[0]).toMatchObject({ path: 'enterpriseIds' });
    const jtj = await signInAs(t, ['officer'], { departmentId: 'jtj' });
    expect(
      (await grant(jtj, agency.id, { name: '余姚人力资源服务公司', enterpriseIds: [firmB] })).status,
    ).toBe(403);
    expect((await grant(rsj, '0'.repeat(24), { name: '某人力公司', enterpriseIds: [firmA] })).status).toBe(
      404,
    );
    const firms = await t.http.get('/api/labour/firms').set(agency.auth);
    expect(firms.body.items.map((f: { name: string }) => f.name)).toEqual(['余姚电器厂']);
  }, 60_000);
});

describe('人社局 finds the agency account by phone', () => {
  it('when 人社局 types the agency’s phone, then it gets the account with the phone masked and the firms it serves by name', async () => {
    await grant(rsj, agency.id, { name: '余姚人力资源服务公司', enterpriseIds: [firmA] });
    const r = await t.http.get('/api/labour/agencies').query({ phone: agency.phone }).set(rsj.auth);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      userId: agency.id,
      phoneMasked: `${agency.phone.slice(0, 3)}****${agency.phone.slice(7)}`,
      isAgency: true,
      name: '余姚人力资源服务公司',
      enterprises: [{ id: firmA, name: '余姚电器厂' }],
    });
  }, 60_000);

  it('when the phone has no account, is malformed, or another department looks, then 404, 400 and 403', async () => {
    const none = await t.http.get('/api/labour/agencies').query({ phone: '13700000999' }).set(rsj.auth);
    expect(none.status).toBe(404);
    const bad = await t.http.get('/api/labour/agencies').query({ phone: '123' }).set(rsj.auth);
    expect(bad.status).toBe(400);
    const jtj = await signInAs(t, ['officer'], { departmentId: 'jtj' });
    const other = await t.http.get('/api/labour/agencies').query({ phone: agency.phone }).set(jtj.auth);
    expect(other.status).toBe(403);
  }, 60_000);

  it('when a plain worker’s phone is looked up, then the account says it is not an agency yet', async () => {
    const plain = await person(t, ['worker']);
    const r = await t.http.get('/api/labour/agencies').query({ phone: plain.phone }).set(rsj.auth);
    expect(r.body).toMatchObject({ userId: plain.id, isAgency: false, name: null, enterprises: [] });
  }, 60_000);
});
