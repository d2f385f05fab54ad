import { z } from 'zod';

/**
 * Every error code the API can answer with, and the HTTP status it travels with.
 * Clients switch on `code`; `message` is Chinese text fit to show a worker as is.
 */
export const ERROR_CODES = {
  VALIDATION_ERROR: 400,
  MALFORMED_JSON: 400,
  UNAUTHENTICATED: 401,
  TOKEN_EXPIRED: 401,
  OTP_INVALID: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  IDEMPOTENCY_IN_PROGRESS: 409,
  IDEMPOTENCY_MISMATCH: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  BUSINESS_RULE: 422,
  RATE_LIMITED: 429,
  OTP_LOCKED: 429,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
  PASS_NOT_GREEN: 422,
  ALREADY_BOOKED: 409,
  BOOKING_CLOSED: 422,
  BOARDING_CODE_INVALID: 422,
  VISIT_TIME_INVALID: 422,
  ATTACHMENT_TOO_LARGE: 413,
  ATTACHMENT_TYPE_INVALID: 415,
  ALREADY_JOINED: 409,
  INVITE_CODE_INVALID: 404,
  VACANCY_FULL: 409,
  VACANCY_CLOSED: 409,
  SHARING_HEADS_TAKEN: 409,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Default Chinese messages, used when a thrower gives none. */
export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  VALIDATION_ERROR: '提交的信息有误，请检查后重试',
  MALFORMED_JSON: '请求格式错误（不是合法的 JSON）',
  UNAUTHENTICATED: '请先登录',
  TOKEN_EXPIRED: '登录已过期，请重新登录',
  OTP_INVALID: '验证码错误或已过期',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '未找到相关记录',
  METHOD_NOT_ALLOWED: '该接口不支持此请求方式',
  CONFLICT: '记录已存在或已被修改，请刷新后重试',
  INVALID_TRANSITION: '当前状态下不能进行此操作',
  IDEMPOTENCY_IN_PROGRESS: '上一次提交仍在处理中，请稍候',
  IDEMPOTENCY_MISMATCH: '同一个请求编号被用于不同的内容',
  PAYLOAD_TOO_LARGE: '提交的内容过大',
  UNSUPPORTED_MEDIA_TYPE: '不支持的内容类型',
  BUSINESS_RULE: '不符合办理条件',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  OTP_LOCKED: '验证码错误次数过多，请稍后再试',
  SERVICE_UNAVAILABLE: '服务暂时不可用，请稍后重试',
  INTERNAL: '系统繁忙，请稍后重试',
  PASS_NOT_GREEN: '通行码不是绿码，暂不能办理',
  ALREADY_BOOKED: '您当天已有行程，请先取消后再订',
  BOOKING_CLOSED: '已过截止时间，不能再办理',
  BOARDING_CODE_INVALID: '上车码无效或已过期，请让乘客刷新后再扫',
  VISIT_TIME_INVALID: '走访时间不能晚于当前时间，也不能早于 48 小时前',
  ATTACHMENT_TOO_LARGE: '图片过大，请压缩后再上传',
  ATTACHMENT_TYPE_INVALID: '只支持 JPG 或 PNG 图片',
  ALREADY_JOINED: '本企业已在该包车需求中',
  INVITE_CODE_INVALID: '邀请码无效，请向指挥部核对',
  VACANCY_FULL: '岗位名额已满',
  VACANCY_CLOSED: '岗位已招满或已撤回，不再接受投递',
  SHARING_HEADS_TAKEN: '可调剂人数已被其他企业约定，请刷新后重新商定人数',
};

/** One field-level problem, as reported in `details` of a VALIDATION_ERROR. */
export const fieldIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
  code: z.string(),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

/** The one error envelope every non-2xx response carries. */
export const errorEnvelopeSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
    requestId: z.string().optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

/** The HTTP status for a code; unknown codes are treated as server errors. */
export function statusForCode(code: string): number {
  return (ERROR_CODES as Record<string, number>)[code] ?? 500;
}
