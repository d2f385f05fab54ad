import { assertFen, formatYuan } from './money';
import type { SubsidyResult } from './types';

/**
 * 包车补贴 parameters (seed 004 §3: "属地政府可视情给予一定财政补贴"): an amount per boarded
 * passenger, set per origin region (province code, 2 digits, or a 6-digit division).
 */
export interface CharterSubsidyParams {
  version: string;
  perPassengerFenByRegion: Readonly<Record<string, number>>;
}

export const CHARTER_SUBSIDY_2020: CharterSubsidyParams = {
  version: 'charter-2020-v1',
  perPassengerFenByRegion: {},
};

/** One charter the firm organised (alone or in a 抱团 group) and the firm's own people who boarded it. */
export interface CharterTrip {
  tripId: string;
  originRegion: string;
  /** People of this firm checked on boarding by the marshal; bookings that never boarded are not here. */
  boarded: readonly string[];
}

export interface CharterFacts {
  trips: { tripId: string; originRegion: string; boarded: number; perPassengerFen: number }[];
  passengers: number;
}

/** The rate for an origin: its own 6-digit code first, then its province (first 2 digits). */
export function charterRate(originRegion: string, params: CharterSubsidyParams): number | null {
  const table = params.perPassengerFenByRegion;
  const rate = table[originRegion] ?? table[originRegion.slice(0, 2)];
  if (rate === undefined) return null;
  assertFen(rate, `charter rate of ${originRegion}`);
  return rate;
}

/** 包车补贴: for each trip, its origin's rate × the firm's passengers who boarded (a person once per trip). */
export function charterSubsidy(
  trips: readonly CharterTrip[],
  params: CharterSubsidyParams = CHARTER_SUBSIDY_2020,
): SubsidyResult<CharterFacts> {
  const rows: CharterFacts['trips'] = [];
  const parts: string[] = [];
  let amountFen = 0;
  let passengers = 0;
  for (const trip of [...trips].sort((a, b) => (a.tripId < b.tripId ? -1 : 1))) {
    const rate = charterRate(trip.originRegion, params);
    const boarded = new Set(trip.boarded).size;
    if (rate === null || boarded === 0) continue;
    rows.push({ tripId: trip.tripId, originRegion: trip.originRegion, boarded, perPassengerFen: rate });
    amountFen += boarded * rate;
    passengers += boarded;
    parts.push(`${boarded} 人 × ${formatYuan(rate)}`);
  }
  return {
    policy: 'charter',
    version: params.version,
    eligible: amountFen > 0,
    amountFen,
    reason: amountFen > 0 ? `包车实际上车 ${parts.join(' + ')}` : '没有按标准可补贴的实际上车人员',
    facts: { trips: rows, passengers },
  };
}
