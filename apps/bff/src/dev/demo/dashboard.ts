import { Types } from 'mongoose';
import { chinaDay } from '@fugong/domain';
import type { Container } from '../../container';
import { DEMO_ENTERPRISES } from './enterprises';

/** Today's reopening reports of the demo firms: three reopened, 兰江模塑厂 still closed. */
const DEMO_REPORTS = [
  { reopened: true, staffOnSite: 960, capacityPercent: 85 },
  { reopened: true, staffOnSite: 380, capacityPercent: 80 },
  { reopened: false, staffOnSite: 0, capacityPercent: 0 },
  { reopened: true, staffOnSite: 48, capacityPercent: 70 },
];

/**
 * The dashboard's demo step, run last. The demo firms report today's reopening (once a day, through
 * the service, so the hooks count it). The earlier sections write partly below the services
 * (bulk upserts, direct assignments), so the rollups are rebuilt when they do not count every
 * enterprise in the registry or predate the current storage format; later boots find them complete and leave them alone (a rebuild of
 * a city-sized database on every start would be slow — `npm run rollups:rebuild` is for that).
 */
export async function dashboardDemoSection(ctx: { container: Container }): Promise<void> {
  const { enterprises, reopening, rollups } = ctx.container;
  for (const [i, e] of DEMO_ENTERPRISES.entries()) {
    const firm = await enterprises.repos.enterprises.findByCreditCode(e.creditCode);
    if (!firm) continue;
    const liaison = {
      id: new Types.ObjectId().toHexString(),
      roles: ['liaison' as const],
      enterpriseId: firm.id,
      departmentId: null,
    };
    const today = (await reopening.services.reopening.history(liaison, firm.id)).items[0];
    // Demo data runs on the wall clock, like the rest of seed-demo.
    if (today?.day === chinaDay(new Date())) continue;
    const r = DEMO_REPORTS[i];
    await reopening.services.reopening.reportToday(liaison, firm.id, {
      ...r,
      reopenedSince: r.reopened ? '2020-02-20' : null,
      staffTotal: e.headcount,
    });
  }
  const [current] = await rollups.repo.cells(['reopen|*']);
  const counted = (current?.cells ?? []).reduce((sum, { m }) => sum + (m.enterprises ?? 0), 0);
  const registered = await ctx.container.repos.enterprises.estimatedCount();
  // Documents of an older storage format are converted by the rebuild too.
  if (counted !== registered || (await rollups.repo.olderFormatDocuments()) > 0) await rollups.rebuild();
}
