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
import type { FactRepository, FirmRows, PersonFactKind, PersonRow } from './fact.repository';
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

/** A policy's computation over a period's facts, readable as many times as a run needs. */
export interface LineStream {
  version: string;
  /** Rows imported for the period: what progress is counted against. */
  rows: number;
  /** Every entitlement in enterprise order; `onRows` hears how many fact rows each firm used. */
  lines(onRows?: (n: number) => void): AsyncIterable<ComputedLine>;
}

async function* linesOf<T>(
  firms: AsyncIterable<FirmRows<T>>,
  compute: (enterpriseId: string, rows: T[]) => ComputedLine | null,
  onRows?: (n: number) => void,
): AsyncGenerator<ComputedLine> {
  for await (const [id, rows] of firms) {
    onRows?.(rows.length);
    const l = compute(id, rows);
    if (l) yield l;
  }
}

/**
 * Every entitlement of a policy for a period, from the imported facts, streamed firm by firm in
 * enterprise order. A policy whose facts were not imported for the period is refused by name
 * rather than computed from nothing.
 */
export async function streamLines(
  facts: FactRepository,
  policy: SubsidyPolicyCode,
  period: string,
  charterParams: CharterSubsidyParams,
): Promise<LineStream> {
  if (policy === 'hiring') {
    const roster = await facts.byFirm('roster', period);
    if (!roster) throw businessRule(`尚未导入 ${period} 年的参保职工花名册`);
    return {
      version: HIRING_SUBSIDY_2020.version,
      rows: roster.rows,
      lines: (on) =>
        linesOf(roster.firms(), (id, people) => line(id, hiringSubsidy(people, HIRING_SUBSIDY_2020)), on),
    };
  }
  if (policy === 'uiRefund') {
    const premiums = await facts.byFirm('premiums', period);
    if (!premiums) throw businessRule(`尚未导入 ${period} 年的上年度失业保险缴费及裁员数据`);
    return {
      version: UNEMPLOYMENT_REFUND_2020.version,
      rows: premiums.rows,
      // One premiums row per firm (a unique index on the batch).
      lines: (on) =>
        linesOf(
          premiums.firms(),
          (id, [p]) => line(id, unemploymentRefund(p!, UNEMPLOYMENT_REFUND_2020)),
          on,
        ),
    };
  }
  const source = PERSON_FACTS[policy];
  const people = await facts.byFirm(source.kind, period);
  if (!people) throw businessRule(`尚未导入 ${period} 年的${source.missing}`);
  const stream = (version: string, compute: (id: string, rows: PersonRow[]) => ComputedLine | null) => ({
    version,
    rows: people.rows,
    lines: (on?: (n: number) => void) => linesOf(people.firms(), compute, on),
  });
  if (policy === 'referral')
    return stream(REFERRAL_SUBSIDY_2020.version, (id, rows) =>
      line(id, referralSubsidy({ kind: rows[0]!.agencyKind! }, rows.map(placementOf), REFERRAL_SUBSIDY_2020)),
    );
  if (policy === 'training') return stream(TRAINING_SUBSIDY_2020.version, trainingLine);
  // The rates are part of the version: a changed table is a changed computation.
  return stream(`${charterParams.version}:${rateKey(charterParams)}`, (id, rows) =>
    line(id, charterSubsidy(tripsOf(rows), charterParams)),
  );
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

/** Same version and same lines (beneficiary, amount, facts) → same fingerprint, whatever the run. */
export function fingerprinter(version: string) {
  const h = createHash('sha256').update(version);
  return {
    add: (l: ComputedLine) => h.update(`\n${l.enterpriseId}|${l.amountFen}|${JSON.stringify(l.facts)}`),
    digest: () => h.digest('hex'),
  };
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
