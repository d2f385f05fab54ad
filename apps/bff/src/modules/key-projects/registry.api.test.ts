import { startTestApp, type TestApp } from '../../test-support/test-app';
import { as, countOf, firm, officerOf, projectBody, registered, type Person } from './testing/fixtures';

let t: TestApp;
let fgw: Person;
let steward: Person;
let contact: Person;
let firmA: string;
let firmB: string;
let liaisonA: Person;
let liaisonB: Person;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(new Date('2026-03-10T10:00:00+08:00')); // a Tuesday
  fgw = await officerOf(t, 'fgw');
  steward = await as(t, ['steward']);
  contact = await officerOf(t, 'rsj');
  firmA = await firm(t);
  firmB = await firm(t);
  liaisonA = await as(t, ['liaison'], firmA);
  liaisonB = await as(t, ['liaison'], firmB);
}, 60_000);
afterAll(() => t.close());

describe('registering a key project', () => {
  it('when 发改委 registers one, then it is stored with its owner, level, kind, 代办负责人, 联络员 and 序时进度表', async () => {
    const res = await t.http
      .post('/api/key-projects')
      .set(fgw.auth)
      .send(projectBody(firmA, steward.id, contact.id));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      enterpriseId: firmA,
      level: 'city',
      kind: 'construction',
      investmentWan: 86000,
      agent: { id: steward.id },
      contact: { id: contact.id },
      resumed: false,
      lastReportWeek: null,
    });
    expect(res.body.milestones.map((m: { title: string }) => m.title)).toEqual(['施工许可', '主体封顶']);
  });

  it('when a liaison or an officer of another department registers one, then 403 and nothing is stored', async () => {
    const before = await countOf(t, 'key_projects');
    const rsj = await officerOf(t, 'rsj');
    for (const who of [liaisonA, rsj]) {
      const res = await t.http
        .post('/api/key-projects')
        .set(who.auth)
        .send(projectBody(firmA, steward.id, contact.id));
      expect(res.status).toBe(403);
    }
    expect(await countOf(t, 'key_projects')).toBe(before);
  });

  it.each([
    ['an impossible planned day', { milestones: [{ title: '施工许可', plannedDate: '2026-02-30' }] }],
    ['a level that does not exist', { level: 'national' }],
    ['a negative investment', { investmentWan: -5 }],
    ['a region code that is not 6 digits', { regionCode: '3302' }],
    ['an unknown field', { owner: 'x' }],
  ])('when the body has %s, then 400 with a code and nothing is stored', async (_what, over) => {
    const before = await countOf(t, 'key_projects');
    const res = await t.http
      .post('/api/key-projects')
      .set(fgw.auth)
      .send(projectBody(firmA, steward.id, contact.id, over));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(await countOf(t, 'key_projects')).toBe(before);
  });

  it('when the 代办负责人 is a worker account, or the owner firm does not exist, then refused and nothing stored', async () => {
    const before = await countOf(t, 'key_projects');
    const worker = await as(t, ['worker']);
    const notStaff = await t.http
      .post('/api/key-projects')
      .set(fgw.auth)
      .send(projectBody(firmA, worker.id, contact.id));
    expect(notStaff.status).toBe(400);
    expect(notStaff.body.error.details[0].path).toBe('agentId');
    const noFirm = await t.http
      .post('/api/key-projects')
      .set(fgw.auth)
      .send(projectBody('0123456789abcdef01234567', steward.id, contact.id));
    expect(noFirm.status).toBe(404);
    expect(await countOf(t, 'key_projects')).toBe(before);
  });
});

describe('who sees which project', () => {
  it('when firm A and firm B each have a project, then each liaison lists and opens only its own; the other is 404', async () => {
    const a = await registered(t, fgw, projectBody(firmA, steward.id, contact.id, { name: '甲企业项目' }));
    const b = await registered(t, fgw, projectBody(firmB, contact.id, contact.id, { name: '乙企业项目' }));
    const listA = await t.http.get('/api/key-projects').set(liaisonA.auth);
    const ids = listA.body.items.map((p: { id: string }) => p.id);
    expect(ids).toContain(a.id);
    expect(ids).not.toContain(b.id);
    expect((await t.http.get(`/api/key-projects/${b.id}`).set(liaisonA.auth)).status).toBe(404);
    expect((await t.http.get(`/api/key-projects/${b.id}`).set(liaisonB.auth)).status).toBe(200);
  });

  it('when the 代办负责人 lists, then they see the projects they serve and not others; 发改委 sees all, filtered by level', async () => {
    const mine = await registered(t, fgw, projectBody(firmB, steward.id, contact.id, { level: 'province' }));
    const other = await registered(t, fgw, projectBody(firmB, contact.id, contact.id, { level: 'county' }));
    const agentList = (await t.http.get('/api/key-projects').set(steward.auth)).body.items.map(
      (p: { id: string }) => p.id,
    );
    expect(agentList).toContain(mine.id);
    expect(agentList).not.toContain(other.id);
    const province = await t.http.get('/api/key-projects?level=province').set(fgw.auth);
    expect(province.body.items.every((p: { level: string }) => p.level === 'province')).toBe(true);
    expect(province.body.items.map((p: { id: string }) => p.id)).toContain(mine.id);
  });
});
