import { regionLabel, type DashboardSummary } from '@fugong/contracts';
import { addDays, chinaDay, CURRENT, parseCellKey, ROLLUP_GROUPS as G, type CellFilter } from '@fugong/domain';
import type { Clock } from '../../clock';
import type { RollupRepository } from '../rollups/rollup.repository';
import type { StaffRepository } from '../enterprises/staff.repository';
import { healthFigure, issuesFigure, reopeningFigure, stewardsFigure, transportFigure, whyNotReopenedFigure } from './figures';

/** The summary's filters after parsing (see dashboardQuerySchema). */
export interface SummaryQuery {
  region?: string;
  industry?: string;
  size?: 'above' | 'below';
  date?: string;
  days: number;
}

const EPOCH = '0000-00-00';

/**
 * The command's figures, read from rollup documents only: a handful of small documents per
 * request whatever the number of check-ins, bookings or enterprises behind them.
 */
export class DashboardService {
  constructor(
    private readonly rollups: RollupRepository,
    private readonly staff: StaffRepository,
    private readonly clock: Clock,
  ) {}

  async summary(q: SummaryQuery): Promise<DashboardSummary> {
    const date = q.date ?? chinaDay(this.clock.now());
    const from = addDays(date, -(q.days - 1));
    const f: CellFilter = { region: q.region, industry: q.industry, size: q.size };
    const r = this.rollups;
    const [reopenNow, reopenDeltas, openByCategory, coverage, transport, issues, health, visits, calls] = await Promise.all([
      r.docs(G.reopen, CURRENT, CURRENT),
      r.docsAfter(G.reopen, from),
      r.docs(G.openByCategory, CURRENT, CURRENT),
      r.docs(G.visitCoverage, CURRENT, CURRENT),
      r.docs(G.transport, from, date),
      r.docs(G.issues, EPOCH, date),
      r.docs(G.health, from, date),
      r.docs(G.visits, addDays(date, -6), date),
      r.docs(G.callbacks, EPOCH, date),
    ]);
    const reopening = reopeningFigure(reopenNow, reopenDeltas, f, date, from);
    const stewards = stewardsFigure(coverage, visits, calls, f, date);
    await this.nameStewards(stewards);
    return {
      asOf: date,
      days: q.days,
      filter: { region: q.region ?? null, industry: q.industry ?? null, size: q.size ?? null },
      choices: choicesOf(reopenNow),
      reopening,
      transport: transportFigure(transport, f, date, from),
      issues: issuesFigure(issues, openByCategory, f),
      stewards,
      health: healthFigure(health, f, date, from),
      whyNotReopened: whyNotReopenedFigure(reopening, openByCategory, f),
    };
  }

  private async nameStewards(s: DashboardSummary['stewards']): Promise<void> {
    const ids = [...new Set([...s.visitsPerSteward, ...s.lowRated].map((x) => x.stewardId))];
    const names = new Map((await this.staff.findByIds(ids)).map((p) => [p.id, p.name]));
    for (const row of [...s.visitsPerSteward, ...s.lowRated]) row.name = names.get(row.stewardId) ?? null;
  }
}

/** Every region and industry present in the registry, for the filter pickers. */
function choicesOf(current: { c: Record<string, unknown> }[]): DashboardSummary['choices'] {
  const regions = new Set<string>();
  const industries = new Set<string>();
  for (const d of current) {
    for (const key of Object.keys(d.c ?? {})) {
      const c = parseCellKey(key);
      if (c.size === 'none') continue;
      regions.add(c.region);
      industries.add(c.industry);
    }
  }
  return {
    regions: [...regions].sort().map((key) => ({ key, label: regionLabel(key) })),
    industries: [...industries].sort((a, b) => a.localeCompare(b, 'zh')),
  };
}
