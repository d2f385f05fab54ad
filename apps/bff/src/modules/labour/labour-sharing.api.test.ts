import { startTestApp, type TestApp } from '../../test-support/test-app';
import { enterprise, person, type Person } from '../bookings/test/fixtures';
import { signInAs } from '../enterprises/testing/fixtures';
import { sharingPostBody as postBody, sharingTermsBody as terms } from './testing/fixtures';

let t: TestApp;
let lender: Person;
let borrower: Person;
let third: Person;
let rsj: { id: string; auth: Record<string, string> };

const post = async (who: Person, over: Record<string, unknown> = {}) => {
  const r = await t.http.post('/api/labour/sharing/posts').set(who.auth).send(postBody(over));
  if (r.status !== 201) throw new Error(JSON.stringify(r.body));
  return r.body.id as string;
};
const propose = (who: Person, body: object) =>
  t.http.post('/api/labour/sharing/agreements').set(who.auth).send(body);
const decide = (who: Person, id: string, step: 'agree' | 'decline') =>
  t.http.post(`/api/labour/sharing/agreements/${id}/${step}`).set(who.auth).send({});
const postOf = async (who: Person, id: string) =>
  (await t.http.get('/api/labour/sharing/posts/mine').set(who.auth)).body.items.find(
    (p: { id: string }) => p.id === id,
  );
const agreementCount = () => t.container.labour.repos.sharing.agreementsOf(null).then((a) => a.length);

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(new Date('2026-03-06T10:00:00+08:00'));
  lender = await person(t, ['liaison'], await enterprise(t, '余姚暂未复工电器厂'));
  borrower = await person(t, ['liaison'], await enterprise(t, '余姚舜宇光学'));
  third = await person(t, ['liaison'], await enterprise(t, '慈溪模具厂'));
  rsj = await signInAs(t, ['officer'], { departmentId: 'rsj' });
}, 60_000);
afterAll(() => t.close());

describe('用工调剂: a firm lends idle staff to a firm short of hands', () => {
  it('when the borrower proposes and the lender agrees, then both posts hold the heads and both firms see the arrangement', async () => {
    const surplus = await post(lender, { headcount: 5 });
    const shortage = await post(borrower, { kind: 'shortage', headcount: 3 });
    const board = await t.http.get('/api/labour/sharing/posts').query({ kind: 'surplus' }).set(borrower.auth);
    expect(board.body.items.map((p: { id: string }) => p.id)).toContain(surplus);

    const proposed = await propose(borrower, terms(surplus, shortage));
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ status: 'proposed', proposedBy: 'borrower', agreedAt: null });
    expect((await postOf(lender, surplus)).agreed).toBe(0);

    const agreed = await decide(lender, proposed.body.id, 'agree');
    expect(agreed.status).toBe(200);
    expect(agreed.body).toMatchObject({
      status: 'agreed',
      headcount: 3,
      lender: { name: '余姚暂未复工电器厂' },
      borrower: { name: '余姚舜宇光学' },
      insurancePayer: 'lender',
    });
    expect((await postOf(lender, surplus)).agreed).toBe(3);
    expect((await postOf(borrower, shortage)).agreed).toBe(3);
    for (const who of [lender, borrower]) {
      const mine = await t.http.get('/api/labour/sharing/agreements').set(who.auth);
      expect(mine.body.items.map((a: { id: string }) => a.id)).toContain(proposed.body.id);
    }
    const others = await t.http.get('/api/labour/sharing/agreements').set(third.auth);
    expect(others.body.items).toEqual([]);
    // The borrower's need is met: its post leaves the board, the lender's two free heads stay on it.
    const after = await t.http.get('/api/labour/sharing/posts').set(third.auth);
    const ids = after.body.items.map((p: { id: string }) => p.id);
    expect(ids).toContain(surplus);
    expect(ids).not.toContain(shortage);
  }, 60_000);

  it('when the lender names the lent workers, then each worker sees the arrangement, and no response carries a phone', async () => {
    const worker = await person(t, ['worker']);
    const surplus = await post(lender, { headcount: 2 });
    const shortage = await post(borrower, { kind: 'shortage', headcount: 2 });
    const proposed = await propose(
      lender,
      terms(surplus, shortage, { headcount: 2, workerPhones: [worker.phone, worker.phone] }),
    );
    expect(proposed.status).toBe(201);
    expect(proposed.body.workers).toBe(1);
    expect(JSON.stringify(proposed.body)).not.toContain(worker.phone);
    expect((await t.http.get('/api/labour/sharing/lent').set(worker.auth)).body.items).toEqual([]);
    expect((await decide(borrower, proposed.body.id, 'agree')).status).toBe(200);
    const lent = await t.http.get('/api/labour/sharing/lent').set(worker.auth);
    expect(lent.body.items).toEqual([
      expect.objectContaining({
        id: proposed.body.id,
        lender: expect.objectContaining({ name: '余姚暂未复工电器厂' }),
      }),
    ]);
    const stored = await t.container.labour.repos.sharing.findAgreement(proposed.body.id);
    expect(JSON.stringify(stored)).not.toContain(worker.phone);
  }, 60_000);
});

