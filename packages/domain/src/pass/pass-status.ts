import type { HealthCodeColor, PassColor, PassReason, RiskLevel, Symptom } from '@fugong/contracts';
import { addDays, chinaDay, chinaDayStart, HOUR_MS } from '../time/china-day';

/** The numbers from the seeds (002/004): fever line, check-in freshness, observation period. */
export const PASS_RULES = {
  /** ≥ 37.3 ℃ is an abnormal temperature that blocks boarding. */
  feverFromC: 37.3,
  /** Boarding needs a passing check-in from the last 24 hours. */
  checkinValidHours: 24,
  /** Arrivals from outside the province get a green code after 14 days of observation. */
  observationDays: 14,
} as const;

/** The facts of one check-in the rules look at. */
export interface CheckinFacts {
  at: Date;
  temperature: number;
  symptoms: readonly Symptom[];
  healthCode: HealthCodeColor;
  places: readonly string[];
  arrivedFromOutsideProvince: boolean;
  arrivalDate: string | null;
}

export interface PassResult {
  color: PassColor;
  reasons: PassReason[];
  /** When the latest check-in stops counting (24 h after it); null without any check-in. */
  validUntil: Date | null;
}

/** Looks up the risk level of a region code; unknown regions count as low risk. */
export type RiskLookup = (regionCode: string) => RiskLevel;

const SEVERITY: Record<PassColor, number> = { green: 0, yellow: 1, red: 2 };

/**
 * The pass colour of a worker at `now`, from their latest check-in and the region risk table.
 * Green only when every rule passes; otherwise the worst colour among the failed rules, with
 * every reason listed so the worker knows what to fix.
 */
export function computePass(latest: CheckinFacts | null, now: Date, riskOf: RiskLookup): PassResult {
  if (!latest) {
    return {
      color: 'yellow',
      reasons: [reason('NO_CHECKIN', 'yellow', '尚未进行健康打卡，请先打卡')],
      validUntil: null,
    };
  }
  const reasons: PassReason[] = [];
  const validUntil = new Date(latest.at.getTime() + PASS_RULES.checkinValidHours * HOUR_MS);
  if (now >= validUntil) {
    reasons.push(reason('CHECKIN_STALE', 'yellow', '最近一次打卡已超过 24 小时，请重新打卡'));
  }
  if (latest.temperature >= PASS_RULES.feverFromC) {
    reasons.push(
      reason(
        'FEVER',
        'red',
        `体温 ${latest.temperature.toFixed(1)} ℃，达到或超过 ${PASS_RULES.feverFromC} ℃`,
      ),
    );
  }
  if (latest.symptoms.length > 0) reasons.push(reason('SYMPTOMS', 'red', '有发热、干咳等症状，请及时就医'));
  if (latest.healthCode === 'red') reasons.push(reason('CODE_RED', 'red', '健康码为红码'));
  if (latest.healthCode === 'yellow') reasons.push(reason('CODE_YELLOW', 'yellow', '健康码为黄码'));
  if (latest.arrivedFromOutsideProvince && latest.arrivalDate) {
    const over = observationEnd(latest.arrivalDate);
    if (now < over) {
      reasons.push(
        reason(
          'OBSERVATION',
          'yellow',
          `省外返回，隔离观察期（14 天）至 ${chinaDay(new Date(over.getTime() - 1))} 期满`,
        ),
      );
    }
  }
  const risks = latest.places.map(riskOf);
  if (risks.includes('high')) reasons.push(reason('HIGH_RISK_STAY', 'red', '14 天内到过高风险地区'));
  else if (risks.includes('medium'))
    reasons.push(reason('MEDIUM_RISK_STAY', 'yellow', '14 天内到过中风险地区'));

  const color = reasons.reduce<PassColor>(
    (worst, r) => (SEVERITY[r.color] > SEVERITY[worst] ? r.color : worst),
    'green',
  );
  return { color, reasons, validUntil };
}

/** The instant a 14-day observation that began on `arrivalDay` is over (start of day 15). */
export function observationEnd(arrivalDay: string): Date {
  return chinaDayStart(addDays(arrivalDay, PASS_RULES.observationDays));
}

/**
 * Region risk of a code, taking the highest of the county, its city and its province, so an
 * admin can mark a whole province or city without listing every county. A town (9 digits) has
 * its own level when one is set, in place of its county's: the town is the finer grain of the
 * county's own decision (分区精准施策), while a city or province marking still covers it.
 */
export function riskFromTable(table: ReadonlyMap<string, RiskLevel>): RiskLookup {
  return (code) => {
    const county = code.slice(0, 6);
    const own = code.length > 6 ? (table.get(code) ?? table.get(county)) : table.get(county);
    let worst: RiskLevel = 'low';
    for (const level of [own, table.get(`${code.slice(0, 4)}00`), table.get(`${code.slice(0, 2)}0000`)]) {
      if (level === 'high') return 'high';
      if (level === 'medium') worst = 'medium';
    }
    return worst;
  };
}

/** Boarding needs a green pass and a normal temperature measured at the door. */
export function boardingRefusal(pass: PassResult, boardingTemperature: number): PassReason[] {
  const reasons = pass.color === 'green' ? [] : [...pass.reasons];
  if (boardingTemperature >= PASS_RULES.feverFromC) {
    reasons.push(
      reason(
        'FEVER',
        'red',
        `上车测温 ${boardingTemperature.toFixed(1)} ℃，达到或超过 ${PASS_RULES.feverFromC} ℃`,
      ),
    );
  }
  return reasons;
}

function reason(code: PassReason['code'], color: PassColor, message: string): PassReason {
  return { code, color, message };
}
