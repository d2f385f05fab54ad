import { Types } from 'mongoose';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { liaisonOfNewFirm, type Person } from './testing/fixtures';

let t: TestApp;
let lensMaker: Person;
let phoneMaker: Person;
let farMaker: Person;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(new Date('2026-03-10T10:00:00+08:00'));
  lensMaker = await liaisonOfNewFirm(t, '余姚镜片厂');
  phoneMaker = await liaisonOfNewFirm(t, '宁波模组厂');
  farMaker = await liaisonOfNewFirm(t, '温州模组厂');
}, 60_000);
afterAll(() => t.close());

const YUYAO = { lat: 30.037, lng: 121.155 };
const NINGBO = { lat: 29.868, lng: 121.544 };
const WENZHOU = { lat: 27.994, lng: 120.699 };

const body = (side: 'supply' | 'demand', over: object = {}) => ({
  side,
  category: 'parts',
  title: side === 'supply' ? '手机镜片' : '求购手机镜片',
  quantity: 50_000,
  unit: '片',
  regionCode: '330281',
  point: YUYAO,
  availableFrom: '2026-03-10',
  availableUntil: '2026-04-10',
  contact: { name: '王经理', phone: '13900000011' },
  ...over,
});

async function posted(who: Person, b: object): Promise<{ id: string }> {
  const res = await t.http.post('/api/supply-posts').set(who.auth).send(b);
  if (res.status !== 201) throw new Error(`post failed: ${res.status} ${res.text}`);
  return res.body;
}

describe('supply-chain posts and matching (产业链协同)', () => {
  it('when a post ends before it starts, lies outside China or has already ended, then 400 with the field and nothing is stored', async () => {
    const before = await t.connection.db!.collection('supply_posts').countDocuments();
    const backwards = await t.http
      .post('/api/supply-posts')
      .set(lensMaker.auth)
      .send(body('supply', { availableFrom: '2026-03-20', availableUntil: '2026-03-12' }));
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'availableUntil' })]),
    );
    const abroad = await t.http
      .post('/api/supply-posts')
      .set(lensMaker.auth)
      .send(body('supply', { point: { lat: 51.5, lng: -0.12 } }));
    expect(abroad.status).toBe(400);
    const ended = await t.http
      .post('/api/supply-posts')
      .set(lensMaker.auth)
      .send(body('supply', { availableFrom: '2026-02-01', availableUntil: '2026-03-09' }));
    expect(ended.status).toBe(400);
    expect(ended.body.error).toMatchObject({
      code: 'VALIDATION_ERROR',
      message: '截止日期已过，请填写今天或以后的日期',
      details: [{ path: 'availableUntil' }],
    });
    expect(await t.connection.db!.collection('supply_posts').countDocuments()).toBe(before);
  });

  it('when a demand is posted, then the candidates are the open supply posts whose days still meet it, nearest first, without their contact', async () => {
    const near = await posted(phoneMaker, body('supply', { point: NINGBO, title: '镜片现货' }));
    const far = await posted(farMaker, body('supply', { point: WENZHOU, title: '镜片远方现货' }));
    // Offered only in May: no day in common with a need that ends on 10 April.
    await posted(phoneMaker, body('supply', { availableFrom: '2026-05-01', availableUntil: '2026-05-30' }));
    const endsSoon = await posted(
      farMaker,
      body('supply', { point: NINGBO, availableFrom: '2026-03-10', availableUntil: '2026-03-12' }),
    );
    const need = await posted(lensMaker, body('demand'));

    const found = await t.http.get(`/api/supply-posts/${need.id}/candidates`).set(lensMaker.auth);
    expect(found.status).toBe(200);
    const ids = found.body.items.map((p: { id: string }) => p.id);
    // Two in Ningbo (about 40 km), then Wenzhou (about 230 km); the May offer is not among them.
    expect(ids).toHaveLength(3);
    expect(ids.slice(0, 2).sort()).toEqual([near.id, endsSoon.id].sort());
    expect(ids[2]).toBe(far.id);
    expect(found.body.items[0].distanceKm).toBeGreaterThan(30);
    expect(found.body.items[0].distanceKm).toBeLessThan(50);
    for (const p of found.body.items) expect(p.contact).toBeNull();

    // Two days later the post that ended on the 12th has gone from the list, and proposing to it is refused.
    t.clock.set(new Date('2026-03-13T09:00:00+08:00'));
    const later = await t.http.get(`/api/supply-posts/${need.id}/candidates`).set(lensMaker.auth);
    expect(later.body.items.map((p: { id: string }) => p.id)).not.toContain(endsSoon.id);
    const stale = await t.http
      .post('/api/supply-matches')
      .set(lensMaker.auth)
      .send({ postId: need.id, counterpartId: endsSoon.id });
    expect(stale.status).toBe(422);
    expect(stale.body.error.message).toBe('对方的信息已过有效期');
  });

  it('when one side proposes and the other confirms, then both see the match and only then each other’s contact (audited); a second confirmation is refused', async () => {
    const offer = await posted(phoneMaker, body('supply', { point: NINGBO }));
    const need = await posted(lensMaker, body('demand'));
    const proposed = await t.http
      .post('/api/supply-matches')
      .set(lensMaker.auth)
      .send({ postId: need.id, counterpartId: offer.id });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ status: 'proposed', proposedBy: 'demand' });
    const matchId = proposed.body.id as string;

    const again = await t.http
      .post('/api/supply-matches')
      .set(lensMaker.auth)
      .send({ postId: need.id, counterpartId: offer.id });
    expect(again.status).toBe(409);
    expect((await t.http.get(`/api/supply-matches/${matchId}/contact`).set(lensMaker.auth)).status).toBe(422);
    expect((await t.http.post(`/api/supply-matches/${matchId}/confirm`).set(lensMaker.auth)).status).toBe(
      403,
    );
    expect((await t.http.post(`/api/supply-matches/${matchId}/confirm`).set(farMaker.auth)).status).toBe(404);

    const confirmed = await t.http.post(`/api/supply-matches/${matchId}/confirm`).set(phoneMaker.auth);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe('confirmed');
    expect((await t.http.post(`/api/supply-matches/${matchId}/confirm`).set(phoneMaker.auth)).status).toBe(
      409,
    );

    const contact = await t.http.get(`/api/supply-matches/${matchId}/contact`).set(lensMaker.auth);
    expect(contact.status).toBe(200);
    expect(contact.body).toMatchObject({ name: '王经理', phone: '13900000011' });
    const reads = await t.container.repos.audit.listForSubject('supply_post', offer.id);
    expect(reads.map((a) => a.action)).toContain('pii.read');

    const mine = await t.http.get('/api/supply-matches').set(phoneMaker.auth);
    expect(mine.body.items.map((m: { id: string }) => m.id)).toContain(matchId);
    const outsider = await t.http.get('/api/supply-matches').set(farMaker.auth);
    expect(outsider.body.items.map((m: { id: string }) => m.id)).not.toContain(matchId);
  });
});

