import { z } from 'zod';
import { objectIdSchema } from './common';
import { defineRoute } from './route';
import { sessionSchema } from './auth';

/** The code `<Button openType="getPhoneNumber">` hands the mini-program (valid 5 minutes, once). */
// WeChat's codes are URL-safe ASCII; anything else is refused here, before a token is fetched for it.
export const phoneBindSchema = z
  .object({ code: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, '手机号授权码格式不正确，请重新授权') })
  .strict();
export type PhoneBind = z.infer<typeof phoneBindSchema>;

/**
 * What `wx.requestSubscribeMessage` answered per template id: accept (one message allowed),
 * reject, ban (the template was banned by WeChat), filter (the template is hidden for this person).
 */
export const SUBSCRIBE_DECISIONS = ['accept', 'reject', 'ban', 'filter'] as const;
export type SubscribeDecision = (typeof SUBSCRIBE_DECISIONS)[number];

export const subscribeConsentSchema = z
  .object({
    results: z
      .record(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '模板编号格式不正确'), z.enum(SUBSCRIBE_DECISIONS))
      .refine((r) => Object.keys(r).length >= 1 && Object.keys(r).length <= 3, '一次最多 3 个模板'),
  })
  .strict();
export type SubscribeConsent = z.infer<typeof subscribeConsentSchema>;

export const subscribeConsentResultSchema = z.object({
  templates: z.array(
    z.object({
      templateId: z.string(),
      decision: z.enum(SUBSCRIBE_DECISIONS),
      /** One-time messages this person now allows for the template (一次性订阅: one per acceptance). */
      remaining: z.number().int(),
    }),
  ),
});

/** Largest photo the upload route accepts (a phone photo, uncompressed). */
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
/** Largest thumbnail sent beside it (the phone compresses it; lists show it). */
export const THUMBNAIL_MAX_BYTES = 200 * 1024;
/** Image types the upload route accepts, judged by their first bytes. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic'] as const;

export const issuePhotoSchema = z.object({
  id: objectIdSchema,
  issueId: objectIdSchema,
  contentType: z.enum(PHOTO_TYPES),
  size: z.number().int(),
  filename: z.string(),
  hasThumbnail: z.boolean(),
});
export type IssuePhoto = z.infer<typeof issuePhotoSchema>;

const idParams = z.object({ id: objectIdSchema });

/** Routes of the WeChat integration: phone binding, subscribe consent, photo upload. */
export const wechatRoutes = {
  authBindPhone: defineRoute({
    id: 'auth.bindPhone',
    method: 'post',
    path: '/api/auth/phone/wechat',
    summary: '微信授权手机号绑定（与手机号账号合并，取得按手机号授予的角色）',
    tag: 'auth',
    auth: 'user',
    body: phoneBindSchema,
    response: sessionSchema,
  }),
  subscribeConsent: defineRoute({
    id: 'notifications.consent',
    method: 'post',
    path: '/api/notifications/subscriptions',
    summary: '记录订阅消息授权结果（wx.requestSubscribeMessage）',
    tag: 'notifications',
    auth: 'user',
    body: subscribeConsentSchema,
    response: subscribeConsentResultSchema,
  }),
  issuePhotoUpload: defineRoute({
    id: 'issues.photos.upload',
    method: 'post',
    path: '/api/issues/:id/photos',
    summary: '上传问题照片（multipart/form-data：file 原图，thumbnail 手机压缩的缩略图，可选）',
    tag: 'issues',
    auth: 'user',
    params: idParams,
    response: issuePhotoSchema,
    status: 201,
    // A retried upload with the same Idempotency-Key stores one photo (the key lives in the photo record).
    idempotent: true,
  }),
  issuePhotoList: defineRoute({
    id: 'issues.photos.list',
    method: 'get',
    path: '/api/issues/:id/photos',
    summary: '问题照片列表',
    tag: 'issues',
    auth: 'user',
    params: idParams,
    response: z.object({ items: z.array(issuePhotoSchema) }),
  }),
  photoGet: defineRoute({
    id: 'photos.get',
    method: 'get',
    path: '/api/photos/:id',
    summary: '查看问题照片原图（记入审计）',
    tag: 'issues',
    auth: 'user',
    params: idParams,
    response: z.unknown(),
    produces: 'image/*',
  }),
  photoThumbnail: defineRoute({
    id: 'photos.thumbnail',
    method: 'get',
    path: '/api/photos/:id/thumbnail',
    summary: '问题照片缩略图',
    tag: 'issues',
    auth: 'user',
    params: idParams,
    response: z.unknown(),
    produces: 'image/*',
  }),
};
