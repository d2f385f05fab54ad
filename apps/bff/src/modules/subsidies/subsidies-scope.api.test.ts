import { startTestApp, type TestApp } from '../../test-support/test-app';
import { createEnterprise, creditCode, signInAs, type Person } from '../enterprises/testing/fixtures';
import { csv, hires, importFacts, listAction, ROSTER_HEADER, runPolicy } from './testing/fixtures';

let t: TestApp;
let admin: Person;
let rsj: Person;
let czj: Person;
let jtj: Person;
let liaisonA: Person;
let liaisonB: Person;
let worker: Person;
let listId: string;
let lineA: string;
const codeA = creditCode(730_001);
const codeB = creditCode(730_002);

beforeAll(async () => {
  t = await startTestApp();
  admin = await signInAs(t, ['admin']);
  const firmA = await createEnterprise(t, admin, { creditCode: codeA });
  const firmB = await createEnterprise(t, admin, { creditCode: codeB });
  rsj = await signInAs(t, ['officer'], { departmentId: 'rsj' });
  czj = await signInAs(t, ['officer'], { departmentId: 'czj' });
  jtj = await signInAs(t, ['officer'], { departmentId: 'jtj' });
  liaisonA = await signInAs(t, ['liaison'], { enterpriseId: firmA });
  liaisonB = await signInAs(t, ['liaison'], { enterpriseId: firmB });
  worker = await signInAs(t, ['worker']);
  t.clock.set(new Date('2020-03-20T09:00:00+08:00')); // a Friday
  await importFacts(t, rsj, 'roster', csv(ROSTER_HEADER, hires(codeA, 2)));
  listId = (await runPolicy(t, rsj, 'hiring')).body.list.id;
  lineA = (await t.http.get(`/api/subsidies/lists/${listId}`).set(rsj.auth)).body.items[0].id;
}, 60_000);
afterAll(() => t.close());

describe('who may see and do what with subsidies', () => {
  it('when 交通局 asks for 人社局’s lists, then it sees none and the list itself is not found', async () => {
    expect((await t.http.get('/api/subsidies/lists').set(jtj.auth)).body.items).toEqual([]);
    expect((await t.http.get(`/api/subsidies/lists/${listId}`).set(jtj.auth)).status).toBe(404);
    expect((await runPolicy(t, jtj, 'hiring')).status).toBe(404);
    expect((await importFacts(t, jtj, 'roster', csv(ROSTER_HEADER, hires(codeA, 1)))).status).toBe(404);
  });

  it('when 财政局 tries to approve, or the command (admin) to approve, then 403; both may read the list', async () => {
    expect((await listAction(t, czj, listId, 'approve')).status).toBe(403);
    expect((await listAction(t, admin, listId, 'approve')).status).toBe(403);
    expect((await t.http.get(`/api/subsidies/lists/${listId}`).set(czj.auth)).status).toBe(200);
    expect((await t.http.get(`/api/subsidies/lists/${listId}`).set(admin.auth)).status).toBe(200);
  });

  it('when a liaison or a worker calls the officials’ routes, then 403 and nothing is read', async () => {
    expect((await t.http.get('/api/subsidies/lists').set(liaisonA.auth)).status).toBe(403);
    expect((await runPolicy(t, liaisonA, 'hiring')).status).toBe(403);
    expect((await t.http.get('/api/subsidies/mine').set(worker.auth)).status).toBe(403);
  });

  it('when the list is published, then only firm A sees its line, firm B cannot object to it, and 人社局 cannot pay', async () => {
    await listAction(t, rsj, listId, 'approve');
    const pub = await listAction(t, rsj, listId, 'publish');
    // Friday + 5 working days = the next Friday, same time.
    expect(pub.body.publicityEndsAt).toBe(new Date('2020-03-27T09:00:00+08:00').toISOString());
    expect((await t.http.get('/api/subsidies/mine').set(liaisonA.auth)).body.items).toHaveLength(1);
    expect((await t.http.get('/api/subsidies/mine').set(liaisonB.auth)).body.items).toEqual([]);
    const other = await t.http
      .post(`/api/subsidies/entitlements/${lineA}/objection`)
      .set(liaisonB.auth)
      .send({ text: '这不是我们企业的记录吗' });
    expect(other.status).toBe(404);
    t.clock.set(new Date('2020-03-27T09:00:00+08:00'));
    expect((await listAction(t, rsj, listId, 'payments')).status).toBe(403);
  });

  it('when 公示 has ended, then an objection is refused with the reason, and 财政局 may make the payment list', async () => {
    const late = await t.http
      .post(`/api/subsidies/entitlements/${lineA}/objection`)
      .set(liaisonA.auth)
      .send({ text: '公示期满后才看到' });
    expect(late.status).toBe(422);
    expect(late.body.error.message).toBe('公示期已结束，不能再提出异议');
    expect((await listAction(t, czj, listId, 'payments')).body).toMatchObject({ created: 1 });
  });

  it('when an exclusion has no reason, or an objection decision is malformed, then 400 names the field', async () => {
    const noReason = await listAction(t, rsj, listId, `items/${lineA}/exclude`, { reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details[0].path).toBe('reason');
    const bad = await listAction(t, rsj, listId, `items/${lineA}/objection/decision`, {
      decision: 'rejected',
      note: '不成立',
      correctedAmountFen: 100,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('correctedAmountFen');
  });
});
