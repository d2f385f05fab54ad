import { act, renderHook } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { installFakeApi, sessionFor } from '../../test-support/fake-api';
import { forgetCachedSession, getSession } from '../services/session-vault';
import { signInWithPhone, signOut, useSession } from './session';

describe('session store', () => {
  it('when a worker signs in, then pages re-render with the session and it survives an app restart', async () => {
    installFakeApi({ 'POST /api/auth/login/phone': { status: 200, body: sessionFor(['worker']) } });
    const { result } = renderHook(() => useSession());
    expect(result.current).toBeNull();

    await act(() => signInWithPhone({ phone: '13800000001', code: '123456' }));

    expect(result.current?.user.roles).toEqual(['worker']);
    forgetCachedSession();
    expect(getSession()?.token).toBe('access-token-1');
  });

  it('when the session is stored, then its expiry is measured from the moment it was issued', async () => {
    installFakeApi({
      'POST /api/auth/login/phone': { status: 200, body: sessionFor(['worker'], { expiresIn: 600 }) },
    });
    const before = Date.now();

    await signInWithPhone({ phone: '13800000001', code: '123456' });

    const expiresAt = getSession()?.expiresAt ?? 0;
    expect(expiresAt).toBeGreaterThanOrEqual(before + 600_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 600_000);
  });

  it('when someone signs out with no signal, then the phone forgets the session at once anyway', async () => {
    installFakeApi({
      'POST /api/auth/login/phone': { status: 200, body: sessionFor(['worker']) },
      'POST /api/auth/logout': { fail: 'network' },
    });
    await signInWithPhone({ phone: '13800000001', code: '123456' });

    jest.useFakeTimers();
    const told = signOut();
    expect(getSession()).toBeNull();
    await jest.runAllTimersAsync();
    await expect(told).resolves.toBeUndefined();
    jest.useRealTimers();

    forgetCachedSession();
    expect(getSession()).toBeNull();
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('when signing out online, then the server is told to revoke the refresh token with the old access token', async () => {
    const { calls } = installFakeApi({
      'POST /api/auth/login/phone': { status: 200, body: sessionFor(['worker']) },
      'POST /api/auth/logout': { status: 200, body: { ok: true } },
    });
    await signInWithPhone({ phone: '13800000001', code: '123456' });

    await signOut();

    const logout = calls.find((c) => c.path === '/api/auth/logout');
    expect(logout?.data).toEqual({ refreshToken: 'refresh-token-0123456789' });
    expect(logout?.header.Authorization).toBe('Bearer access-token-1');
  });

  it('when storage holds a session in an unknown shape (older app version), then the person counts as signed out', () => {
    Taro.setStorageSync('fugong.session.v1', JSON.stringify({ token: 't', user: { roles: ['pilot'] } }));

    expect(getSession()).toBeNull();
  });
});
