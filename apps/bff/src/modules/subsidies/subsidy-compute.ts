import { createHash } from 'node:crypto';
import {
  HIRING_SUBSIDY_2020,
  UNEMPLOYMENT_REFUND_2020,
  hiringSubsidy,
  unemploymentRefund,
  type SubsidyResult,
} from '@fugong/domain';
import type { SubsidyPolicyCode } from '@fugong/contracts';
import { businessRule } from '../../http/app-error';
import type { FactRepository } from './fact.repository';
import type { DiffEntry, ListDoc } from './list.model';
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
};

const line = (enterpriseId: string, r: SubsidyResult<object>): ComputedLine | null =>
  r.eligible && r.amountFen > 0
    ? { enterpriseId, amountFen: r.amountFen, reason: r.reason, facts: r.facts as Record<string, unknown> }
    : null;

/**
 * Every entitlement of a policy for a period, from the imported facts, in enterprise order.
 * Policies whose facts are not yet imported into 复工通 (referral, training, charter) are refused
 * by name rather than computed from nothing.
 */
export async function computeLines(
  facts: FactRepository,
  policy: SubsidyPolicyCode,
  period: string,
): Promise<{ version: string; lines: ComputedLine[] }> {
  if (policy === 'hiring') {
    const roster = await facts.roster(period);
    if (!roster) throw businessRule(`尚未导入 ${period} 年的参保职工花名册`);
    const byFirm = new Map<string, typeof roster>();
    for (const r of roster) byFirm.set(r.enterpriseId, [...(byFirm.get(r.enterpriseId) ?? []), r]);
    const lines = [...byFirm].map(([id, people]) => line(id, hiringSubsidy(people, HIRING_SUBSIDY_2020)));
    return { version: HIRING_SUBSIDY_2020.version, lines: sorted(lines) };
  }
  if (policy === 'uiRefund') {
    const premiums = await facts.premiums(period);
    if (!premiums) throw businessRule(`尚未导入 ${period} 年的上年度失业保险缴费及裁员数据`);
    const lines = premiums.map((p) => line(p.enterpriseId, unemploymentRefund(p, UNEMPLOYMENT_REFUND_2020)));
    return { version: UNEMPLOYMENT_REFUND_2020.version, lines: sorted(lines) };
  }
  throw businessRule('该政策所需的数据尚未接入，暂不能自动计算');
}

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
): NonNullable<ListDoc['diff']> {
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
