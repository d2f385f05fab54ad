import { startTestApp, type TestApp } from '../../test-support/test-app';
import { creditCode, signInAs, type Person } from '../enterprises/testing/fixtures';
import {
  ROSTER_HEADER,
  csv,
  hires,
  importFacts,
  listAction,
  runPolicy,
  subsidyCity,
} from './testing/fixtures';

let t: TestApp;
let rsj: Person;
let liaisonA: Person;
let liaisonB: Person;
let listId: string;
const lineOf: Record<string, string> = {};
const codes = [730_001, 730_002].map((n) => creditCode(n));

beforeAll(async () => {
  t = await startTestApp();
  const city = await subsidyCity(t, codes);
  rsj = city.rsj;
  liaisonA = await signInAs(t, ['liaison'], { enterpriseId: city.firms[0]! });
  liaisonB = await signInAs(t, ['liaison'], { enterpriseId: city.firms[1]! });
  const roster = [...hires(codes[0]!, 3, 0), ...hires(codes[1]!, 2, 50)];
  expect((await importFacts(t, rsj, 'roster', csv(ROSTER_HEADER, roster))).status).toBe(200);
  listId = (await runPolicy(t, rsj, 'hiring')).body.list.id;
  await listAction(t, rsj, listId, 'approve');
  await listAction(t, rsj, listId, 'publish');
  const items = (await t.http.get(`/api/subsidies/lists/${listId}`).set(rsj.auth)).body.items;
  for (const i of items) lineOf[i.enterpriseId] = i.id;
  for (const [who, firm] of [
    [liaisonA, city.firms[0]!],
    [liaisonB, city.firms[1]!],
  ] as const) {
    const res = await t.http
      .post(`/api/subsidies/entitlements/${lineOf[firm]}/objection`)
      .set(who.auth)
      .send({ text: '花名册漏报了一名新员工' });
    expect(res.status).toBe(200);
  }
  lineOf.a = lineOf[city.firms[0]!]!;
  lineOf.b = lineOf[city.firms[1]!]!;
});
afterAll(() => t.close());

const decided = async (who: Person) =>
  (await t.http.get('/api/inbox').set(who.auth)).body.items.filter(
    (n: { kind: string }) => n.kind === 'subsidy_objection_decided',
  );

describe('免申即享: the firm hears how its 异议 was decided', () => {
  it('when nothing is decided yet, then the liaison has no decision notice', async () => {
    expect(await decided(liaisonA)).toEqual([]);
  });

  it('when the objection is rejected, then the liaison who filed it is told the outcome, the opinion and what happens next, and nobody else is', async () => {
    const res = await listAction(t, rsj, listId, `items/${lineOf.a}/objection/decision`, {
      decision: 'rejected',
      note: '该员工入职晚于吸纳期',
    });
    expect(res.status).toBe(200);
    const [notice, ...more] = await decided(liaisonA);
    expect(more).toEqual([]);
    expect(notice).toMatchObject({
      title: '异议不成立：2020 年一次性吸纳就业补贴',
      page: 'pages/subsidies/index',
    });
    expect(notice.body).toContain('处理意见：该员工入职晚于吸纳期');
    expect(notice.body).toContain('公示期满后按名单拨付');
    expect(await decided(liaisonB)).toEqual([]);
  });

  it('when the same objection is decided a second time, then the decision is refused and no second notice is sent', async () => {
    const again = await listAction(t, rsj, listId, `items/${lineOf.a}/objection/decision`, {
      decision: 'upheld',
      note: '改判为成立',
    });
    expect(again.status).toBe(409);
    const notices = await decided(liaisonA);
    expect(notices).toHaveLength(1);
    expect(notices[0].title).toContain('异议不成立');
  });

  it('when an objection is upheld with a corrected amount, then the liaison is told the new amount', async () => {
    const res = await listAction(t, rsj, listId, `items/${lineOf.b}/objection/decision`, {
      decision: 'upheld',
      note: '经核实补报 1 人',
      correctedAmountFen: 300_000,
    });
    expect(res.status).toBe(200);
    const [notice] = await decided(liaisonB);
    expect(notice.title).toBe('异议成立：2020 年一次性吸纳就业补贴核定为 3,000 元');
    expect(notice.body).toContain('公示期满后按核定金额拨付');
  });
});
