/**
 * What became of a notification on the WeChat channel (the in-app inbox always holds it):
 * pending (not tried yet), sent, no_openid (an H5-only person), not_consented (no acceptance of
 * the template left, nothing sent), not_subscribed (WeChat answered 43101), failed (retries spent).
 */
export const WECHAT_DELIVERY_STATES = [
  'pending',
  'sent',
  'no_openid',
  'not_consented',
  'not_subscribed',
  'failed',
] as const;
export type WechatDelivery = (typeof WECHAT_DELIVERY_STATES)[number];
