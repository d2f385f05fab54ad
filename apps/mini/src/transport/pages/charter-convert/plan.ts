import { seatCapacity } from '@fugong/domain';

/** Coach sizes a county's transport company commonly has, smallest first. */
const COACH_SEATS = [19, 33, 45, 55];

/**
 * The coach the form starts with: the smallest common size that carries everyone at the cap in
 * one trip, else the largest (the conversion then makes as many trips as it takes).
 */
export function suggestSeats(workers: number, capPct: number): number {
  return COACH_SEATS.find((s) => seatCapacity(s, capPct) >= workers) ?? COACH_SEATS[COACH_SEATS.length - 1];
}

/** What the conversion will create, by the server's rule (trips = ⌈workers ÷ capacity⌉). */
export function planText(workers: number, seats: string, capPct: string): string {
  const s = Number(seats);
  const c = Number(capPct);
  if (!Number.isInteger(s) || s < 5 || s > 120) return '填写座位数（5–120）后显示班次数';
  if (!Number.isInteger(c) || c < 1 || c > 100) return '客座率应为 1–100 的整数';
  const per = seatCapacity(s, c);
  const trips = Math.ceil(workers / Math.max(1, per));
  return `共 ${workers} 人，每班限载 ${per} 人（${s} 座 × ${c}%），将生成 ${trips} 个草稿班次`;
}

/** The first departure the form offers: 07:00 on the earliest arrival day, tomorrow at the soonest. */
export function suggestDeparture(earliestArrival: string, today: string): string {
  const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return `${earliestArrival > today ? earliestArrival : tomorrow} 07:00`;
}
