import type { Response } from 'supertest';
import { idNumberCheckChar } from '@fugong/contracts';
import type { Caller } from './support/people';
import { caller } from './support/people';
import type { World } from './support/scope-world';
import type { ScopeFixture, ScopedRequest } from './scope-fixtures';

const ROSTER = '统一社会信用代码,身份证号,入职日期,劳动合同起始日期,劳动合同终止日期,是否参保';
const person = (n: number) => {
  const first17 = `52010219900101${String(n).padStart(3, '0')}`;
  return first17 + idNumberCheckChar(first17);
};

/** Firm A's 免申即享 records in every state a route needs, one period per state, built once per world. */
async function subsidyWorld(w: World) {
  const t = w.t;
  const czj = await caller(t, ['officer'], { departmentId: 'czj' });
  const code = (await t.http.get(`/api/enterprises/${w.firmA}`).set(w.admin.auth)).body.creditCode as string;
  const roster = `${ROSTER}\r\n${[1, 2].map((n) => `${code},${person(n)},2020-02-15,2020-02-15,,是`).join('\r\n')}\r\n`;
  const must = (res: Response, what: string) => {
    if (res.status >= 300) throw new Error(`subsidy world: ${what} ${res.status} ${res.text.slice(0, 200)}`);
    return res.body;
  };
  const as = (who: Caller) => ({
    post: (url: string, body: object = {}) => t.http.post(url).set(who.auth).send(body),
  });
  const listIn = async (period: string, state: 'draft' | 'approved' | 'publicity') => {
    const dataBase64 = Buffer.from(roster).toString('base64');
    must(
      await as(w.rsj).post('/api/subsidies/imports', { kind: 'roster', period, format: 'csv', dataBase64 }),
      'import',
    );
    const id = must(await as(w.rsj).post('/api/subsidies/runs', { policy: 'hiring', period }), 'run').list
      .id as string;
    if (state !== 'draft') must(await as(w.rsj).post(`/api/subsidies/lists/${id}/approve`), 'approve');
    if (state === 'publicity') must(await as(w.rsj).post(`/api/subsidies/lists/${id}/publish`), 'publish');
    const line = (await t.http.get(`/api/subsidies/lists/${id}`).set(w.rsj.auth)).body.items[0].id as string;
    return { id, line };
  };
  const draft = await listIn('2031', 'draft');
  const approved = await listIn('2032', 'approved');
  const published = await listIn('2033', 'publicity');
  const objected = await listIn('2034', 'publicity');
  must(
    await as(w.liaisonA).post(`/api/subsidies/entitlements/${objected.line}/objection`, {
      text: '另有 1 人漏报',
    }),
    'object',
  );
  // Published a month ago, so its 公示 is over now and 财政局 can make the payment list at today's time.
  const now = t.clock.now();
  t.clock.set(new Date(now.getTime() - 30 * 86_400_000));
  const paying = await listIn('2035', 'publicity');
  t.clock.set(now);
  const payment = must(await as(czj).post(`/api/subsidies/lists/${paying.id}/payments`), 'payments').items[0]
    .id as string;
  return { czj, draft, approved, published, objected, paying, payment };
}

/** A pending 社保缓缴 application of firm A (its liaison applies, or the one still pending). */
async function deferralOfFirmA(w: World): Promise<string> {
  const res = await w.t.http
    .post('/api/subsidies/deferrals')
    .set(w.liaisonA.auth)
    .send({ months: 2, sme: true, reason: '受疫情影响订单减少，资金周转困难' });
  if (res.status < 300) return (res.body as { id: string }).id;
  // A harness that only builds the requests (the fuzzers) leaves the last one pending: reuse it.
  const pending = await w.t.http.get('/api/subsidies/deferrals?status=pending').set(w.liaisonA.auth);
  const id = (pending.body as { items?: { id: string }[] }).items?.[0]?.id;
  if (!id) throw new Error(`deferral: ${res.status} ${res.text.slice(0, 200)}`);
  return id;
}

const worlds = new WeakMap<World, ReturnType<typeof subsidyWorld>>();
const sw = (w: World) => {
  if (!worlds.has(w)) worlds.set(w, subsidyWorld(w));
  return worlds.get(w)!;
};
const get = (who: Caller, url: string): ScopedRequest => ({ who, method: 'get', url });
const post = (who: Caller, url: string, body: unknown = {}): ScopedRequest => ({
  who,
  method: 'post',
  url,
  body,
});

