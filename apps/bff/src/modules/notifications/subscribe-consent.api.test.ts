import { FAKE_WECHAT_APP } from '../../dev/fake-wechat-server';
import { signInByPhone, startTestApp, type TestApp } from '../../test-support/test-app';

const TEMPLATE = FAKE_WECHAT_APP.templates[0];

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ NOTIFY_SENDER: 'wechat', WECHAT_SUBSCRIBE_TEMPLATE_ID: TEMPLATE });
});
afterAll(() => t.close());

let seq = 0;
async function wechatWorker(who: string) {
  seq += 1;
  const res = await t.http.post('/api/auth/login/wechat').send({ code: `${who}.${seq}` });
  return {
    id: res.body.user.id as string,
    auth: { Authorization: `Bearer ${res.body.token}` },
    openid: t.wechat.openidFor(who),
  };
}

/** A trip change announced to the worker, as the trip service writes it; then the drainer runs. */
async function announce(workerId: string, title = '班车改时间：贵阳南明区到余姚市舜宇光学的直通车') {
  seq += 1;
  const id = `test-${seq}:${workerId}`;
  await t.container.notifications.repos.outbox.addMany(
    [
      {
        id,
        workerId,
        kind: 'trip_changed',
        title,
        body: '发车时间由 3月2日 08:00 改为 3月2日 10:00，请按新时间乘车',
        page: 'pages/my-bookings/index',
      },
    ],
    t.clock.now(),
  );
  await t.container.notifications.services.notifications.drain();
  return id;
}
const inbox = async (auth: Record<string, string>) =>
  (await t.http.get('/api/notifications/mine').set(auth)).body.items as Array<{
    id: string;
    wechat: string;
    status: string;
  }>;
const consent = (auth: Record<string, string>, decision: string, template: string = TEMPLATE) =>
  t.http
    .post('/api/notifications/subscriptions')
    .set(auth)
    .send({ results: { [template]: decision } });

describe('subscribe messages only for people who accepted the template', () => {
  it('when a worker never accepted, then nothing is sent to WeChat and the notice waits in the inbox, marked not consented', async () => {
    const w = await wechatWorker('never');
    const before = t.wechat.subscribeMessages.length;
    const id = await announce(w.id);
    expect(t.wechat.subscribeMessages).toHaveLength(before);
    expect((await inbox(w.auth)).find((n) => n.id === id)).toMatchObject({ wechat: 'not_consented' });
  });

  it('when a worker accepts once, then exactly one message goes out (一次性订阅) and the next stays in the inbox only', async () => {
    const w = await wechatWorker('once');
    const res = await consent(w.auth, 'accept');
    expect(res.status).toBe(200);
    expect(res.body.templates).toEqual([{ templateId: TEMPLATE, decision: 'accept', remaining: 1 }]);
    t.wechat.acceptSubscription(w.openid, TEMPLATE); // what WeChat's server recorded on the phone's tap
    const first = await announce(w.id);
    const sent = t.wechat.subscribeMessages.at(-1)!;
    expect(sent).toMatchObject({ touser: w.openid, template_id: TEMPLATE, page: 'pages/my-bookings/index' });
    expect([...sent.data.thing1.value].length).toBeLessThanOrEqual(20);
    expect(sent.data.thing2.value.startsWith('发车时间由')).toBe(true);
    const second = await announce(w.id);
    const items = await inbox(w.auth);
    expect(items.find((n) => n.id === first)!.wechat).toBe('sent');
    expect(items.find((n) => n.id === second)!.wechat).toBe('not_consented');
    expect(t.wechat.subscriptionsLeft(w.openid, TEMPLATE)).toBe(0);
  });

  it('when WeChat knows no acceptance (43101) although the phone reported one, then the notice counts as not delivered and stays in the inbox', async () => {
    const w = await wechatWorker('out-of-sync');
    await consent(w.auth, 'accept'); // the fake is not told: WeChat answers 43101
    const before = t.wechat.subscribeMessages.length;
    const id = await announce(w.id);
    expect(t.wechat.subscribeMessages).toHaveLength(before);
    expect((await inbox(w.auth)).find((n) => n.id === id)).toMatchObject({
      status: 'sent',
      wechat: 'not_subscribed',
    });
  });

  it('when a worker rejects, then nothing is allowed; earlier acceptances still count, a ban clears them', async () => {
    const w = await wechatWorker('rejecter');
    expect((await consent(w.auth, 'reject')).body.templates[0].remaining).toBe(0);
    expect((await consent(w.auth, 'accept')).body.templates[0].remaining).toBe(1);
    expect((await consent(w.auth, 'reject')).body.templates[0].remaining).toBe(1);
    expect((await consent(w.auth, 'ban')).body.templates[0].remaining).toBe(0);
    const id = await announce(w.id);
    expect((await inbox(w.auth)).find((n) => n.id === id)!.wechat).toBe('not_consented');
  });

  it('when the template is not the app’s or the decision is unknown, then 400 and nothing is recorded', async () => {
    const w = await wechatWorker('forger');
    const other = await consent(w.auth, 'accept', 'someone-elses-template');
    expect(other.status).toBe(400);
    expect(other.body.error.details[0].path).toBe('results.someone-elses-template');
    expect((await consent(w.auth, 'maybe')).status).toBe(400);
    expect(await t.connection.db!.collection('subscribe_consents').countDocuments({ openid: w.openid })).toBe(
      0,
    );
  });

  it('when a person signed in by phone (H5, no openid) reports consent, then 422: only WeChat can deliver', async () => {
    const s = await signInByPhone(t, '13812349001');
    const res = await consent({ Authorization: `Bearer ${s.token}` }, 'accept');
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain('微信小程序');
    const id = await announce(s.user.id);
    expect((await inbox({ Authorization: `Bearer ${s.token}` })).find((n) => n.id === id)!.wechat).toBe(
      'no_openid',
    );
  });

  it('when WeChat refuses the token even after one fresh fetch, then the acceptance is kept and the notice is retried later', async () => {
    const w = await wechatWorker('unlucky');
    await consent(w.auth, 'accept');
    t.wechat.acceptSubscription(w.openid, TEMPLATE);
    await t.container.wechat.accessToken.get();
    // A token WeChat no longer honours twice in a row (forced refresh elsewhere, then again):
    // the sender's one retry is spent, so the send fails and the acceptance is given back.
    const force = () => t.wechat.forceRefreshElsewhere();
    await force();
    const original = t.container.wechat.accessToken.call.bind(t.container.wechat.accessToken);
    const spy = jest.spyOn(t.container.wechat.accessToken, 'call').mockImplementationOnce(async (fn) => {
      const result = original(async (token) => {
        await force(); // a third party rotates the token again before our retry lands
        return fn(token);
      });
      return result;
    });
    const id = await announce(w.id);
    spy.mockRestore();
    expect(await t.container.wechat.consents.remaining(w.openid, TEMPLATE)).toBe(1);
    const doc = await t.connection.db!.collection('notification_outbox').findOne({ _id: id as never });
    expect(doc).toMatchObject({ status: 'pending', wechat: 'pending', attempts: 1 });
    expect(doc!.lastError).toMatch(/40001/);
  });
});
