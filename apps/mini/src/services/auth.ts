/** Sign-in and identity calls (typed from @fugong/contracts' foundation routes). */
import { foundationRoutes, wechatRoutes, type PhoneLogin } from '@fugong/contracts';
import { callRoute, type CallOptions } from './call-route';

/** Asks the BFF to text a one-time code; resolves with how long to wait before asking again. */
export function requestOtp(phone: string, options?: CallOptions) {
  return callRoute(foundationRoutes.authOtp, { body: { phone } }, options);
}

/** Exchanges phone + one-time code for a session (H5). */
export function loginWithPhone(input: PhoneLogin, options?: CallOptions) {
  return callRoute(foundationRoutes.authPhone, { body: input }, options);
}

/** Exchanges a wx.login code for a session (mini-program). */
export function loginWithWechat(code: string, options?: CallOptions) {
  return callRoute(foundationRoutes.authWechat, { body: { code } }, options);
}

/** Revokes the refresh token on the server. */
export function logout(refreshToken: string, options?: CallOptions) {
  return callRoute(foundationRoutes.authLogout, { body: { refreshToken } }, options);
}

/** The signed-in person as the server knows them now (roles may have changed). */
export function fetchMe(options?: CallOptions) {
  return callRoute(foundationRoutes.me, {}, options);
}

/**
 * Binds the phone WeChat vouches for (the getPhoneNumber code) to the signed-in WeChat account;
 * the answer is the session of the person with that phone, roles included.
 */
export function bindPhoneWithWechat(code: string, options?: CallOptions) {
  return callRoute(wechatRoutes.authBindPhone, { body: { code } }, options);
}