/**
 * 免申即享: an officer of another department (交通局) never finds 人社局's lists; 人社局 cannot do
 * 财政局's payments; a liaison never reaches another firm's line.
 */
export const SUBSIDY_SCOPE_FIXTURES: Record<string, ScopeFixture> = {
  'subsidies.list': async (w) => {
    const s = await sw(w);
    const url = `/api/subsidies/lists/${s.draft.id}`;
    return { inScope: get(w.rsj, url), outOfScope: [get(w.jtj, url)] };
  },
  'subsidies.exclude': async (w) => {
    const s = await sw(w);
    const url = `/api/subsidies/lists/${s.draft.id}/items/${s.draft.line}/exclude`;
    const body = { reason: '核查中' };
    return { inScope: post(w.rsj, url, body), outOfScope: [post(w.jtj, url, body), post(s.czj, url, body)] };
  },
  'subsidies.include': async (w) => {
    const s = await sw(w);
    const url = `/api/subsidies/lists/${s.draft.id}/items/${s.draft.line}/include`;
    return { inScope: post(w.rsj, url), outOfScope: [post(w.jtj, url), post(s.czj, url)] };
  },
  'subsidies.approve': async (w) => {
    const s = await sw(w);
    const url = `/api/subsidies/lists/${s.draft.id}/approve`;
    return { inScope: post(w.rsj, url), outOfScope: [post(w.jtj, url), post(s.czj, url)] };
  },
  'subsidies.publish': async (w) => {
    const s = await sw(w);
    const url = `/api/subsidies/lists/${s.approved.id}/publish`;
    return { inScope: post(w.rsj, url), outOfScope: [post(w.jtj, url), post(s.czj, url)] };
  },
  'subsidies.object': async (w) => {
    const s = await sw(w);
    const url = `/api/subsidies/entitlements/${s.published.line}/objection`;
    const body = { text: '金额与花名册不符' };
    return { inScope: post(w.liaisonA, url, body), outOfScope: [post(w.liaisonB, url, body)] };
  },
  'subsidies.objection.decide': async (w) => {
    const s = await sw(w);
    const url = `/api/subsidies/lists/${s.objected.id}/items/${s.objected.line}/objection/decision`;
    const body = { decision: 'rejected', note: '经核实不成立' };
    return { inScope: post(w.rsj, url, body), outOfScope: [post(w.jtj, url, body), post(s.czj, url, body)] };
  },
  'subsidies.payments.create': async (w) => {
    const s = await sw(w);
    const url = `/api/subsidies/lists/${s.paying.id}/payments`;
    return { inScope: post(s.czj, url), outOfScope: [post(w.jtj, url), post(w.rsj, url)] };
  },
  'subsidies.payments.export': async (w) => {
    const s = await sw(w);
    const url = `/api/subsidies/lists/${s.paying.id}/payments/export?format=csv`;
    return { inScope: get(s.czj, url), outOfScope: [get(w.jtj, url)] };
  },
  'subsidies.payments.paid': async (w) => {
    const s = await sw(w);
    const url = `/api/subsidies/payments/${encodeURIComponent(s.payment)}/paid`;
    const body = { reference: 'CZ-0001' };
    return { inScope: post(s.czj, url, body), outOfScope: [post(w.jtj, url, body), post(w.rsj, url, body)] };
  },
  // 社保缓缴: one pending application per firm, so each fixture applies afresh (the one before was decided).
  'deferrals.decide': async (w) => {
    const id = await deferralOfFirmA(w);
    const url = `/api/subsidies/deferrals/${id}/decision`;
    const body = { decision: 'approved', note: '符合条件，准予缓缴' };
    return {
      inScope: post(w.rsj, url, body),
      outOfScope: [post(w.jtj, url, body), post(w.liaisonA, url, body)],
    };
  },
  'deferrals.withdraw': async (w) => {
    const id = await deferralOfFirmA(w);
    const url = `/api/subsidies/deferrals/${id}/withdraw`;
    return { inScope: post(w.liaisonA, url), outOfScope: [post(w.liaisonB, url), post(w.rsj, url)] };
  },
};
