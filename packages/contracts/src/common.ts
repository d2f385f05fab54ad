import { z } from 'zod';
import { isKnownDivisionCode } from './division-codes';
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

const SIX_DIGITS = /^\d{6}$/;
const SIX_OR_NINE_DIGITS = /^(\d{6}|\d{9})$/;
const UNKNOWN_DIVISION = '行政区划中没有该地区，请从列表中选择';
const UNKNOWN_TOWN = '行政区划中没有该乡镇（街道），请从所属县（市、区）下选择';

/**
 * Administrative division code (GB/T 2260): 6 digits, e.g. 330281 余姚市 (a province or city in
 * its 6-digit form, 330000 or 330200, too), and one that exists in the national table.
 */
export const regionCodeSchema = z
  .string()
  .regex(SIX_DIGITS, '行政区划代码应为 6 位数字')
  // Only a well-formed code is looked up, so a typo gets one message, not two.
  .refine((code) => !SIX_DIGITS.test(code) || isKnownDivisionCode(code), UNKNOWN_DIVISION);

/**
 * Where a risk level is set or a stay is reported: a county (6 digits) or a town / street
 * (乡镇、街道, 9 digits, its first six its county's code), e.g. 330281001 梨洲街道.
 */
export const riskAreaCodeSchema = z
  .string()
  .regex(SIX_OR_NINE_DIGITS, '地区代码应为 6 位（县、市、区）或 9 位（乡镇、街道）数字')
  .refine((code) => !SIX_DIGITS.test(code) || isKnownDivisionCode(code), UNKNOWN_DIVISION)
  .refine(
    (code) => code.length !== 9 || !SIX_OR_NINE_DIGITS.test(code) || isKnownDivisionCode(code),
    UNKNOWN_TOWN,
  );

/**
 * The plausible span of every day and instant this system records: from the first reported
 * cases (2019-12) to the end of the century. A day outside it is a typo or an attack, and a
 * stored one would break every view that reads it (a year 10000 departure has no YYYY day).
 */
export const FIRST_DAY = '2019-12-01';
export const LAST_DAY = '2099-12-31';
const DAY_FORMAT = /^\d{4}-\d{2}-\d{2}$/;
const FIRST_INSTANT_MS = Date.parse(`${FIRST_DAY}T00:00:00+08:00`);
const AFTER_LAST_INSTANT_MS = Date.parse(`${LAST_DAY}T24:00:00+08:00`);

/** True for a YYYY-MM-DD string that names a day on the calendar (no 02-30, no 0000-00-00). */
export function isCalendarDay(day: string): boolean {
  if (!DAY_FORMAT.test(day)) return false;
  // Read from the digits (every response's days and instants pass here: splitting the text and
  // building a Date was ~1% of a check-in). Years 0000-0099 are not days (a Date would take
  // them for 1900-1999); the Gregorian calendar's leap years, as Date counts them.
  const y = digitsAt(day, 0, 4);
  const m = digitsAt(day, 5, 2);
  const d = digitsAt(day, 8, 2);
  if (y < 100 || m < 1 || m > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1]);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number the `length` ASCII digits of `text` from `start` spell (already known to be digits). */
function digitsAt(text: string, start: number, length: number): number {
  let n = 0;
  for (let i = start; i < start + length; i += 1) n = n * 10 + text.charCodeAt(i) - 48;
  return n;
}

/**
 * What is wrong with a day, in Chinese, or null when it is a calendar day within
 * [notBefore, notAfter] (both YYYY-MM-DD, default the plausible span). Services use it for the
 * bounds that move with the clock (not in the future, at most a year ahead).
 */
export function dayProblem(
  day: string,
  bounds: { notBefore?: string; notAfter?: string } = {},
): string | null {
  if (!DAY_FORMAT.test(day)) return '日期格式应为 YYYY-MM-DD';
  if (!isCalendarDay(day)) return `${day} 不是有效日期`;
  const notBefore = bounds.notBefore ?? FIRST_DAY;
  const notAfter = bounds.notAfter ?? LAST_DAY;
  if (day < notBefore) return `日期不能早于 ${notBefore}`;
  if (day > notAfter) return `日期不能晚于 ${notAfter}`;
  return null;
}

/**
 * A calendar day in China time, YYYY-MM-DD, that exists and lies within the plausible span
 * (or the narrower fixed bounds given). The one day type of every schema.
 */
export const daySchema = (bounds: { notBefore?: string; notAfter?: string } = {}) =>
  z
    .string({ message: '日期格式应为 YYYY-MM-DD' })
    .superRefine((day, ctx) => {
      const problem = dayProblem(day, bounds);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    // What the OpenAPI document (and the harnesses reading it) say about the field.
    .meta({ format: 'date', pattern: DAY_FORMAT.source });

/** Calendar day in China time, YYYY-MM-DD, real and within the plausible span. */
export const isoDaySchema = daySchema();

const dayIndex = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/**
 * Why `from`..`to` (China days, both inclusive, each already a real day) is not a period one
 * query may cover, or null: the end before the start, or more than `maxDays` days.
 */
export function daySpanProblem(from: string, to: string, maxDays: number): string | null {
  if (from > to) return '结束日期不能早于开始日期';
  if (dayIndex(to) - dayIndex(from) >= maxDays) return `一次最多查询 ${maxDays} 天`;
  return null;
}

/**
 * What is wrong with an ISO-8601 timestamp (already of the right shape), or null: its date
 * part must be a calendar day and the instant within the plausible span.
 */
export function instantProblem(text: string): string | null {
  if (!isCalendarDay(text.slice(0, 10))) return `${text.slice(0, 10)} 不是有效日期`;
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return '时间格式不正确';
  if (ms < FIRST_INSTANT_MS) return `时间不能早于 ${FIRST_DAY}`;
  if (ms >= AFTER_LAST_INSTANT_MS) return `时间不能晚于 ${LAST_DAY}`;
  return null;
}

/**
 * An ISO-8601 timestamp with zone, real and within the plausible span; coerced to Date on the
 * server. The one timestamp type of every schema.
 */
export const isoDateTimeSchema = z.iso.datetime({ offset: true, message: '时间格式不正确' }).check((ctx) => {
  // Only a string of the right shape (the format check above raised nothing) is looked into.
  if (ctx.issues.length > 0) return;
  const problem = instantProblem(ctx.value);
  if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
});

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
    /** Stored records left out of this page because they could not be read (logged). */
    skipped: z.number().int().optional(),
  });
