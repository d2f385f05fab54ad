import { BOOKING_STATUS_LABELS, type PassColor, type TripStatus } from '@fugong/contracts';
import { chinaDateTime } from '@fugong/domain';

/** `2026-03-06T07:00:00Z` → `03-06 15:00` in China time, whatever zone the phone is set to. */
export function formatTime(iso: string): string {
  return toChinaDateTime(iso).slice(5);
}

/** `2026-03-06T07:00:00Z` → `2026-03-06 15:00` (China time), the form's way of writing a time. */
export function toChinaDateTime(iso: string): string {
  return chinaDateTime(new Date(iso));
}

/**
 * `2026-03-06 15:00` typed in China time → `2026-03-06T15:00:00+08:00`. Anything else is
 * returned trimmed, unchanged, so the contract's schema names the field as malformed.
 */
export function fromChinaDateTime(text: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})$/.exec(text.trim());
  return m ? `${m[1]}T${m[2].padStart(2, '0')}:${m[3]}:00+08:00` : text.trim();
}

/** The China-time day of an ISO instant, `YYYY-MM-DD`. */
export function chinaDayOf(iso: string): string {
  return toChinaDateTime(iso).slice(0, 10);
}

/** Today in China time, `YYYY-MM-DD`. */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export const PASS_LABELS: Record<PassColor, string> = { green: '绿码', yellow: '黄码', red: '红码' };

/** The one table of booking status words, from contracts (the manifest export uses it too). */
export const BOOKING_LABELS = BOOKING_STATUS_LABELS;

export const TRIP_STATUS_LABELS: Record<TripStatus, string> = {
  draft: '草稿',
  published: '已发布',
  cancelled: '已取消',
};
