import type { SubsidyImportInput, SubsidyImportReport, SubsidyPolicyCode } from '@fugong/contracts';
import type { Actor } from '../../auth/actor';
import type { Clock } from '../../clock';
import { DomainError } from '../../errors';
import type { SubsidyDeps } from './subsidy-deps';
import { assertManages, IMPORT_POLICY } from './subsidy-access';
import { parseFactFile } from './subsidy-import';
import { streamLines } from './subsidy-compute';
import { writeLines, type RunProgress } from './subsidy-run-writer';
import type { ListRecord } from './list.repository';
import { listView } from './subsidy-views';

/** Importing the facts and computing lists from them. */
export class SubsidyRunService {
  constructor(private readonly d: SubsidyDeps & { clock: Clock }) {}

  /** Checks the whole file, then replaces the period's facts in one switch; any bad row refuses it all. */
  async import(actor: Actor, input: SubsidyImportInput): Promise<SubsidyImportReport> {
    assertManages(actor, IMPORT_POLICY[input.kind]);
    const parsed = await parseFactFile(input, {
      enterpriseIds: (codes) => this.d.enterprises.idsByCreditCodes(codes),
      personKey: (id) => this.d.personKey(id),
      // A charter starts from a county or a whole city (its 6-digit form, 330200), never a province.
      charterOrigin: (code) => this.d.divisions.knows(code, ['county', 'city']),
    });
    const now = this.d.clock.now();
    const replaced =
      parsed.kind === 'roster'
        ? await this.d.facts.replacePeriod('roster', input.period, parsed.rows, actor.id, now)
        : parsed.kind === 'premiums'
          ? await this.d.facts.replacePeriod('premiums', input.period, parsed.rows, actor.id, now)
          : await this.d.facts.replacePeriod(parsed.kind, input.period, parsed.rows, actor.id, now);
    await this.d.audit.append({
      at: now,
      actorId: actor.id,
      action: 'subsidy.import',
      subjectType: 'subsidy_facts',
      subjectId: `${input.kind}:${input.period}`,
      fields: [`rows=${parsed.rows.length}`, `replaced=${replaced}`],
      requestId: null,
    });
    return {
      kind: input.kind,
      period: input.period,
      encoding: parsed.encoding,
      totalRows: parsed.totalRows,
      imported: parsed.rows.length,
      replaced,
    };
  }

  /**
   * Computes the list for a policy and period. Same facts as the open list → that list again
   * (`created: false`); other facts → the open list is superseded and a new draft opened, with
   * its diff against the last published list. Two runs racing meet on the open-list slot.
   * The facts stream through once: the lines are written in batches under the coming list's id
   * while the fingerprint is taken, and dropped again when the fingerprint shows nothing changed.
   */
  async run(actor: Actor, policy: SubsidyPolicyCode, period: string, progress?: RunProgress) {
    assertManages(actor, policy);
    const stream = await streamLines(this.d.facts, policy, period, this.d.charterParams);
    const { version } = stream;
    let written: Awaited<ReturnType<typeof writeLines>> | null = null;
    let listId = '';
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const published = await this.d.lists.lastPublished(policy, period);
      // The diff is against the list that was published when the lines were compared.
      if (!written || written.diff?.againstListId !== published?.id) {
        if (written) await this.d.lists.dropLines(listId);
        listId = this.d.lists.newListId();
        written = await writeLines(this.d, { listId, policy, period }, stream, published, progress);
      }
      const { fingerprint: print, ...totals } = written;
      const open = await this.d.lists.openList(policy, period);
      const same = (l: ListRecord | null) => l && l.fingerprint === print && l.version === version;
      const unchanged = same(open) ? open : !open && same(published) ? published : null;
      if (unchanged) {
        await this.d.lists.dropLines(listId);
        return { created: false, list: listView(unchanged) };
      }
      if (open) await this.d.lists.move(open.id, ['draft', 'approved'], 'superseded');
      const created = await this.d.lists.claimDraft(listId, {
        policy,
        period,
        version,
        fingerprint: print,
        ...totals,
        createdBy: actor.id,
        createdAt: this.d.clock.now(),
      });
      if (created) return { created: true, list: listView(created) };
    }
    await this.d.lists.dropLines(listId);
    throw new DomainError('CONFLICT', '名单正在被他人同时计算，请稍后刷新');
  }
}
