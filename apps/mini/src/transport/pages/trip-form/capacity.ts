import { seatCapacity } from '@fugong/domain';

/**
 * The line under the vehicle fields: what the occupancy cap (客座率) leaves of the seats, by the
 * same rule the server applies (floor(seats × cap)), or what is still missing to compute it.
 */
export function capacityText(seats: string, capPct: string): string {
  const s = Number(seats);
  const c = Number(capPct);
  if (!Number.isInteger(s) || s < 5 || s > 120) return '填写座位数（5–120）后显示限载人数';
  if (!Number.isInteger(c) || c < 1 || c > 100) return '客座率应为 1–100 的整数';
  return `限载 ${seatCapacity(s, c)} 人（${s} 座 × 客座率 ${c}%）`;
}
