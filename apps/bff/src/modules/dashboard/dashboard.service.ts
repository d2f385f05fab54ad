import { regionLabel, type DashboardSummary } from '@fugong/contracts';
import {
  addDays,
  chinaDay,
  CURRENT,
  ROLLUP_GROUPS as G,
  sliceOfFilter,
  type CellFilter,
} from '@fugong/domain';
import type { Clock } from '../../clock';
import type { RollupRepository, RollupView } from '../rollups';
import type { StaffRepository } from '../enterprises';
import { dayRange } from './cell-sums';
import {
  healthFigure,
  issuesFigure,
  reopeningFigure,
  stewardsFigure,
  transportFigure,
  whyNotReopenedFigure,
} from './figures';

/** The summary's filters after parsing (see dashboardQuerySchema). */
export interface SummaryQuery {
  region?: string;
  industry?: string;
  size?: 'above' | 'below';
  date?: string;
  days: number;
}

const NAME_TTL_MS = 10 * 60_000;
const SETTLED_TTL_MS = 5 * 60_000;
const SETTLING_GROUPS = new Set<string>([G.reopen, G.health, G.visits, G.callbacks]);
const MAX_CACHED_READS = 64;

/** What a summary reads: documents read whole (their cells) and documents read as one slice. */
interface ReadPlan {
  cellIds: string[];
  sliceIds: string[];
  /** The filter's slice; null when the filter matches no cell (sliced figures are then zero). */
  slice: string | null;
}

/** One read of the rollup documents and the summaries computed from it. */
interface CacheEntry {
  generation: number;
  until: number;
  docs: Promise<RollupView[]>;
  results: Map<string, Promise<DashboardSummary>>;
}

/**
 * The command's figures, read from rollup documents only: a handful of small documents per
 * request whatever the number of check-ins, bookings or enterprises behind them.
 */
export class DashboardService {
  private readonly cached = new Map<string, CacheEntry>();
  private readonly settled = new Map<string, { doc: RollupView | null; until: number }>();
  private settledRebuilds = 0;

  /**
   * @param cacheMs how long one read of the rollup documents serves further summaries of the same
   *   filter slice. Writes through this process drop it at once; writes through other BFF
   *   instances show up within this time. 0 turns every cache off.
   */
  constructor(
    private readonly rollups: RollupRepository,
    private readonly staff: StaffRepository,
    private readonly clock: Clock,
    private readonly cacheMs = 2000,
  ) {}

  async summary(q: SummaryQuery): Promise<DashboardSummary> {
    const date = q.date ?? chinaDay(this.clock.now());
    const from = addDays(date, -(q.days - 1));
    const f: CellFilter = { region: q.region, industry: q.industry, size: q.size };
    const today = chinaDay(this.clock.now());
    const after = (from: string) => dayRange(addDays(from, 1), today > date ? today : date, addDays);
    const window = dayRange(from, date, addDays);
    const ids = (group: string, days: string[]) => days.map((d) => `${group}|${d}`);
    const reopenDays = after(from);
    // Every document this summary needs, named up front. Breakdowns by region, industry or size
    // (the reopening totals as of the date, health on the date) read whole documents; everything
    // else reads only the filter's slice: two queries, in parallel.
    const entry = this.read({
      cellIds: [
        `${G.reopen}|${CURRENT}`,
        ...ids(
          G.reopen,
          reopenDays.filter((d) => d > date),
        ),
        `${G.health}|${date}`,
      ],
      sliceIds: [
        ...ids(
          G.reopen,
          reopenDays.filter((d) => d <= date),
        ),
        `${G.openByCategory}|${CURRENT}`,
        `${G.visitCoverage}|${CURRENT}`,
        ...ids(G.issues, [CURRENT, ...after(date)]),
        ...ids(G.callbacks, [CURRENT, ...after(date)]),
        ...ids(G.transport, window),
        ...ids(
          G.health,
          window.filter((d) => d !== date),
        ),
        ...ids(G.visits, dayRange(addDays(date, -6), date, addDays)),
      ],
      slice: sliceOfFilter(f),
    });
    const key = JSON.stringify([q.region, q.industry, q.size, date, q.days]);
    let result = entry.results.get(key);
    if (!result) {
      result = entry.docs.then((docs) => this.compute(docs, q, f, date, from));
      entry.results.set(key, result);
      result.catch(() => entry.results.delete(key));
    }
    return result;
  }

