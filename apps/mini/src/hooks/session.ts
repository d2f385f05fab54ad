/**
 * The session as React sees it: a hook over services/session-vault plus the sign-in and
 * sign-out actions pages call. No state library: one value, a handful of subscribers.
 */
import { useSyncExternalStore } from 'react';
import type { PhoneLogin, SessionUser } from '@fugong/contracts';
import { bindPhoneWithWechat, fetchMe, loginWithPhone, loginWithWechat, logout } from '../services/auth';
import type { CallOptions } from '../services/call-route';
import {
  clearSession,
  getSession,
  saveSession,
  subscribeSession,
  updateSessionUser,
  type StoredSession,
} from '../services/session-vault';

export type { StoredSession };

/** The current session (null when signed out); re-renders on sign-in, refresh and sign-out. */
export function useSession(): StoredSession | null {
  return useSyncExternalStore(subscribeSession, getSession, getSession);
}

/** Signs in with phone + one-time code and remembers the session. */
export async function signInWithPhone(input: PhoneLogin, options?: CallOptions): Promise<SessionUser> {
  const session = await loginWithPhone(input, options);
  return saveSession(session).user;
}

/** Signs in with the code from wx.login and remembers the session. */
export async function signInWithWechat(code: string, options?: CallOptions): Promise<SessionUser> {
  const session = await loginWithWechat(code, options);
  return saveSession(session).user;
}

/**
 * Staff sign-in in WeChat: wx.login, then the phone WeChat vouches for, and only the phone's
 * session is kept. Keeping the wx.login session first would sign the person in as a new worker
 * the moment it lands (the login page goes home on any session), so a refused phone would leave
 * them on home as a plain worker without ever seeing why.
 */
export async function signInWithWechatPhone(
  loginCode: string,
  phoneCode: string,
  options: CallOptions = {},
): Promise<SessionUser> {
  const wechat = await loginWithWechat(loginCode, options);
  const session = await bindPhoneWithWechat(phoneCode, { ...options, token: wechat.token });
  return saveSession(session).user;
}

/**
 * Binds the phone from WeChat's getPhoneNumber button to the signed-in WeChat account and keeps
 * the session it answers: when the phone belongs to staff, that account (with its roles).
 */
export async function bindWechatPhone(code: string, options?: CallOptions): Promise<SessionUser> {
  const session = await bindPhoneWithWechat(code, options);
  return saveSession(session).user;
}

/**
 * Signs out on this phone at once; telling the server is best effort and not awaited by the
 * UI, because a worker with no signal must still be able to hand the phone to someone else.
 * The returned promise settles when the server has been told or the attempt gave up.
 */
export function signOut(): Promise<void> {
  const session = getSession();
  clearSession();
  if (!session) return Promise.resolve();
  return logout(session.refreshToken, { silent: true, token: session.token }).then(
    () => undefined,
    // The refresh token expires on its own; there is nothing more the phone can do.
    () => undefined,
  );
}

/** Re-reads the person from the server (roles may have changed) and updates the cache. */
export async function refreshCurrentUser(options?: CallOptions): Promise<SessionUser> {
  const user = await fetchMe(options);
  updateSessionUser(user);
  return user;
}
