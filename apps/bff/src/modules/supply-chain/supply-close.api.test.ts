import { Types } from 'mongoose';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { person } from '../bookings/test/fixtures';
import { liaisonOfNewFirm, type Person } from './testing/fixtures';

let t: TestApp;
let lensMaker: Person;
let phoneMaker: Person;
let otherMaker: Person;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(new Date('2026-03-10T10:00:00+08:00'));
  lensMaker = await liaisonOfNewFirm(t, '余姚镜片厂');
  phoneMaker = await liaisonOfNewFirm(t, '宁波模组厂');
  otherMaker = await liaisonOfNewFirm(t, '慈溪模组厂');
}, 60_000);
afterAll(() => t.close());

const body = (side: 'supply' | 'demand', title: string) => ({
  side,
  category: 'parts',
  title,
  quantity: 50_000,
  unit: '片',
  regionCode: '330281',
  point: side === 'supply' ? { lat: 29.868, lng: 121.544 } : { lat: 30.037, lng: 121.155 },
  availableFrom: '2026-03-10',
  availableUntil: '2026-04-10',
  contact: { name: '王经理', phone: '13900000011' },
});

async function posted(who: Person, side: 'supply' | 'demand', title: string): Promise<string> {
  const res = await t.http.post('/api/supply-posts').set(who.auth).send(body(side, title));
  if (res.status !== 201) throw new Error(`post failed: ${res.status} ${res.text}`);
  return res.body.id;
}

const propose = (who: Person, postId: string, counterpartId: string) =>
  t.http.post('/api/supply-matches').set(who.auth).send({ postId, counterpartId });
const close = (who: Person, postId: string) => t.http.post(`/api/supply-posts/${postId}/close`).set(who.auth);
const matchesOf = async (who: Person) =>
  (await t.http.get('/api/supply-matches').set(who.auth)).body.items as {
    id: string;
    status: string;
    endedReason: string | null;
  }[];

describe('closing a supply post (供需关闭)', () => {
  it('when the firm closes its demand, then it leaves the candidates, its pending match ends with a reason the other side reads, and a confirmed match stays readable', async () => {
    const need = await posted(lensMaker, 'demand', '求购手机镜片');
    const offer = await posted(phoneMaker, 'supply', '手机镜片现货');
    const confirmedOffer = await posted(otherMaker, 'supply', '镜片库存');
    const pending = (await propose(lensMaker, need, offer)).body.id as string;
    const done = (await propose(lensMaker, need, confirmedOffer)).body.id as string;
    expect((await t.http.post(`/api/supply-matches/${done}/confirm`).set(otherMaker.auth)).status).toBe(200);
    const spare = await posted(phoneMaker, 'supply', '镜片备货');
    const shown = await t.http.get(`/api/supply-posts/${spare}/candidates`).set(phoneMaker.auth);
    expect(shown.body.items.map((p: { id: string }) => p.id)).toContain(need);

    const res = await close(lensMaker, need);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ post: { id: need, status: 'closed' }, matchesEnded: 1 });

    // Nobody finds it among the candidates any more, and proposing to it is refused in Chinese.
    const after = await t.http.get(`/api/supply-posts/${spare}/candidates`).set(phoneMaker.auth);
    expect(after.body.items.map((p: { id: string }) => p.id)).not.toContain(need);
    const refused = await propose(phoneMaker, spare, need);
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toBe('该信息已关闭');

    // The supplier sees why its pending match ended, and can no longer confirm it.
    const theirs = await matchesOf(phoneMaker);
    expect(theirs.find((m) => m.id === pending)).toMatchObject({
      status: 'ended',
      endedReason: '需求方已关闭「求购手机镜片」，不再需要对接',
    });
    const late = await t.http.post(`/api/supply-matches/${pending}/confirm`).set(phoneMaker.auth);
    expect(late.status).toBe(409);
    expect(late.body.error.message).toBe('需求方已关闭「求购手机镜片」，不再需要对接');

    // The confirmed one keeps its status and its contact stays readable (an audited read).
    expect((await matchesOf(otherMaker)).find((m) => m.id === done)).toMatchObject({ status: 'confirmed' });
    const contact = await t.http.get(`/api/supply-matches/${done}/contact`).set(otherMaker.auth);
    expect(contact.status).toBe(200);
    expect(contact.body.name).toBe('王经理');

    const audit = await t.container.repos.audit.listForSubject('supply_post', need);
    expect(audit.map((a) => a.action)).toContain('supply.post.close');
  });

  it('when another firm or the firm’s steward tries to close the post, then 404 and the post stays open', async () => {
    const offer = await posted(phoneMaker, 'supply', '镜头模组');
    expect((await close(lensMaker, offer)).status).toBe(404);
    const steward = await person(t, ['steward']);
    expect([403, 404]).toContain((await close(steward, offer)).status);
    const stored = await t.connection
      .db!.collection('supply_posts')
      .findOne({ _id: new Types.ObjectId(offer) });
    expect(stored).toMatchObject({ status: 'open', closedAt: null });
  });
});

describe('closing a supply post under concurrent taps', () => {
  it('when the firm closes the same post twice at once, then one close applies and the other is a 409', async () => {
    const need = await posted(lensMaker, 'demand', '求购镜片');
    const offer = await posted(phoneMaker, 'supply', '镜片');
    await propose(phoneMaker, offer, need);
    const answers = await Promise.all([close(lensMaker, need), close(lensMaker, need)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const refusal = answers.find((a) => a.status === 409)!;
    expect(refusal.body.error).toMatchObject({ code: 'INVALID_TRANSITION', message: '该信息已关闭' });
    expect(answers.find((a) => a.status === 200)!.body.matchesEnded).toBe(1);
    const closes = await t.container.repos.audit.listForSubject('supply_post', need);
    expect(closes.filter((a) => a.action === 'supply.post.close')).toHaveLength(1);
  });

  it('when the close lands between a proposal’s check and its insert, then the proposal is refused and no pending match is left on the closed post', async () => {
    const need = await posted(lensMaker, 'demand', '求购镜片（并发）');
    const offer = await posted(phoneMaker, 'supply', '镜片（并发）');
    // Hold the proposal's insert until the close has answered: the window a real race would hit.
    const repo = t.container.supplyChain.repo;
    const insert = repo.createMatch.bind(repo);
    let closed: Promise<{ status: number }> | null = null;
    const spy = jest.spyOn(repo, 'createMatch').mockImplementationOnce(async (m) => {
      closed = close(lensMaker, need).then((r) => r);
      await closed;
      return insert(m);
    });
    const proposed = await propose(phoneMaker, offer, need);
    spy.mockRestore();
    expect((await closed!).status).toBe(200);
    expect(proposed.status).toBe(422);
    expect(proposed.body.error.message).toBe('该信息已关闭');
    const left = await t.connection
      .db!.collection('supply_matches')
      .countDocuments({ demandPostId: new Types.ObjectId(need) });
    expect(left).toBe(0);
  });
});
