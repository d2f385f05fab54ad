import { FAKE_WECHAT_APP } from '../../dev/fake-wechat-server';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { enterprise, person, type Person } from '../bookings/test/fixtures';
import { seekerBody, vacancyBody } from './testing/fixtures';

const TEMPLATE = FAKE_WECHAT_APP.templates[0];
const DAY = 86_400_000;

let t: TestApp;
let liaison: Person;
let seq = 0;

interface Seeker {
  id: string;
  auth: Record<string, string>;
  openid: string;
}
/** A worker signed in through WeChat (so a subscribe message can reach them), registered as a seeker. */
async function seeker(who: string, wantedIndustries: string[], consents: boolean): Promise<Seeker> {
  seq += 1;
  const login = await t.http.post('/api/auth/login/wechat').send({ code: `${who}.${seq}` });
  const w = {
    id: login.body.user.id as string,
    auth: { Authorization: `Bearer ${login.body.token}` },
    openid: t.wechat.openidFor(who),
  };
  const r = await t.http
    .put('/api/labour/seeker')
    .set(w.auth)
    .send(seekerBody({ wantedIndustries, willingRegionCodes: ['330281'], showPassColour: false }));
  if (r.status !== 200) throw new Error(JSON.stringify(r.body));
  if (consents) {
    await t.http
      .post('/api/notifications/subscriptions')
      .set(w.auth)
      .send({ results: { [TEMPLATE]: 'accept' } });
    t.wechat.acceptSubscription(w.openid, TEMPLATE);
  }
  return w;
}
const post = async (over: Record<string, unknown> = {}) => {
  const r = await t.http.post('/api/labour/vacancies').set(liaison.auth).send(vacancyBody(over));
  if (r.status !== 201) throw new Error(JSON.stringify(r.body));
  return r.body.id as string;
};
const digestsIn = async (w: Seeker) =>
  (
    (await t.http.get('/api/inbox').set(w.auth)).body.items as { kind: string; title: string; body: string }[]
  ).filter((n) => n.kind === 'labour_digest');
const pushedTo = (w: Seeker) => t.wechat.subscribeMessages.filter((m) => m.touser === w.openid);
const drain = () => t.container.notifications.services.notifications.drain();

let fits: Seeker;
let unconsented: Seeker;
let otherTrade: Seeker;
let posted: string[];

beforeAll(async () => {
  t = await startTestApp({ NOTIFY_SENDER: 'wechat', WECHAT_SUBSCRIBE_TEMPLATE_ID: TEMPLATE });
  t.clock.set(new Date('2026-03-06T07:30:00+08:00'));
  liaison = await person(t, ['liaison'], await enterprise(t, '余姚舜宇光学'));
  fits = await seeker('fits', ['制造业'], true);
  unconsented = await seeker('unconsented', ['制造业'], false);
  otherTrade = await seeker('cook', ['餐饮住宿'], true);
  posted = [await post(), await post({ position: '注塑工', wageMax: 6500 })];
}, 90_000);
afterAll(() => t.close());