  private async compute(
    docs: RollupView[],
    q: SummaryQuery,
    f: CellFilter,
    date: string,
    from: string,
  ): Promise<DashboardSummary> {
    const of = (group: string) => docs.filter((d) => d.g === group);
    const current = (group: string) => of(group).filter((d) => d.d === CURRENT);
    const asOf = (group: string) => ({
      plus: current(group),
      minus: of(group).filter((d) => d.d !== CURRENT && d.d > date),
    });
    const [reopenNow, reopenDeltas, openByCategory, coverage] = [
      current(G.reopen),
      of(G.reopen).filter((d) => d.d !== CURRENT),
      current(G.openByCategory),
      current(G.visitCoverage),
    ];
    const [transport, health, visits] = [of(G.transport), of(G.health), of(G.visits)];
    const reopening = reopeningFigure(reopenNow, reopenDeltas, f, date, from);
    const stewards = stewardsFigure(coverage, visits, asOf(G.callbacks), f, date);
    await this.nameStewards(stewards);
    return {
      asOf: date,
      days: q.days,
      filter: { region: q.region ?? null, industry: q.industry ?? null, size: q.size ?? null },
      choices: choicesOf(reopenNow),
      reopening,
      transport: transportFigure(transport, f, date, from),
      issues: issuesFigure(asOf(G.issues), openByCategory, f),
      stewards,
      health: healthFigure(health, f, date, from),
      whyNotReopened: whyNotReopenedFigure(reopening, openByCategory, f),
    };
  }

  /** Reads the documents, or reuses the last read of the same plan when it is fresh and no local write happened since. */
  private read(plan: ReadPlan): CacheEntry {
    const key = JSON.stringify(plan);
    const now = Date.now();
    const c = this.cached.get(key);
    if (c && c.generation === this.rollups.generation && c.until > now) return c;
    const entry: CacheEntry = {
      generation: this.rollups.generation,
      until: now + this.cacheMs,
      docs: this.load(plan),
      results: new Map(),
    };
    if (this.cacheMs > 0) {
      for (const [k, e] of this.cached)
        if (e.until <= now || e.generation !== entry.generation) this.cached.delete(k);
      if (this.cached.size >= MAX_CACHED_READS) this.cached.clear();
      this.cached.set(key, entry);
      entry.docs.catch(() => this.cached.delete(key));
    }
    return entry;
  }

  /** Both reads of a plan, in parallel. */
  private async load(plan: ReadPlan): Promise<RollupView[]> {
    const [cells, sliced] = await Promise.all([
      this.fetch(plan.cellIds, null, (ids) => this.rollups.cells(ids)),
      plan.slice === null
        ? []
        : this.fetch(plan.sliceIds, plan.slice, (ids) => this.rollups.slice(ids, plan.slice!)),
    ]);
    return [...cells, ...sliced];
  }

  /**
   * Reads documents (whole, or one slice of them). For reopening, health, visits and call-backs,
   * days more than two days back are settled — their live writes land on today's documents (a
   * visit may be dated up to 48 h back) — so those are kept for SETTLED_TTL_MS (until a rebuild)
   * and only the running totals and recent days are read again. Issue days (states move) and
   * trip days (a late seat release) are always read.
   */
  private async fetch(
    ids: string[],
    slice: string | null,
    get: (ids: string[]) => Promise<RollupView[]>,
  ): Promise<RollupView[]> {
    if (this.cacheMs <= 0) return get(ids);
    const settledBefore = addDays(chinaDay(this.clock.now()), -2);
    const now = Date.now();
    if (this.settledRebuilds !== this.rollups.rebuilds) {
      this.settled.clear();
      this.settledRebuilds = this.rollups.rebuilds;
    }
    const isSettled = (id: string) => {
      const [group, day] = id.split('|');
      return SETTLING_GROUPS.has(group) && day !== CURRENT && day < settledBefore;
    };
    const cacheKey = (id: string) => `${id}\t${slice ?? ''}`;
    const missing = ids.filter((id) => isSettled(id) && (this.settled.get(cacheKey(id))?.until ?? 0) <= now);
    const [live, fetched] = await Promise.all([
      get(ids.filter((id) => !isSettled(id))),
      missing.length ? get(missing) : [],
    ]);
    if (this.settled.size > 5_000) this.settled.clear();
    for (const id of missing)
      this.settled.set(cacheKey(id), {
        doc: fetched.find((d) => d._id === id) ?? null,
        until: now + SETTLED_TTL_MS,
      });
    return [...live, ...ids.filter(isSettled).flatMap((id) => this.settled.get(cacheKey(id))?.doc ?? [])];
  }

  /** Steward names change rarely: remembered for a while so most summaries make no second query. */
  private readonly names = new Map<string, { name: string | null; until: number }>();

  private async nameStewards(s: DashboardSummary['stewards']): Promise<void> {
    const rows = [...s.visitsPerSteward, ...s.lowRated];
    const now = Date.now();
    const missing = [...new Set(rows.map((x) => x.stewardId))].filter(
      (id) => (this.names.get(id)?.until ?? 0) < now,
    );
    if (missing.length > 0) {
      const found = new Map((await this.staff.findByIds(missing)).map((p) => [p.id, p.name]));
      if (this.names.size > 10_000) this.names.clear();
      for (const id of missing) this.names.set(id, { name: found.get(id) ?? null, until: now + NAME_TTL_MS });
    }
    for (const row of rows) row.name = this.names.get(row.stewardId)?.name ?? null;
  }
}

/** Every region and industry present in the registry, for the filter pickers. */
function choicesOf(current: RollupView[]): DashboardSummary['choices'] {
  const regions = new Set<string>();
  const industries = new Set<string>();
  for (const d of current) {
    for (const { cell: c } of d.cells) {
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
