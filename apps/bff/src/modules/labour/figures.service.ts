import type { LabourFigures } from '@fugong/contracts';
import { freshSince } from '@fugong/domain';
import { hasRole, type Actor } from '../../auth/actor';
import type { Clock } from '../../clock';
import { forbidden } from '../../errors';
import { LabourAccess } from './labour-access';
import type { LabourFiguresRepository, VacancyGroup } from './figures.repository';
import type { LabourEnterpriseLookup } from './vacancy.service';

/** The shortage ranking shows this many firms: enough for a weekly 用工缺口 meeting. */
const SHORTAGE_TOP = 20;

/** 人社局's (and the command's) 用工缺口: what is open, what is filled, and who lacks staff most. */
export class LabourFiguresService {
  constructor(
    private readonly d: {
      figures: LabourFiguresRepository;
      enterprises: LabourEnterpriseLookup;
      clock: Clock;
    },
  ) {}

  async figures(actor: Actor): Promise<LabourFigures> {
    if (!hasRole(actor, 'admin') && !LabourAccess.isLabourOfficer(actor))
      throw forbidden('用工缺口由人社局和指挥部查看');
    const fresh = freshSince(this.d.clock.now());
    const [all] = await this.d.figures.vacancyGroups(null, fresh);
    const [regions, industries, appsByRegion, appsByIndustry, steps, seekers, gaps] = await Promise.all([
      this.d.figures.vacancyGroups('regionCode', fresh),
      this.d.figures.vacancyGroups('industry', fresh),
      this.d.figures.applicationsBy('regionCode'),
      this.d.figures.applicationsBy('industry'),
      this.d.figures.steps(),
      this.d.figures.seekerCount(),
      this.d.figures.largestGaps(SHORTAGE_TOP * 2),
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
      byRegion: regions.map((g) => ({ regionCode: g.key, ...row(g, appsByRegion) })),
      byIndustry: industries.map((g) => ({ industry: g.key, ...row(g, appsByIndustry) })),
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

  /** Largest gaps first; among equal gaps, 规上 firms first (their stoppage costs the city most). */
  private async shortage(gaps: Awaited<ReturnType<LabourFiguresRepository['largestGaps']>>) {
    const firms = await Promise.all(gaps.map((g) => this.d.enterprises.findById(g.enterpriseId)));
    return gaps
      .map((g, i) => ({ ...g, size: firms[i]?.size ?? '', industry: firms[i]?.industry ?? '' }))
      .sort((a, b) => b.gap - a.gap || Number(b.size === 'above') - Number(a.size === 'above'))
      .slice(0, SHORTAGE_TOP);
  }
}