describe('daily digest of new vacancies (一对一推送)', () => {
  it('when the job ticks before 08:00, then nobody is sent anything yet', async () => {
    expect(await t.container.labour.services.digest.run()).toMatchObject({ skipped: 'before_hour' });
    await drain();
    expect(await digestsIn(fits)).toEqual([]);
  }, 60_000);

  it('when two instances run the job at once and it runs again, then a fitting seeker gets exactly one digest and one subscribe message', async () => {
    t.clock.set(new Date('2026-03-06T08:05:00+08:00'));
    const second = await t.secondInstance();
    const runs = () =>
      Promise.all([t.container.labour.services.digest.run(), second.container.labour.services.digest.run()]);
    await runs();
    // A run that died before marking its day done: the next ticks sweep every seeker again.
    await t.connection.db!.collection('labour_digest_runs').deleteMany({});
    await runs();
    await t.container.labour.services.digest.run();
    await Promise.all([drain(), second.container.notifications.services.notifications.drain()]);
    await drain();
    const mine = await digestsIn(fits);
    expect(mine).toHaveLength(1);
    expect(mine[0].title).toBe('今日有 2 个新岗位适合您');
    expect(mine[0].body).toContain('余姚舜宇光学');
    expect(pushedTo(fits)).toHaveLength(1);
    expect(pushedTo(fits)[0]).toMatchObject({ template_id: TEMPLATE, page: 'labour/pages/vacancies/index' });
    expect(await t.connection.db!.collection('labour_digests').countDocuments({ day: '2026-03-06' })).toBe(3);
  }, 60_000);

  it('when a seeker never accepted the subscribe template, then the digest is in their inbox only, marked not consented', async () => {
    expect(await digestsIn(unconsented)).toHaveLength(1);
    expect(pushedTo(unconsented)).toEqual([]);
    const outbox = (await t.http.get('/api/notifications/mine').set(unconsented.auth)).body.items as {
      kind: string;
      wechat: string;
    }[];
    expect(outbox.filter((m) => m.kind === 'labour_digest').map((m) => m.wechat)).toEqual(['not_consented']);
  }, 60_000);

  it('when new seekers fit a firm’s vacancies, then its liaison gets one digest saying how many, opening that vacancy’s candidates', async () => {
    const inbox = (await t.http.get('/api/inbox').set(liaison.auth)).body.items as {
      kind: string;
      title: string;
      body: string;
      page: string;
    }[];
    expect(inbox.filter((n) => n.kind === 'labour_candidates')).toEqual([
      expect.objectContaining({
        title: '今日有 2 位新求职者符合您的岗位',
        page: expect.stringMatching(/^labour\/pages\/vacancy-candidates\/index\?vacancyId=[0-9a-f]{24}$/),
      }),
    ]);
    // The link names one of the firm's vacancies, and the candidates it opens are the two newcomers.
    const link = inbox.find((n) => n.kind === 'labour_candidates')!.page;
    const vacancyId = new URLSearchParams(link.split('?')[1]).get('vacancyId')!;
    expect(posted).toContain(vacancyId);
    const cands = await t.http.get('/api/labour/seekers').query({ vacancyId }).set(liaison.auth);
    expect(cands.status).toBe(200);
    expect(cands.body.items.map((c: { id: string }) => c.id)).toHaveLength(2);
  }, 60_000);

  it('when no new vacancy fits a seeker, then they get no digest at all', async () => {
    expect(await digestsIn(otherTrade)).toEqual([]);
    expect(pushedTo(otherTrade)).toEqual([]);
  }, 60_000);

  it('when the next day brings nothing new for them, then yesterday’s vacancies are not pushed again; a new fitting one is', async () => {
    t.clock.set(new Date('2026-03-07T08:10:00+08:00'));
    await t.container.labour.services.digest.run();
    await drain();
    expect(await digestsIn(fits)).toHaveLength(1);
    t.clock.set(new Date(t.clock.now().getTime() + DAY));
    await post({ position: '质检员' });
    await t.container.labour.services.digest.run();
    await drain();
    const mine = await digestsIn(fits);
    expect(mine).toHaveLength(2);
    expect(mine[0].title).toBe('今日有 1 个新岗位适合您');
    expect(pushedTo(fits)).toHaveLength(1); // the one-time consent was spent on the first digest
  }, 60_000);

  it('when a run died after claiming a digest but before handing it on, then the next tick sends it, once', async () => {
    t.clock.set(new Date('2026-03-09T08:20:00+08:00'));
    const claimed = await t.container.labour.repos.digests.claimMany(
      [
        {
          userId: otherTrade.id,
          day: '2026-03-09',
          kind: 'labour_digest',
          vacancyIds: [],
          title: '今日有 1 个新岗位适合您',
          body: '余姚舜宇光学·食堂帮厨，月薪 4200-5000 元',
          page: 'labour/pages/vacancies/index',
        },
      ],
      t.clock.now(),
    );
    expect(claimed).toHaveLength(1);
    await t.container.labour.services.digest.run();
    await t.container.labour.services.digest.run();
    await drain();
    expect((await digestsIn(otherTrade)).map((n) => n.body)).toEqual([
      '余姚舜宇光学·食堂帮厨，月薪 4200-5000 元',
    ]);
    expect(pushedTo(otherTrade)).toHaveLength(1);
  }, 60_000);
});
