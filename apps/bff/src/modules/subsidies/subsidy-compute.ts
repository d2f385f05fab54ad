import { createHash } from 'node:crypto';
import {
  HIRING_SUBSIDY_2020,
  REFERRAL_SUBSIDY_2020,
  TRAINING_SUBSIDY_2020,
  UNEMPLOYMENT_REFUND_2020,
  charterSubsidy,
  hiringSubsidy,
  referralSubsidy,
  trainingSubsidy,
  unemploymentRefund,
  type CharterSubsidyParams,
  type SubsidyResult,
  type TrainingFirmKind,
} from '@fugong/domain';
import type { SubsidyPolicyCode } from '@fugong/contracts';
import { businessRule } from '../../errors';
import type { FactRepository, PersonFactKind, PersonRow } from './fact.repository';
import type { DiffEntry, ListRecord } from './list.repository';
import type { EntitlementRecord } from './list.repository';

/** One beneficiary's computed entitlement, before it is named and stored. */
export interface ComputedLine {
  enterpriseId: string;
  amountFen: number;
  reason: string;
  facts: Record<string, unknown>;
}

/** The rule parameters in force for each computable policy: the version a run is made for. */
export const CURRENT_VERSIONS: Partial<Record<SubsidyPolicyCode, string>> = {
  hiring: HIRING_SUBSIDY_2020.version,
  uiRefund: UNEMPLOYMENT_REFUND_2020.version,
  referral: REFERRAL_SUBSIDY_2020.version,
  training: TRAINING_SUBSIDY_2020.version,
};

/** What the person-row policies read, and how the missing import is named. */
const PERSON_FACTS: Record<'referral' | 'training' | 'charter', { kind: PersonFactKind; missing: string }> = {
  referral: { kind: 'placements', missing: '职业介绍就业人员名单' },
  training: { kind: 'trainings', missing: '线上培训参训人员名单' },
  charter: { kind: 'charters', missing: '包车实际上车人员名单' },
};

function byFirm<T extends { enterpriseId: string }>(rows: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const list = map.get(r.enterpriseId);
    if (list) list.push(r);
    else map.set(r.enterpriseId, [r]);
  }
  return map;
}

/** 线上培训补贴 for one firm: each programme is computed by the rule, the parts added into one line. */
function trainingLine(enterpriseId: string, rows: PersonRow[]): ComputedLine | null {
  const kinds = [...new Set(rows.flatMap((r) => r.firmKinds ?? []))] as TrainingFirmKind[];
  const parts = (['online', 'apprenticeship', 'project'] as const)
    .map((programme) => ({
      programme,
      trainees: rows.filter((r) => r.programme === programme).map((r) => r.personKey),
    }))
    .filter((p) => p.trainees.length > 0)
    .map((p) => trainingSubsidy({ firmKinds: kinds, ...p }, TRAINING_SUBSIDY_2020));
  if (parts.length === 1) return line(enterpriseId, parts[0]!);
  const due = parts.filter((p) => p.eligible && p.amountFen > 0);
  if (due.length === 0) return null;
  return {
    enterpriseId,
    amountFen: due.reduce((sum, p) => sum + p.amountFen, 0),
    reason: due.map((p) => p.reason).join('；'),
    facts: { parts: due.map((p) => p.facts) },
  };
}

const line = (enterpriseId: string, r: SubsidyResult<object>): ComputedLine | null =>
  r.eligible && r.amountFen > 0
    ? { enterpriseId, amountFen: r.amountFen, reason: r.reason, facts: r.facts as Record<string, unknown> }
    : null;

/**
 * Every entitlement of a policy for a period, from the imported facts, in enterprise order.
 * A policy whose facts were not imported for the period is refused by name rather than computed
 * from nothing.
 */
