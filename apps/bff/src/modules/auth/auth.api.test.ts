import { startTestApp, signInByPhone, type TestApp } from '../../test-support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('sign-in with a phone and a one-time code', () => {
  it('when a worker asks for a code and signs in, then they get a session as a worker with a masked phone', async () => {
    const s = await signInByPhone(t, '13812348000');
    expect(s.user.roles).toEqual(['worker']);
    expect((s.user as unknown as { phoneMasked: string }).phoneMasked).toBe('138****8000');
    const me = await t.http.get('/api/me').set('Authorization', `Bearer ${s.token}`);
    expect(me.status).toBe(200);
    expect(me.body.id).toBe(s.user.id);
    expect(JSON.stringify(me.body)).not.toContain('13812348000');
  });

  it('when the same phone signs in again, then it is the same account', async () => {
    const a = await signInByPhone(t, '13812348001');
    t.clock.advance(61_000);
    const b = await signInByPhone(t, '13812348001');
    expect(b.user.id).toBe(a.user.id);
  });

  it('when a code is asked for twice within a minute, then the second is refused with Retry-After', async () => {
    expect((await t.http.post('/api/auth/otp').send({ phone: '13812348002' })).status).toBe(200);
    const again = await t.http.post('/api/auth/otp').send({ phone: '13812348002' });
    expect(again.status).toBe(429);
    expect(again.body.error.code).toBe('RATE_LIMITED');
    expect(again.headers['retry-after']).toBe('60');
  });

  it('when wrong codes are guessed five times, then even the right code is locked out', async () => {
    const phone = '13812348003';
    await t.http.post('/api/auth/otp').send({ phone });
    const right = t.otp.last(phone)!;
    const wrong = right === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i += 1) {
      const res = await t.http.post('/api/auth/login/phone').send({ phone, code: wrong });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('OTP_INVALID');
    }
    const locked = await t.http.post('/api/auth/login/phone').send({ phone, code: right });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('OTP_LOCKED');
  });

  it('when a code has expired, then it no longer signs in', async () => {
    const phone = '13812348004';
    await t.http.post('/api/auth/otp').send({ phone });
    t.clock.advance(301_000);
    const res = await t.http.post('/api/auth/login/phone').send({ phone, code: t.otp.last(phone) });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('OTP_INVALID');
  });

  it('when a code is used once, then it cannot be replayed', async () => {
    const phone = '13812348005';
    await signInByPhone(t, phone);
    const replay = await t.http.post('/api/auth/login/phone').send({ phone, code: t.otp.last(phone) });
    expect(replay.status).toBe(401);
  });

  it('when the phone is stored, then the database holds only ciphertext and a keyed hash', async () => {
    await signInByPhone(t, '13812348006');
    const raw = await t.connection.db!.collection('users').find({}).toArray();
    expect(JSON.stringify(raw)).not.toContain('13812348006');
  });
});

describe('sessions', () => {
  it('when a refresh token is spent, then a new session comes back and the old token dies after the grace minute', async () => {
    const s = await signInByPhone(t, '13812348010');
    const r1 = await t.http.post('/api/auth/refresh').send({ refreshToken: s.refreshToken });
    expect(r1.status).toBe(200);
    expect(r1.body.user.id).toBe(s.user.id);
    expect(r1.body.refreshToken).not.toBe(s.refreshToken);
    // A retry of a refresh whose answer was lost on a weak network still works…
    const retry = await t.http.post('/api/auth/refresh').send({ refreshToken: s.refreshToken });
    expect(retry.status).toBe(200);
    // …but not once the grace window has passed.
    t.clock.advance(61_000);
    const late = await t.http.post('/api/auth/refresh').send({ refreshToken: s.refreshToken });
    expect(late.status).toBe(401);
  });

  it('when a refresh token is unknown, then refresh is refused', async () => {
    const res = await t.http.post('/api/auth/refresh').send({ refreshToken: 'x'.repeat(43) });
    expect(res.status).toBe(401);
  });

  it('when a person signs out, then their refresh token no longer works', async () => {
    const s = await signInByPhone(t, '13812348011');
    const out = await t.http
      .post('/api/auth/logout')
      .set('Authorization', `Bearer ${s.token}`)
      .send({ refreshToken: s.refreshToken });
    expect(out.status).toBe(200);
    expect((await t.http.post('/api/auth/refresh').send({ refreshToken: s.refreshToken })).status).toBe(401);
  });

  it('when an access token has expired, then the answer is TOKEN_EXPIRED so the client refreshes', async () => {
    const s = await signInByPhone(t, '13812348012');
    jest.useFakeTimers({
      now: Date.now() + (t.config.ACCESS_TOKEN_TTL_SEC + 5) * 1000,
      doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval'],
    });
    try {
      const res = await t.http.get('/api/me').set('Authorization', `Bearer ${s.token}`);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('TOKEN_EXPIRED');
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('sign-in with WeChat', () => {
  it('when the same person signs in with two wx.login codes, then a worker session is opened and both reach the same account', async () => {
    const a = await t.http.post('/api/auth/login/wechat').send({ code: 'wx-person-1.first' });
    expect(a.status).toBe(200);
    expect(a.body.user.roles).toEqual(['worker']);
    expect(a.body.user.phoneMasked).toBeNull();
    const b = await t.http.post('/api/auth/login/wechat').send({ code: 'wx-person-1.second' });
    expect(b.body.user.id).toBe(a.body.user.id);
  });

  it('when a wx.login code is used twice, then WeChat refuses the second (40163) and so do we', async () => {
    expect((await t.http.post('/api/auth/login/wechat').send({ code: 'wx-person-2.once' })).status).toBe(200);
    const replay = await t.http.post('/api/auth/login/wechat').send({ code: 'wx-person-2.once' });
    expect(replay.status).toBe(401);
    expect(replay.body.error.details).toEqual({ errcode: 40163 });
  });

  it('when WeChat rejects the code, then the answer is a 401, not a 500', async () => {
    const res = await t.http.post('/api/auth/login/wechat').send({ code: 'bad-code' });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });
});

describe('logs', () => {
  it('when people sign in, then no phone number appears in the log', () => {
    const text = t.logs.join('\n');
    expect(text.length).toBeGreaterThan(0);
    expect(text).not.toMatch(/1381234800\d/);
  });
});
