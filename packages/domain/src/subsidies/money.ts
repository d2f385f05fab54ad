/**
 * Money in 复工通's subsidy rules is integer fen (分): no floating point reaches an amount, so a
 * list computed twice from the same facts is the same to the fen.
 */
export const FEN_PER_YUAN = 100;

/** Throws a TypeError unless `fen` is a non-negative safe integer. */
export function assertFen(fen: number, what: string): void {
  if (!Number.isSafeInteger(fen) || fen < 0)
    throw new TypeError(`${what} must be a non-negative integer number of fen, got ${fen}`);
}

/** Yuan as a person reads it: "1,000 元", "12.50 元" (grouped, fen shown only when there are any). */
export function formatYuan(fen: number): string {
  assertFen(fen, 'amount');
  const yuan = Math.floor(fen / FEN_PER_YUAN);
  const rest = fen % FEN_PER_YUAN;
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return rest === 0 ? `${grouped} 元` : `${grouped}.${String(rest).padStart(2, '0')} 元`;
}

/** `fen × percent / 100`, rounded down to the fen (a refund never exceeds its share). */
export function percentOf(fen: number, percent: number): number {
  assertFen(fen, 'base');
  if (!Number.isInteger(percent) || percent < 0 || percent > 100)
    throw new TypeError(`percent must be an integer 0–100, got ${percent}`);
  return Math.floor((fen * percent) / 100);
}
