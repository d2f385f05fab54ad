import Taro from '@tarojs/taro';
import { apiError, installFakeApi, sessionFor } from '../../test-support/fake-api';
import { setCurrentPage } from '../../test-support/taro';
import { ApiError } from './api-error';
import { isOffline } from './network-status';
import { renewSession, request } from './request';
import { getSession, saveSession } from './session-vault';

/** Lets retries' backoff timers run without waiting in real time. */
async function settle<T>(promise: Promise<T>): Promise<PromiseSettledResult<T>> {
  const outcome = Promise.allSettled([promise]).then(([result]) => result);
  await jest.runAllTimersAsync();
  return outcome;
}

beforeEach(() => {
  jest.useFakeTimers();
});

afterEach(() => {
  jest.useRealTimers();
});

describe('request', () => {
  it('when the server answers 2xx, then the body itself is the result and the token is sent', async () => {
    saveSession(sessionFor(['worker']));
    const { calls } = installFakeApi({ 'GET /api/me': { status: 200, body: { id: 'u1' } } });

    await expect(request({ path: '/api/me' })).resolves.toEqual({ id: 'u1' });
    expect(calls[0].header.Authorization).toBe('Bearer access-token-1');
    expect(calls[0].header['Idempotency-Key']).toBeUndefined();
  });

  it('when the server answers with an error envelope, then it rejects with one ApiError and toasts its message once', async () => {
    installFakeApi({ 'GET /api/things': apiError(403, 'FORBIDDEN', '您没有权限进行此操作') });

    const result = await settle(request({ path: '/api/things' }));

    expect(result.status).toBe('rejected');
    const error = (result as PromiseRejectedResult).reason as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
      message: '您没有权限进行此操作',
      requestId: 'req-test',
    });
    expect(Taro.showToast).toHaveBeenCalledTimes(1);
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '您没有权限进行此操作' }));
  });

  it('when a write fails on the network and then succeeds, then every try carries the same Idempotency-Key', async () => {
    const { calls } = installFakeApi({
      'POST /api/bookings': [{ fail: 'network' }, { status: 503 }, { status: 201, body: { id: 'b1' } }],
    });

    const result = await settle(request({ method: 'POST', path: '/api/bookings', body: { tripId: 't1' } }));

    expect(result).toEqual({ status: 'fulfilled', value: { id: 'b1' } });
    expect(calls).toHaveLength(3);
    const keys = calls.map((call) => call.header['Idempotency-Key']);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(keys).size).toBe(1);
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('when two separate submissions are made, then they get different Idempotency-Keys', async () => {
    const { calls } = installFakeApi({ 'POST /api/bookings': { status: 201, body: {} } });

    await settle(request({ method: 'POST', path: '/api/bookings', body: {} }));
    await settle(request({ method: 'POST', path: '/api/bookings', body: {} }));

    expect(calls[0].header['Idempotency-Key']).not.toBe(calls[1].header['Idempotency-Key']);
  });

  it('when the server rejects a form with VALIDATION_ERROR, then it is not retried and the field issues are readable', async () => {
    const details = [{ path: 'phone', message: '请输入 11 位手机号', code: 'invalid_format' }];
    const { calls } = installFakeApi({
      'POST /api/auth/otp': apiError(400, 'VALIDATION_ERROR', '提交的信息有误，请检查后重试', details),
    });

    const result = await settle(
      request({ method: 'POST', path: '/api/auth/otp', body: { phone: '1' }, auth: false, silent: true }),
    );

    expect(calls).toHaveLength(1);
    const error = (result as PromiseRejectedResult).reason as ApiError;
    expect(error.fieldIssues).toEqual(details);
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('when the network never answers, then it gives up after 3 tries with a Chinese offline message and flags offline', async () => {
    const { calls } = installFakeApi({ 'GET /api/me': { fail: 'timeout' } });

    const result = await settle(request({ path: '/api/me' }));

    expect(calls).toHaveLength(3);
    expect((result as PromiseRejectedResult).reason).toMatchObject({
      code: 'TIMEOUT',
      message: '网络超时，请稍后重试',
    });
    expect(isOffline()).toBe(true);
  });

  it('when the server says the key is still in progress, then it waits Retry-After and asks again', async () => {
    const { calls } = installFakeApi({
      'POST /api/checkins': [
        {
          ...apiError(409, 'IDEMPOTENCY_IN_PROGRESS', '上一次提交仍在处理中，请稍候'),
          headers: { 'retry-after': '2' },
        },
        { status: 201, body: { ok: true } },
      ],
    });

    const pending = request({ method: 'POST', path: '/api/checkins', body: {} });
    await jest.advanceTimersByTimeAsync(1_900);
    expect(calls).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(200);
    await expect(pending).resolves.toEqual({ ok: true });
    expect(calls).toHaveLength(2);
  });

  it('when the token has expired, then it refreshes once and replays the request with the new token', async () => {
    saveSession(sessionFor(['worker']));
    const { calls } = installFakeApi({
      'GET /api/me': (call) =>
        call.header.Authorization === 'Bearer access-token-2'
          ? { status: 200, body: { id: 'u1' } }
          : apiError(401, 'TOKEN_EXPIRED', '登录已过期，请重新登录'),
      'POST /api/auth/refresh': { status: 200, body: sessionFor(['worker'], { token: 'access-token-2' }) },
    });

    const result = await settle(request({ path: '/api/me' }));

    expect(result).toEqual({ status: 'fulfilled', value: { id: 'u1' } });
    expect(calls.map((c) => c.path)).toEqual(['/api/me', '/api/auth/refresh', '/api/me']);
    expect(calls[1].data).toEqual({ refreshToken: 'refresh-token-0123456789' });
    expect(getSession()?.token).toBe('access-token-2');
  });

  it('when refreshing the token is refused, then the session is cleared and the person is sent to login', async () => {
    saveSession(sessionFor(['worker']));
    setCurrentPage('pages/home/index');
    installFakeApi({
      'GET /api/me': apiError(401, 'TOKEN_EXPIRED', '登录已过期，请重新登录'),
      'POST /api/auth/refresh': apiError(401, 'UNAUTHENTICATED', '请先登录'),
    });

    const result = await settle(request({ path: '/api/me' }));

    expect((result as PromiseRejectedResult).reason).toMatchObject({ status: 401 });
    expect(getSession()).toBeNull();
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
    expect(Taro.showToast).toHaveBeenCalledTimes(1);
  });

  it('when several requests find the token expired at once, then the token is refreshed only once', async () => {
    saveSession(sessionFor(['worker']));
    const { calls } = installFakeApi({
      'GET /api/a': (call) =>
        call.header.Authorization === 'Bearer access-token-2'
          ? { status: 200, body: 'a' }
          : apiError(401, 'TOKEN_EXPIRED', ''),
      'GET /api/b': (call) =>
        call.header.Authorization === 'Bearer access-token-2'
          ? { status: 200, body: 'b' }
          : apiError(401, 'TOKEN_EXPIRED', ''),
      'POST /api/auth/refresh': { status: 200, body: sessionFor(['worker'], { token: 'access-token-2' }) },
    });

    const both = Promise.all([request({ path: '/api/a' }), request({ path: '/api/b' })]);
    await jest.runAllTimersAsync();

    await expect(both).resolves.toEqual(['a', 'b']);
    expect(calls.filter((c) => c.path === '/api/auth/refresh')).toHaveLength(1);
  });

  it('when a session renewal meets a request refreshing a lapsing token, then the token is refreshed only once', async () => {
    // Ten seconds left: the request refreshes before it leaves, and the renewal joins that refresh.
    saveSession(sessionFor(['liaison'], { expiresIn: 10 }));
    const { calls } = installFakeApi({
      'GET /api/a': (call) =>
        call.header.Authorization === 'Bearer access-token-2'
          ? { status: 200, body: 'a' }
          : apiError(401, 'TOKEN_EXPIRED', ''),
      'POST /api/auth/refresh': { status: 200, body: sessionFor(['liaison'], { token: 'access-token-2' }) },
    });

    const both = Promise.all([request({ path: '/api/a' }), renewSession()]);
    await jest.runAllTimersAsync();

    await expect(both).resolves.toEqual(['a', undefined]);
    expect(calls.filter((c) => c.path === '/api/auth/refresh')).toHaveLength(1);
    expect(getSession()?.token).toBe('access-token-2');
  });

  it('when a public sign-in call gets 401, then nobody is redirected (the form shows the error)', async () => {
    setCurrentPage('pages/login/index');
    installFakeApi({ 'POST /api/auth/login/phone': apiError(401, 'OTP_INVALID', '验证码错误或已过期') });

    const result = await settle(
      request({ method: 'POST', path: '/api/auth/login/phone', body: {}, auth: false, silent: true }),
    );

    expect((result as PromiseRejectedResult).reason).toMatchObject({ code: 'OTP_INVALID' });
    expect(Taro.reLaunch).not.toHaveBeenCalled();
  });
});