export async function computeLines(
  facts: FactRepository,
  policy: SubsidyPolicyCode,
  period: string,
  charterParams: CharterSubsidyParams,
): Promise<{ version: string; lines: ComputedLine[] }> {
  if (policy === 'hiring') {
    const roster = await facts.roster(period);
    if (!roster) throw businessRule(`尚未导入 ${period} 年的参保职工花名册`);
    const lines = [...byFirm(roster)].map(([id, people]) =>
      line(id, hiringSubsidy(people, HIRING_SUBSIDY_2020)),
    );
    return { version: HIRING_SUBSIDY_2020.version, lines: sorted(lines) };
  }
  if (policy === 'uiRefund') {
    const premiums = await facts.premiums(period);
    if (!premiums) throw businessRule(`尚未导入 ${period} 年的上年度失业保险缴费及裁员数据`);
    const lines = premiums.map((p) => line(p.enterpriseId, unemploymentRefund(p, UNEMPLOYMENT_REFUND_2020)));
    return { version: UNEMPLOYMENT_REFUND_2020.version, lines: sorted(lines) };
  }
  const source = PERSON_FACTS[policy];
  const rows = await facts.people(source.kind, period);
  if (!rows) throw businessRule(`尚未导入 ${period} 年的${source.missing}`);
  const firms = [...byFirm(rows)];
  if (policy === 'referral') {
    const lines = firms.map(([id, people]) =>
      line(
        id,
        referralSubsidy({ kind: people[0]!.agencyKind! }, people.map(placementOf), REFERRAL_SUBSIDY_2020),
      ),
    );
    return { version: REFERRAL_SUBSIDY_2020.version, lines: sorted(lines) };
  }
  if (policy === 'training')
    return {
      version: TRAINING_SUBSIDY_2020.version,
      lines: sorted(firms.map(([id, r]) => trainingLine(id, r))),
    };
  const lines = firms.map(([id, people]) => line(id, charterSubsidy(tripsOf(people), charterParams)));
  // The rates are part of the version: a changed table is a changed computation.
  return { version: `${charterParams.version}:${rateKey(charterParams)}`, lines: sorted(lines) };
}

const placementOf = (r: PersonRow) => ({
  personKey: r.personKey,
  category: r.category!,
  verified: r.verified!,
});

function tripsOf(rows: PersonRow[]) {
  const trips = new Map<string, { tripId: string; originRegion: string; boarded: string[] }>();
  for (const r of rows) {
    const t = trips.get(r.tripId!) ?? { tripId: r.tripId!, originRegion: r.originRegion!, boarded: [] };
    t.boarded.push(r.personKey);
    trips.set(r.tripId!, t);
  }
  return [...trips.values()];
}

const rateKey = (p: CharterSubsidyParams) =>
  Object.entries(p.perPassengerFenByRegion)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join(',');

function sorted(lines: (ComputedLine | null)[]): ComputedLine[] {
  return lines
    .filter((l): l is ComputedLine => l !== null)
    .sort((a, b) => (a.enterpriseId < b.enterpriseId ? -1 : a.enterpriseId > b.enterpriseId ? 1 : 0));
}

/** Same version and same lines (beneficiary, amount, facts) → same fingerprint, whatever the run. */
export function fingerprint(version: string, lines: ComputedLine[]): string {
  const h = createHash('sha256').update(version);
  for (const l of lines) h.update(`\n${l.enterpriseId}|${l.amountFen}|${JSON.stringify(l.facts)}`);
  return h.digest('hex');
}

/** What changed against the last published list: firms added, removed, or with another amount. */
export function diffAgainst(
  againstListId: string,
  before: EntitlementRecord[],
  after: (ComputedLine & { enterpriseName: string })[],
  inLedger: Set<string>,
): NonNullable<ListRecord['diff']> {
  const prior = new Map(before.filter((b) => !b.excluded).map((b) => [b.enterpriseId, b]));
  const entry = (id: string, name: string, b: number | null, a: number | null): DiffEntry => ({
    enterpriseId: id,
    enterpriseName: name,
    beforeFen: b,
    afterFen: a,
    alreadyInLedger: inLedger.has(id),
  });
  const added: DiffEntry[] = [];
  const changed: DiffEntry[] = [];
  let unchanged = 0;
  for (const l of after) {
    const p = prior.get(l.enterpriseId);
    prior.delete(l.enterpriseId);
    if (!p) added.push(entry(l.enterpriseId, l.enterpriseName, null, l.amountFen));
    else if (p.amountFen !== l.amountFen)
      changed.push(entry(l.enterpriseId, l.enterpriseName, p.amountFen, l.amountFen));
    else unchanged += 1;
  }
  const removed = [...prior.values()].map((p) => entry(p.enterpriseId, p.enterpriseName, p.amountFen, null));
  return { againstListId, added, removed, changed, unchanged };
}