describe('supply-chain matching under concurrent taps', () => {
  it('when the other side confirms a match twice at once, then one confirmation applies and the other is refused', async () => {
    const offer = await posted(phoneMaker, body('supply', { point: NINGBO }));
    const need = await posted(lensMaker, body('demand'));
    const m = await t.http
      .post('/api/supply-matches')
      .set(lensMaker.auth)
      .send({ postId: need.id, counterpartId: offer.id });
    const answers = await Promise.all(
      [1, 2].map(() => t.http.post(`/api/supply-matches/${m.body.id}/confirm`).set(phoneMaker.auth)),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const stored = await t.connection
      .db!.collection('supply_matches')
      .findOne({ _id: new Types.ObjectId(m.body.id) });
    expect(stored).toMatchObject({ status: 'confirmed' });
  });

  it('when both firms propose the same pairing at once, then one proposal is stored', async () => {
    const offer = await posted(phoneMaker, body('supply', { point: NINGBO }));
    const need = await posted(lensMaker, body('demand'));
    const answers = await Promise.all([
      t.http
        .post('/api/supply-matches')
        .set(lensMaker.auth)
        .send({ postId: need.id, counterpartId: offer.id }),
      t.http
        .post('/api/supply-matches')
        .set(phoneMaker.auth)
        .send({ postId: offer.id, counterpartId: need.id }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const pairs = await t.connection.db!.collection('supply_matches').countDocuments({
      supplyPostId: new Types.ObjectId(offer.id),
      demandPostId: new Types.ObjectId(need.id),
    });
    expect(pairs).toBe(1);
  });
});
