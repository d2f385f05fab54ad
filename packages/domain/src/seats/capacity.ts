/** 严格控制客座率: the default occupancy cap when a trip does not set its own. */
export const DEFAULT_OCCUPANCY_CAP_PCT = 50;

/**
 * Seats that may be sold on a vehicle: floor(seats × cap). The cap is an integer percent so
 * the arithmetic is exact (0.29 × 100 in floating point is 28.999…, which would lose a seat).
 */
export function seatCapacity(seats: number, capPct: number = DEFAULT_OCCUPANCY_CAP_PCT): number {
  if (!Number.isInteger(seats) || seats < 0)
    throw new TypeError(`seats must be a non-negative integer, got ${seats}`);
  if (!Number.isInteger(capPct) || capPct < 1 || capPct > 100)
    throw new TypeError(`capPct must be an integer 1–100, got ${capPct}`);
  return Math.floor((seats * capPct) / 100);
}