describe('用工调剂 refusals write nothing', () => {
  it('when a post has a reversed or past period, an unknown county, no heads, or names another firm, then 400 or 403', async () => {
    const before = (await t.http.get('/api/labour/sharing/posts/mine').set(lender.auth)).body.items.length;
    const send = (who: Person, over: Record<string, unknown>) =>
      t.http.post('/api/labour/sharing/posts').set(who.auth).send(postBody(over));
    const reversed = await send(lender, { fromDay: '2026-03-20', toDay: '2026-03-10' });
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.details[0]).toMatchObject({
      path: 'toDay',
      message: '结束日期不能早于开始日期',
    });
    expect((await send(lender, { fromDay: '2026-02-01', toDay: '2026-03-01' })).status).toBe(400);
    expect((await send(lender, { toDay: '2026-02-30' })).status).toBe(400);
    expect((await send(lender, { regionCode: '339999' })).status).toBe(400);
    expect((await send(lender, { headcount: 0 })).status).toBe(400);
    const borrowerFirm = (await t.http.get('/api/labour/firms').set(borrower.auth)).body.items[0].id;
    expect((await send(lender, { enterpriseId: borrowerFirm })).status).toBe(403);
    const worker = await person(t, ['worker']);
    expect((await send(worker, {})).status).toBe(403);
    expect((await t.http.get('/api/labour/sharing/posts/mine').set(lender.auth)).body.items).toHaveLength(
      before,
    );
  }, 60_000);

  it('when the terms ask too many heads, run outside a post’s period, pair a firm with itself, come from a third firm, or repeat a waiting proposal, then each is refused', async () => {
    const surplus = await post(lender, { headcount: 4 });
    const shortage = await post(borrower, { kind: 'shortage', headcount: 3 });
    const ownShortage = await post(lender, { kind: 'shortage', headcount: 3 });
    const before = await agreementCount();

    const tooMany = await propose(borrower, terms(surplus, shortage, { headcount: 4 }));
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.error.message).toBe('借用企业尚缺 3 人');
    const outside = await propose(borrower, terms(surplus, shortage, { toDay: '2026-04-05' }));
    expect(outside.status).toBe(422);
    expect(outside.body.error.message).toContain('2026-03-10 至 2026-03-31');
    expect((await propose(lender, terms(surplus, ownShortage))).status).toBe(422);
    expect((await propose(third, terms(surplus, shortage))).status).toBe(403);
    const swapped = await propose(borrower, terms(shortage, surplus));
    expect(swapped.status).toBe(404);
    const phones = await propose(borrower, terms(surplus, shortage, { workerPhones: ['13900000001'] }));
    expect(phones.status).toBe(422);
    const shortTerms = await propose(borrower, terms(surplus, shortage, { terms: '好' }));
    expect(shortTerms.status).toBe(400);
    expect(await agreementCount()).toBe(before);

    expect((await propose(borrower, terms(surplus, shortage))).status).toBe(201);
    const again = await propose(borrower, terms(surplus, shortage));
    expect(again.status).toBe(409);
    expect(await agreementCount()).toBe(before + 1);
  }, 60_000);

  it('when the proposer agrees to its own proposal, a third firm decides, or a decided one is decided again, then 403, 404 and 409', async () => {
    const surplus = await post(lender, { headcount: 3 });
    const shortage = await post(borrower, { kind: 'shortage', headcount: 3 });
    const id = (await propose(borrower, terms(surplus, shortage))).body.id as string;
    const own = await decide(borrower, id, 'agree');
    expect(own.status).toBe(403);
    expect(own.body.error.message).toBe('请等待对方企业确认');
    expect((await decide(third, id, 'agree')).status).toBe(404);
    expect((await postOf(lender, surplus)).agreed).toBe(0);

    expect((await decide(lender, id, 'decline')).body.status).toBe('declined');
    const late = await decide(lender, id, 'agree');
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('INVALID_TRANSITION');
    expect((await postOf(lender, surplus)).agreed).toBe(0);
  }, 60_000);

  it('when the lender closes its post before agreeing, then the agreement is refused and no heads move', async () => {
    const surplus = await post(lender, { headcount: 3 });
    const shortage = await post(borrower, { kind: 'shortage', headcount: 3 });
    const id = (await propose(borrower, terms(surplus, shortage))).body.id as string;
    expect(
      (await t.http.post(`/api/labour/sharing/posts/${surplus}/close`).set(third.auth).send({})).status,
    ).toBe(404);
    expect(
      (await t.http.post(`/api/labour/sharing/posts/${surplus}/close`).set(lender.auth).send({})).status,
    ).toBe(200);
    const r = await decide(lender, id, 'agree');
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('SHARING_HEADS_TAKEN');
    expect((await postOf(borrower, shortage)).agreed).toBe(0);
    const stored = await t.container.labour.repos.sharing.findAgreement(id);
    expect(stored?.status).toBe('proposed');
  }, 60_000);
});

