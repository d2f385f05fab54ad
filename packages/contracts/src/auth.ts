import { z } from 'zod';
import { objectIdSchema, phoneSchema } from './common';
import { roleSchema } from './roles';

export const otpRequestSchema = z.object({ phone: phoneSchema }).strict();
export type OtpRequest = z.infer<typeof otpRequestSchema>;

export const otpSentSchema = z.object({
  sent: z.literal(true),
  /** Seconds until another code may be asked for. */
  retryAfterSec: z.number().int(),
});

export const phoneLoginSchema = z
  .object({ phone: phoneSchema, code: z.string().regex(/^\d{6}$/, '请输入 6 位验证码') })
  .strict();
export type PhoneLogin = z.infer<typeof phoneLoginSchema>;

export const wechatLoginSchema = z.object({ code: z.string().min(1).max(128) }).strict();
export type WechatLogin = z.infer<typeof wechatLoginSchema>;

export const refreshRequestSchema = z.object({ refreshToken: z.string().min(16).max(512) }).strict();

/** Who the signed-in person is, as every page needs it. Phone is always masked here. */
export const sessionUserSchema = z.object({
  id: objectIdSchema,
  name: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  roles: z.array(roleSchema),
  enterpriseId: objectIdSchema.nullable(),
  departmentId: z.string().nullable(),
  hasProfile: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionSchema = z.object({
  token: z.string(),
  /** Seconds until `token` expires; the client refreshes before then. */
  expiresIn: z.number().int(),
  refreshToken: z.string(),
  user: sessionUserSchema,
});
export type Session = z.infer<typeof sessionSchema>;
