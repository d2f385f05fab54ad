import { z } from 'zod';
import { DomainError } from '../errors';
import { postWechat, WechatError, WechatUnreachableError, type SharedAccessToken } from '../modules/wechat';

const sessionReply = z.object({
  openid: z.string().optional(),
  session_key: z.string().optional(),
  errcode: z.number().optional(),
  errmsg: z.string().optional(),
});

const phoneReply = z.object({
  phone_info: z.object({
    purePhoneNumber: z.string(),
    countryCode: z.string(),
    watermark: z.object({ appid: z.string(), timestamp: z.number() }),
  }),
});

/** The phone WeChat vouches for: what the person chose in the getPhoneNumber dialog. */
export interface WechatPhone {
  purePhoneNumber: string;
  countryCode: string;
}

/** WeChat's identity calls: a `wx.login` code to an openid, a getPhoneNumber code to a phone. */
export interface WechatClient {
  codeToOpenid(code: string): Promise<string>;
  phoneNumberOf(code: string): Promise<WechatPhone>;
}

const unavailable = (what: string) =>
  new DomainError('SERVICE_UNAVAILABLE', `${what}暂时不可用，请稍后重试`, undefined, 5);

/**
 * Calls WeChat at `base` (configurable so the demo and tests point it at the loopback fake;
 * production uses api.weixin.qq.com). A rejected code (40029 invalid, 40163 used, 45011
 * throttled…) is the person's problem (401/422); WeChat being unreachable is ours (503).
 */
export function createWechatClient(opts: {
  base: string;
  appid: string;
  secret: string;
  accessToken: SharedAccessToken;
}): WechatClient {
  return {
    async codeToOpenid(code) {
      const url = new URL('/sns/jscode2session', opts.base);
      url.search = new URLSearchParams({
        appid: opts.appid,
        secret: opts.secret,
        js_code: code,
        grant_type: 'authorization_code',
      }).toString();
      let body: unknown;
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
        body = await res.json();
      } catch {
        throw unavailable('微信登录服务');
      }
      const reply = sessionReply.safeParse(body);
      if (!reply.success || !reply.data.openid || (reply.data.errcode ?? 0) !== 0) {
        throw new DomainError('UNAUTHENTICATED', '微信登录失败，请重新进入小程序', {
          errcode: reply.success ? reply.data.errcode : undefined,
        });
      }
      return reply.data.openid;
    },

    async phoneNumberOf(code) {
      let body: unknown;
      try {
        body = await opts.accessToken.call((token) =>
          postWechat(opts.base, '/wxa/business/getuserphonenumber', { access_token: token }, { code }),
        );
      } catch (err) {
        if (err instanceof WechatUnreachableError) throw unavailable('微信手机号服务');
        if (err instanceof WechatError && err.errcode === 40029)
          throw new DomainError('BUSINESS_RULE', '手机号授权已失效，请重新点击按钮授权手机号', {
            errcode: err.errcode,
          });
        if (err instanceof WechatError) throw unavailable('微信手机号服务');
        throw err;
      }
      const reply = phoneReply.safeParse(body);
      // The watermark names the app the code was issued to: a code from another app is not ours.
      if (!reply.success || reply.data.phone_info.watermark.appid !== opts.appid)
        throw unavailable('微信手机号服务');
      const { purePhoneNumber, countryCode } = reply.data.phone_info;
      return { purePhoneNumber, countryCode };
    },
  };
}