describe('two firms taking the last offered heads at once', () => {
  it('when both borrowers agree to the lender’s two proposals at the same moment, then exactly one gets the heads', async () => {
    const surplus = await post(lender, { headcount: 4 });
    const a = await post(borrower, { kind: 'shortage', headcount: 3 });
    const b = await post(third, { kind: 'shortage', headcount: 3 });
    const toA = (await propose(lender, terms(surplus, a))).body.id as string;
    const toB = (await propose(lender, terms(surplus, b))).body.id as string;
    const [ra, rb] = await Promise.all([decide(borrower, toA, 'agree'), decide(third, toB, 'agree')]);
    expect([ra.status, rb.status].sort()).toEqual([200, 409]);
    expect([ra, rb].find((r) => r.status === 409)?.body.error.code).toBe('SHARING_HEADS_TAKEN');
    expect((await postOf(lender, surplus)).agreed).toBe(3);
    const agreedShortage = ra.status === 200 ? [a, b] : [b, a];
    expect((await postOf(ra.status === 200 ? borrower : third, agreedShortage[0])).agreed).toBe(3);
    expect((await postOf(ra.status === 200 ? third : borrower, agreedShortage[1])).agreed).toBe(0);
  }, 60_000);

  it('when six firms each agree to one head of the last three at once, then exactly three are agreed', async () => {
    const surplus = await post(lender, { headcount: 3 });
    const firms = await Promise.all(
      Array.from({ length: 6 }, async (_, i) => person(t, ['liaison'], await enterprise(t, `缺工企业${i}`))),
    );
    const ids: string[] = [];
    for (const f of firms) {
      const shortage = await post(f, { kind: 'shortage', headcount: 1 });
      ids.push((await propose(lender, terms(surplus, shortage, { headcount: 1 }))).body.id);
    }
    const results = await Promise.all(firms.map((f, i) => decide(f, ids[i], 'agree')));
    expect(results.filter((r) => r.status === 200)).toHaveLength(3);
    expect(results.filter((r) => r.status === 409)).toHaveLength(3);
    expect((await postOf(lender, surplus)).agreed).toBe(3);
  }, 90_000);
});

describe('人社局’s overview', () => {
  it('when 人社局 opens it, then it sees open heads offered and asked and the arrangements; another department and a firm are refused', async () => {
    const r = await t.http.get('/api/labour/sharing/overview').set(rsj.auth);
    expect(r.status).toBe(200);
    expect(r.body.agreements.agreed).toBeGreaterThanOrEqual(4);
    expect(r.body.surplus.heads).toBeGreaterThan(r.body.surplus.free);
    expect(r.body.items.length).toBe((await t.container.labour.repos.sharing.agreementsOf(null)).length);
    const jtj = await signInAs(t, ['officer'], { departmentId: 'jtj' });
    expect((await t.http.get('/api/labour/sharing/overview').set(jtj.auth)).status).toBe(403);
    expect((await t.http.get('/api/labour/sharing/overview').set(lender.auth)).status).toBe(403);
  }, 60_000);
});
