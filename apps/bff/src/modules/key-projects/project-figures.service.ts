import type { ProjectFigures } from '@fugong/contracts';
import { chinaDay, milestoneLateness, type WorkCalendar } from '@fugong/domain';
import type { Clock } from '../../clock';
import type { ProjectRepository } from './project.repository';
import type { NeedRepository } from './need.repository';
import type { SessionRepository } from './session.repository';

/** The command's key-project figures: resumed by level and region, late nodes, the 服务清单's backlog. */
export class ProjectFiguresService {
  constructor(
    private readonly d: {
      projects: ProjectRepository;
      needs: NeedRepository;
      sessions: SessionRepository;
      clock: Clock;
      calendar: WorkCalendar;
    },
  ) {}

  async figures(): Promise<ProjectFigures> {
    const now = this.d.clock.now();
    const today = chinaDay(now);
    const [byLevel, byRegion, days, needsOpen, needsOverdue, itemsOpen, itemsOverdue] = await Promise.all([
      this.d.projects.resumedBy('level'),
      this.d.projects.resumedBy('regionCode'),
      this.d.projects.openMilestoneDays(),
      this.d.needs.countBy(['open', 'convened']),
      this.d.needs.countBy(['open'], now),
      this.d.sessions.countItems(),
      this.d.sessions.countItems(now),
    ]);
    const rows = (xs: { _id: string; total: number; resumed: number }[]) =>
      xs.map((x) => ({ key: x._id, total: x.total, resumed: x.resumed }));
    return {
      projects: byLevel.reduce((n, x) => n + x.total, 0),
      resumed: byLevel.reduce((n, x) => n + x.resumed, 0),
      byLevel: rows(byLevel),
      byRegion: rows(byRegion),
      milestonesLate: days.filter(
        (m) => m.doneDate === null && milestoneLateness(m, today, this.d.calendar).late,
      ).length,
      needsOpen,
      needsOverdue,
      actionItemsOpen: itemsOpen,
      actionItemsOverdue: itemsOverdue,
    };
  }
}
