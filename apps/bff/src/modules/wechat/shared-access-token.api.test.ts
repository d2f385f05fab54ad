import { FAKE_WECHAT_APP } from '../../dev/fake-wechat-server';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { WechatError } from './wechat-http';

describe('one WeChat access token for every BFF instance', () => {
  let t: TestApp;
  let second: Awaited<ReturnType<TestApp['secondInstance']>>;
  beforeAll(async () => {
    t = await startTestApp();
    second = await t.secondInstance();
  });
  afterAll(() => t.close());

  it('when two instances need a token at once, then WeChat sees one stable_token fetch and both use the same token', async () => {
    const before = t.wechat.stableTokenRequests();
    const tokens = await Promise.all([
      ...Array.from({ length: 5 }, () => t.container.wechat.accessToken.get()),
      ...Array.from({ length: 5 }, () => second.container.wechat.accessToken.get()),
    ]);
    expect(t.wechat.stableTokenRequests() - before).toBe(1);
    expect(new Set(tokens).size).toBe(1);
    const docs = await t.connection.db!.collection('wechat_access_tokens').find({}).toArray();
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ _id: FAKE_WECHAT_APP.appid, token: tokens[0], leaseOwner: null });
  });

  it('when an hour passes, then the token is reused; in its last five minutes one instance refreshes it for both', async () => {
    const first = await t.container.wechat.accessToken.get();
    const before = t.wechat.stableTokenRequests();
    t.clock.advance(3600_000);
    expect(await second.container.wechat.accessToken.get()).toBe(first);
    expect(t.wechat.stableTokenRequests()).toBe(before);
    t.clock.advance(3600_000 - 290_000); // 290 s left of WeChat's 7,200
    // While one instance refreshes, the other may still use the old token: WeChat keeps it valid
    // until it expires. Once the refresh is stored, both use the new one.
    await Promise.all([t.container.wechat.accessToken.get(), second.container.wechat.accessToken.get()]);
    const a = await t.container.wechat.accessToken.get();
    const b = await second.container.wechat.accessToken.get();
    expect(a).toBe(b);
    expect(a).not.toBe(first);
    expect(t.wechat.stableTokenRequests() - before).toBe(1);
  });

  it('when a forced refresh elsewhere makes the token invalid (40001), then a phone bind on each instance still works with one fetch between them', async () => {
    await t.container.wechat.accessToken.get();
    await second.container.wechat.accessToken.get();
    await t.wechat.forceRefreshElsewhere();
    const before = t.wechat.stableTokenRequests();
    for (const [i, app] of [second, t].entries()) {
      const login = await app.http.post('/api/auth/login/wechat').send({ code: `token-user-${i}.1` });
      const res = await app.http
        .post('/api/auth/phone/wechat')
        .set('Authorization', `Bearer ${login.body.token}`)
        .send({ code: t.wechat.issuePhoneCode(`1370000000${i}`) });
      expect(res.status).toBe(200);
    }
    expect(t.wechat.stableTokenRequests() - before).toBe(1);
  });

  it('when WeChat rejects the token twice in a row, then the call fails instead of looping', async () => {
    const calls: string[] = [];
    const failing = t.container.wechat.accessToken.call(async (token) => {
      calls.push(token);
      throw new WechatError(40001, 'invalid credential');
    });
    await expect(failing).rejects.toMatchObject({ errcode: 40001 });
    expect(calls).toHaveLength(2);
  });
});

describe('refusals of stable_token', () => {
  it('when the app secret is wrong, then WeChat answers 40125, no token is stored and sign-in is refused too', async () => {
    const t = await startTestApp({ WECHAT_SECRET: 'not-the-app-secret' });
    try {
      await expect(t.container.wechat.accessToken.get()).rejects.toMatchObject({ errcode: 40125 });
      const login = await t.http.post('/api/auth/login/wechat').send({ code: 'secretless.1' });
      // jscode2session checks the secret too, as WeChat does.
      expect(login.status).toBe(401);
      expect(login.body.error.details).toEqual({ errcode: 40125 });
      const doc = await t.connection.db!.collection('wechat_access_tokens').findOne({});
      expect(doc).toMatchObject({ token: null, leaseOwner: null });
    } finally {
      await t.close();
    }
  });
});
