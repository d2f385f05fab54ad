import { z } from 'zod';
import { isValidIdNumber } from './id-number';

/** A MongoDB ObjectId as it travels in JSON. */
export const objectIdSchema = z.string().regex(/^[0-9a-f]{24}$/i, '编号格式不正确');

/** Mainland mobile number, 11 digits starting with 1[3-9]. */
export const phoneSchema = z.string().regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号');

/** 18-character resident ID number (GB 11643-1999) with its check character. */
export const idNumberSchema = z
  .string()
  .transform((s) => s.trim().toUpperCase())
  .refine(isValidIdNumber, '身份证号码不正确（校验位不符）');

/** Administrative division code (GB/T 2260): 6 digits, e.g. 330281 余姚市. */
export const regionCodeSchema = z.string().regex(/^\d{6}$/, '行政区划代码应为 6 位数字');

/** Calendar day in China time, YYYY-MM-DD. */
export const isoDaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** An ISO-8601 timestamp with zone, coerced to Date on the server. */
export const isoDateTimeSchema = z.iso.datetime({ offset: true, message: '时间格式不正确' });

/** A person's name: 2–30 characters, no control characters. */
export const personNameSchema = z
  .string()
  .trim()
  .min(1, '请填写姓名')
  .max(30, '姓名过长')
  .regex(/^[^\u0000-\u001f<>]+$/, '姓名含有非法字符');

/** Free text with a hard ceiling so nobody can post megabytes into a note. */
export const noteSchema = (max = 500) => z.string().trim().max(max, `不能超过 ${max} 个字`);

/** Paging for list endpoints: small pages on weak networks. */
export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

/** Wraps a list item schema into the paged response shape. */
export const pagedSchema = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
