import type { BookingStatus, PassColor } from '@fugong/contracts';

/** `2026-03-06T07:00:00Z` → `03-06 15:00` in China time, whatever zone the phone is set to. */
export function formatTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString();
  return `${d.slice(5, 10)} ${d.slice(11, 16)}`;
}

/** Today in China time, `YYYY-MM-DD`. */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export const PASS_LABELS: Record<PassColor, string> = { green: '绿码', yellow: '黄码', red: '红码' };

export const BOOKING_LABELS: Record<BookingStatus, string> = {
  pending: '处理中',
  confirmed: '已订座',
  waitlisted: '候补中',
  boarded: '已上车',
  cancelled: '已取消',
  released: '座位已释放',
};
