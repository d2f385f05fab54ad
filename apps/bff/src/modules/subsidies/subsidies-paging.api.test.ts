import { startTestApp, type TestApp } from '../../test-support/test-app';
import { creditCode, signInAs, type Person } from '../enterprises/testing/fixtures';
import {
  PREMIUM_HEADER,
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
let liaison: Person;
let firms: string[];
const codes = [720_001, 720_002, 720_003, 720_004, 720_005].map((n) => creditCode(n));
let hiringList: string;

beforeAll(async () => {
  t = await startTestApp();
  ({ rsj, firms } = await subsidyCity(t, codes));
  liaison = await signInAs(t, ['liaison'], { enterpriseId: firms[0]! });
  const roster = codes.flatMap((code, i) => hires(code, i + 1, i * 10));
  expect((await importFacts(t, rsj, 'roster', csv(ROSTER_HEADER, roster))).status).toBe(200);
  const premiums = codes.map((code) => `${code},是,20,0,10000`);
  expect((await importFacts(t, rsj, 'premiums', csv(PREMIUM_HEADER, premiums))).status).toBe(200);
  hiringList = (await runPolicy(t, rsj, 'hiring')).body.list.id;
});
afterAll(() => t.close());

const page = (path: string, who: Person) => t.http.get(path).set(who.auth);

describe('免申即享 lists come a page at a time', () => {
  it('when the reviewer pages a 5-firm list two at a time, then every firm comes exactly once and the last page says so', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    const sizes: number[] = [];
    do {
      const q: string = cursor ? `&cursor=${cursor}` : '';
      const res = await page(`/api/subsidies/lists/${hiringList}?limit=2${q}`, rsj);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ count: 5, totalFen: 1_500_000 });
      sizes.push(res.body.items.length);
      seen.push(...res.body.items.map((i: { enterpriseId: string }) => i.enterpriseId));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(sizes).toEqual([2, 2, 1]);
    expect([...seen].sort()).toEqual([...firms].sort());
  });

  it('when a page asks for more than 100 firms or brings a cursor that is not one, then it is refused in Chinese', async () => {
    const tooMany = await page(`/api/subsidies/lists/${hiringList}?limit=101`, rsj);
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body.error)).toContain('每页最多 100 条');
    const bad = await page(`/api/subsidies/lists/${hiringList}?cursor=abc`, rsj);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('when a firm has two published entitlements and reads one a page, then it gets both, newest first, and the second page is the last', async () => {
    const refundList = (await runPolicy(t, rsj, 'uiRefund')).body.list.id;
    for (const id of [hiringList, refundList]) {
      expect((await listAction(t, rsj, id, 'approve')).status).toBe(200);
      expect((await listAction(t, rsj, id, 'publish')).status).toBe(200);
    }
    const first = await page('/api/subsidies/mine?limit=1', liaison);
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.items[0].policy).toBe('uiRefund');
    const second = await page(`/api/subsidies/mine?limit=1&cursor=${first.body.nextCursor}`, liaison);
    expect(second.body.items.map((i: { policy: string }) => i.policy)).toEqual(['hiring']);
    expect(second.body.nextCursor).toBeNull();
  });
});
