import { startTestApp, type TestApp } from '../../test-support/test-app';
import { creditCode, signInAs, type Person } from '../enterprises/testing/fixtures';
import {
  csv,
  hires,
  importFacts,
  listAction,
  ROSTER_HEADER,
  runPolicy,
  subsidyCity,
} from './testing/fixtures';

/** A list's count and total follow its lines at once: what the officer approves is what is shown. */
let t: TestApp;
let rsj: Person;
let liaisonA: Person;
const codeA = creditCode(760_001);
const codeB = creditCode(760_002);
let firmA: string;
let firmB: string;

beforeAll(async () => {
  t = await startTestApp();
  const city = await subsidyCity(t, [codeA, codeB]);
  rsj = city.rsj;
  [firmA, firmB] = city.firms as [string, string];
  liaisonA = await signInAs(t, ['liaison'], { enterpriseId: firmA });
});
afterAll(() => t.close());

const totals = async (listId: string) => {
  const res = await t.http.get(`/api/subsidies/lists/${listId}`).set(rsj.auth);
  return { count: res.body.count, totalFen: res.body.totalFen };
};

describe('免申即享 list totals', () => {
  let listId: string;
  let lineA: string;
  let lineB: string;

  it('when a firm is excluded from a draft and then restored, then the totals drop and come back at once', async () => {
    expect(
      (
        await importFacts(
          t,
          rsj,
          'roster',
          csv(ROSTER_HEADER, [...hires(codeA, 3, 0), ...hires(codeB, 2, 50)]),
        )
      ).status,
    ).toBe(200);
    const run = await runPolicy(t, rsj, 'hiring');
    listId = run.body.list.id;
    const items = (await t.http.get(`/api/subsidies/lists/${listId}`).set(rsj.auth)).body.items;
    lineA = items.find((i: { enterpriseId: string }) => i.enterpriseId === firmA).id;
    lineB = items.find((i: { enterpriseId: string }) => i.enterpriseId === firmB).id;
    expect(await totals(listId)).toEqual({ count: 2, totalFen: 500_000 });

    const excluded = await listAction(t, rsj, listId, `items/${lineB}/exclude`, { reason: '已另行申领' });
    expect(excluded.status).toBe(200);
    expect(await totals(listId)).toEqual({ count: 1, totalFen: 300_000 });
    const lists = await t.http.get('/api/subsidies/lists?policy=hiring&period=2020').set(rsj.auth);
    expect(lists.body.items[0]).toMatchObject({ id: listId, count: 1, totalFen: 300_000 });

    // Excluding twice changes the reason, not the totals.
    await listAction(t, rsj, listId, `items/${lineB}/exclude`, { reason: '重复申领' });
    expect(await totals(listId)).toEqual({ count: 1, totalFen: 300_000 });

    expect((await listAction(t, rsj, listId, `items/${lineB}/include`)).status).toBe(200);
    expect(await totals(listId)).toEqual({ count: 2, totalFen: 500_000 });
  });

  it('when an objection in 公示 is upheld with a corrected amount, then the published total follows it', async () => {
    expect((await listAction(t, rsj, listId, 'approve')).status).toBe(200);
    expect((await listAction(t, rsj, listId, 'publish')).status).toBe(200);
    const objected = await t.http
      .post(`/api/subsidies/entitlements/${lineA}/objection`)
      .set(liaisonA.auth)
      .send({ text: '另有 1 名新员工漏报' });
    expect(objected.status).toBe(200);
    const decided = await listAction(t, rsj, listId, `items/${lineA}/objection/decision`, {
      decision: 'upheld',
      note: '核实漏报 1 人',
      correctedAmountFen: 400_000,
    });
    expect(decided.status).toBe(200);
    expect(await totals(listId)).toEqual({ count: 2, totalFen: 600_000 });
  });
});
