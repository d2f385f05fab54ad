import type { LabourFigures } from '@fugong/contracts';
import type { Logger } from 'pino';
import { chinaDay, freshSince } from '@fugong/domain';
import type { AuditRepository } from '../../audit/audit.repository';
import type { RawResponse } from '../../http/route';
import { figuresWorkbook } from './figures-workbook';
import { hasRole, type Actor } from '../../auth/actor';
import type { Clock } from '../../clock';
import { forbidden } from '../../errors';
import { LabourAccess } from './labour-access';
import type { FirmGap, LabourFiguresRepository, VacancyGroup } from './figures.repository';
import type { LabourEnterpriseLookup } from './vacancy.service';

/** The shortage ranking shows this many firms: enough for a weekly 用工缺口 meeting. */
const SHORTAGE_TOP = 20;
/** Firms looked up per registry read when grouping by size. */
const SIZE_BATCH = 1000;

/** 人社局's (and the command's) 用工缺口: what is open, what is filled, and who lacks staff most. */
export class LabourFiguresService {
  constructor(
    private readonly d: {
      figures: LabourFiguresRepository;
      enterprises: LabourEnterpriseLookup;
      regionName: (code: string) => string | null;
      /** Which of these firms are 重点企业 (a 复工管家 stationed there: the stewards module). */
      keyFirmsAmong: (enterpriseIds: string[]) => Promise<Set<string>>;
      audit: AuditRepository;
      clock: Clock;
      logger?: Logger | null;
    },
  ) {}

  /**
   * The figures as an xlsx download for the daily report. Audited (who took the city's hiring
   * picture, when), though it holds firms and counts only.
   */
  async export(actor: Actor, requestId: string): Promise<RawResponse> {
    const figures = await this.figures(actor);
    const asOf = chinaDay(this.d.clock.now());
    await this.d.audit.append({
      at: this.d.clock.now(),
      actorId: actor.id,
      action: 'labour.figures.export',
      subjectType: 'labour_figures',
      subjectId: asOf,
      fields: ['byRegion', 'byIndustry', 'bySize', 'shortage'],
      requestId,
    });
    return figuresWorkbook(figures, asOf, (err) =>
      this.d.logger?.error({ err }, 'labour.figures.export.failed'),
    );
  }

  async figures(actor: Actor): Promise<LabourFigures> {
    if (!hasRole(actor, 'admin') && !LabourAccess.isLabourOfficer(actor))
      throw forbidden('用工缺口由人社局和指挥部查看');
    const fresh = freshSince(this.d.clock.now());
    const [all] = await this.d.figures.vacancyGroups(null, fresh);
    const [regions, industries, appsByRegion, appsByIndustry, steps, seekers, gaps, firms] =
      await Promise.all([
        this.d.figures.vacancyGroups('regionCode', fresh),
        this.d.figures.vacancyGroups('industry', fresh),
        this.d.figures.applicationsBy('regionCode'),
        this.d.figures.applicationsBy('industry'),
        this.d.figures.steps(),
        this.d.figures.seekerCount(),
        this.d.figures.largestGaps(SHORTAGE_TOP * 2, fresh),
        this.firmFacts(fresh),
      ]);
    const row = (g: VacancyGroup, apps: Map<string, number>) => ({
      open: g.open,
      headcount: g.headcount,
      filled: g.filled,
      applications: apps.get(g.key) ?? 0,
    });
    return {
      vacancies: {
        open: all?.open ?? 0,
        full: all?.full ?? 0,
        withdrawn: all?.withdrawn ?? 0,
        stale: all?.stale ?? 0,
        headcount: all?.headcount ?? 0,
        filled: all?.filled ?? 0,
      },
      seekers,
      applications: steps.totals.applied,
      offers: steps.totals.offered,
      hires: steps.totals.accepted,
      arrivals: steps.totals.arrived,
      byRegion: regions.map((g) => ({
        regionCode: g.key,
        regionName: this.d.regionName(g.key) ?? '',
        ...row(g, appsByRegion),
      })),
      byIndustry: industries.map((g) => ({ industry: g.key, ...row(g, appsByIndustry) })),
      bySize: firms.bySize,
      keyFirms: firms.keyFirms,
      byDay: [...steps.byDay.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([day, n]) => ({
          day,
          applications: n.applied,
          offers: n.offered,
          hires: n.accepted,
          arrivals: n.arrived,
        })),
      shortage: await this.shortage(gaps),
    };
  }

  /**
   * Largest gaps first; among equal gaps, 重点企业 then 规上 firms first (their stoppage costs the
   * city most).
   */
  private async shortage(gaps: FirmGap[]) {
    const ids = gaps.map((g) => g.enterpriseId);
    const [firms, keys] = await Promise.all([this.d.enterprises.listByIds(ids), this.d.keyFirmsAmong(ids)]);
    const byId = new Map(firms.map((f) => [f.id, f]));
    return gaps
      .map((g) => ({
        ...g,
        size: byId.get(g.enterpriseId)?.size ?? '',
        industry: byId.get(g.enterpriseId)?.industry ?? '',
        key: keys.has(g.enterpriseId),
      }))
      .sort(
        (a, b) =>
          b.gap - a.gap ||
          Number(b.key) - Number(a.key) ||
          Number(b.size === 'above') - Number(a.size === 'above'),
      )
      .slice(0, SHORTAGE_TOP);
  }

  /** Live vacancies by the posting firm's size, and the 重点企业 among the firms hiring and what they lack. */
  private async firmFacts(fresh: Date): Promise<Pick<LabourFigures, 'bySize' | 'keyFirms'>> {
    const groups = await this.d.figures.firmGroups(fresh);
    const ids = groups.map((g) => g.enterpriseId);
    const [sizes, keys] = await Promise.all([this.sizesOf(ids), this.d.keyFirmsAmong(ids)]);
    const bySize = new Map<string, LabourFigures['bySize'][number]>();
    const keyFirms = { firms: 0, lacking: 0, gap: 0 };
    for (const g of groups) {
      const size = sizes.get(g.enterpriseId) ?? '';
      const row = bySize.get(size) ?? { size, firms: 0, open: 0, headcount: 0, filled: 0 };
      row.firms += 1;
      row.open += g.open;
      row.headcount += g.headcount;
      row.filled += g.filled;
      bySize.set(size, row);
      if (!keys.has(g.enterpriseId)) continue;
      keyFirms.firms += 1;
      if (g.gap > 0) keyFirms.lacking += 1;
      keyFirms.gap += g.gap;
    }
    return { bySize: [...bySize.values()].sort((a, b) => a.size.localeCompare(b.size)), keyFirms };
  }

  /** The registry's size of each firm, read in batches so a city's firms are never one huge $in. */
  private async sizesOf(ids: string[]): Promise<Map<string, string>> {
    const sizes = new Map<string, string>();
    for (let i = 0; i < ids.length; i += SIZE_BATCH)
      for (const f of await this.d.enterprises.listByIds(ids.slice(i, i + SIZE_BATCH)))
        sizes.set(f.id, f.size);
    return sizes;
  }
}
