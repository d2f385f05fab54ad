import { startTestApp, type TestApp } from '../../test-support/test-app';
import { signInAs } from '../enterprises/testing/fixtures';
import { supplyFirm } from './testing/fixtures';

type Person = Awaited<ReturnType<typeof signInAs>>;

let t: TestApp;
let optics: Person;
let plastics: Person;
let cixi: Person;
let gxj: Person;
let command: Person;
let rsj: Person;

const post = (side: 'supply' | 'demand', title: string, regionCode: string, until: string) => ({
  side,
  category: 'parts',
  title,
  quantity: 100,
  unit: '件',
  regionCode,
  point: { lat: 30.037, lng: 121.155 },
  availableFrom: '2026-03-10',
  availableUntil: until,
  contact: { name: '王经理', phone: '13900000011' },
});

async function posted(who: Person, b: object): Promise<string> {
  const res = await t.http.post('/api/supply-posts').set(who.auth).send(b);
  if (res.status !== 201) throw new Error(`post failed: ${res.status} ${res.text}`);
  return res.body.id;
}

let lens: string;
let mould: string;
let pellets: string;
let match: string;
beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(new Date('2026-03-10T10:00:00+08:00'));
  const liaisonOf = async (name: string, industry: string, region: string) =>
    signInAs(t, ['liaison'], { enterpriseId: await supplyFirm(t, name, { industry, regionCode: region }) });
  optics = await liaisonOf('余姚光学', '光学仪器', '330281');
  plastics = await liaisonOf('余姚塑料', '塑料制品', '330281');
  cixi = await liaisonOf('慈溪模具', '模具制造', '330282');
  gxj = await signInAs(t, ['officer'], { departmentId: 'gxj' });
  command = await signInAs(t, ['admin']);
  rsj = await signInAs(t, ['officer'], { departmentId: 'rsj' });
  lens = await posted(optics, post('demand', '求购镜头', '330281', '2026-04-30'));
  mould = await posted(cixi, post('supply', '注塑模具', '330282', '2026-03-20'));
  pellets = await posted(plastics, post('supply', '塑料外壳', '330281', '2026-04-10'));
  match = (
    await t.http.post('/api/supply-matches').set(optics.auth).send({ postId: lens, counterpartId: mould })
  ).body.id;
  await t.http.post(`/api/supply-posts/${pellets}/close`).set(plastics.auth);
}, 60_000);
afterAll(() => t.close());

const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((i) => i.id);

describe('工信局 browses every post and match', () => {
  it('when 工信局 lists posts, then all firms’ posts come soonest-to-end first (or newest first), paged, without contacts', async () => {
    const soonest = await t.http.get('/api/supply-chain/posts').set(gxj.auth);
    expect(soonest.status).toBe(200);
    expect(ids(soonest)).toEqual([mould, pellets, lens]);
    expect(soonest.body.total).toBe(3);
    for (const p of soonest.body.items) expect(p.contact).toBeNull();
    expect(soonest.body.items[0]).toMatchObject({ industry: '模具制造', regionCode: '330282' });

    const newest = await t.http.get('/api/supply-chain/posts').query({ sort: 'newest' }).set(command.auth);
    expect(ids(newest)).toEqual([pellets, mould, lens]);

    const second = await t.http.get('/api/supply-chain/posts').query({ pageSize: 2, page: 2 }).set(gxj.auth);
    expect(ids(second)).toEqual([lens]);
    expect(second.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
  });

  it('when 工信局 filters posts by region, industry, 供/需 and status, then only the posts that fit are listed', async () => {
    const q = (query: object) => t.http.get('/api/supply-chain/posts').query(query).set(gxj.auth);
    expect(ids(await q({ regionCode: '330282' }))).toEqual([mould]);
    expect(ids(await q({ industry: '光学仪器' }))).toEqual([lens]);
    expect(ids(await q({ side: 'supply' }))).toEqual([mould, pellets]);
    expect(ids(await q({ status: 'closed' }))).toEqual([pellets]);
    expect(ids(await q({ side: 'supply', status: 'open', regionCode: '330281' }))).toEqual([]);
  });

  it('when 工信局 lists matches, then it sees each with both firms and its status, filterable by either party’s region and industry', async () => {
    const all = await t.http.get('/api/supply-chain/matches').set(gxj.auth);
    expect(all.status).toBe(200);
    expect(all.body.items).toHaveLength(1);
    expect(all.body.items[0]).toMatchObject({
      id: match,
      status: 'proposed',
      supply: { id: mould, contact: null },
      demand: { id: lens, contact: null },
    });
    const q = (query: object) => t.http.get('/api/supply-chain/matches').query(query).set(gxj.auth);
    expect(ids(await q({ regionCode: '330282' }))).toEqual([match]);
    expect(ids(await q({ industry: '光学仪器' }))).toEqual([match]);
    expect(ids(await q({ industry: '塑料制品' }))).toEqual([]);
    expect(ids(await q({ status: 'confirmed' }))).toEqual([]);
  });

  it('when a filter is not a real value, then 400 with the field and a Chinese message', async () => {
    const bad = await t.http
      .get('/api/supply-chain/posts')
      .query({ regionCode: '3302', side: 'both', page: 0 })
      .set(gxj.auth);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_ERROR');
    const paths = bad.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['query.regionCode', 'query.side', 'query.page']));
    const sort = await t.http.get('/api/supply-chain/matches').query({ sort: 'cheapest' }).set(gxj.auth);
    expect(sort.status).toBe(400);
    expect(sort.body.error.details[0].message).toBe('请选择排序方式');
  });

  it('when an officer of another department, a liaison or a steward asks, then 403 and nothing is listed', async () => {
    for (const who of [rsj, optics, await signInAs(t, ['steward'])]) {
      const posts = await t.http.get('/api/supply-chain/posts').set(who.auth);
      expect(posts.status).toBe(403);
      expect(posts.body.items).toBeUndefined();
      expect((await t.http.get('/api/supply-chain/matches').set(who.auth)).status).toBe(403);
      const figures = await t.http.get('/api/supply-chain/figures').set(who.auth);
      expect(figures.status).toBe(403);
      expect(figures.body.matchesConfirmed).toBeUndefined();
    }
  });

  it('when 工信局 or the command asks for the figures, then they see the platform-wide counts', async () => {
    for (const who of [gxj, command]) {
      const res = await t.http.get('/api/supply-chain/figures').set(who.auth);
      expect(res.status).toBe(200);
      expect(res.body.postsOpen.length).toBeGreaterThan(0);
    }
  });
});
