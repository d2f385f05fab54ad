import { z } from 'zod';
import { AppError } from '../http/app-error';

const sessionReply = z.object({
  openid: z.string().optional(),
  session_key: z.string().optional(),
  errcode: z.number().optional(),
  errmsg: z.string().optional(),
});

/** Exchanges a `wx.login` code for the user's openid (WeChat's jscode2session). */
export interface WechatClient {
  codeToOpenid(code: string): Promise<string>;
}

/**
 * Calls `${base}/sns/jscode2session`. The base URL is configurable so the demo and tests point
 * it at a fake on loopback; production uses api.weixin.qq.com. A rejected code (errcode 40029,
 * 40163 used, 45011 throttled…) is the user's problem (401); a network failure is ours (503).
 */
export function createWechatClient(base: string, appid: string, secret: string): WechatClient {
  return {
    async codeToOpenid(code) {
      const url = new URL('/sns/jscode2session', base);
      url.search = new URLSearchParams({
        appid,
        secret,
        js_code: code,
        grant_type: 'authorization_code',
      }).toString();
      let body: unknown;
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
        body = await res.json();
      } catch {
        throw new AppError('SERVICE_UNAVAILABLE', '微信登录服务暂时不可用，请稍后重试', undefined, {
          'Retry-After': '5',
        });
      }
      const reply = sessionReply.safeParse(body);
      if (!reply.success || !reply.data.openid || (reply.data.errcode ?? 0) !== 0) {
        throw new AppError('UNAUTHENTICATED', '微信登录失败，请重新进入小程序', {
          errcode: reply.success ? reply.data.errcode : undefined,
        });
      }
      return reply.data.openid;
    },
  };
}
