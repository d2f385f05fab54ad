import { chinaDay, addDays, chinaDayStart, seatCapacity } from '@fugong/domain';
import type { Actor } from '../../auth/actor';
import type { Container } from '../../container';
import { DEMO_ENTERPRISES } from './enterprises';

/** What the demo section needs from seed-demo's context (structural, to avoid an import cycle). */
interface DemoCtx {
  container: Container;
  userIds: Map<string, string>;
}

/** Origins of the demo trips: the labour-sending provinces named in the seeds (贵、川、皖、湘、豫). */
const ORIGINS = [
  { code: '520102', name: '贵阳市南明区', pickup: '南明区人社局门口', plate: '贵A3M521' },
  { code: '510104', name: '成都市锦江区', pickup: '锦江区劳务市场', plate: '川A8K260' },
  { code: '340102', name: '合肥市瑶海区', pickup: '合肥站东广场', plate: '皖A5D118' },
  { code: '430102', name: '长沙市芙蓉区', pickup: '芙蓉区政务中心', plate: '湘A2C907' },
  { code: '410105', name: '郑州市金水区', pickup: '金水区人社局', plate: '豫A6F332' },
];

/**
 * The worker journey's demo data: region risk levels, the demo worker 13800000001's profile (贵阳, employed
 * by the first demo firm), and published trips for the next three days from the sending
 * provinces to the demo firms. Idempotent: profile and regions are upserts; trips are only
 * created when the first demo firm has no upcoming trip yet.
 */
export async function workerJourneyDemoSection(ctx: DemoCtx): Promise<void> {
  const c = ctx.container;
  const adminId = ctx.userIds.get('13800000006');
  const workerId = ctx.userIds.get('13800000001');
  const transportId = ctx.userIds.get('13800000005');
  const found = await Promise.all(
    DEMO_ENTERPRISES.map((e) => c.repos.enterprises.findByCreditCode(e.creditCode)),
  );
  const firms = found.filter((f) => f !== null);
  if (!adminId || !workerId || !transportId || firms.length === 0) return;
  const admin: Actor = { id: adminId, roles: ['admin'], enterpriseId: null, departmentId: null };
  await c.regions.services.regions.set(admin, '420100', '武汉市', 'high', 'demo-seed');
  await c.regions.services.regions.set(admin, '330281', '余姚市', 'low', 'demo-seed');
  await c.regions.services.regions.set(admin, '520102', '贵阳市南明区', 'low', 'demo-seed');

  const me: Actor = { id: workerId, roles: ['worker'], enterpriseId: null, departmentId: null };
  await c.profile.services.profiles.update(me, {
    name: '张建国',
    idNumber: '52010219900101123X',
    homeRegion: { province: '520000', city: '520100', county: '520102' },
    enterpriseId: firms[0].id,
  });

  const today = chinaDay(new Date());
  const upcoming = await c.trips.repos.trips.search(
    { statuses: ['published'], enterpriseId: firms[0].id, fromDay: today },
    1,
    1,
  );
  if (upcoming.total > 0) return;
  for (let day = 1; day <= 3; day += 1) {
    for (const [i, o] of ORIGINS.entries()) {
      const firm = firms[i % firms.length];
      // 07:00 China time, the usual early start of a 包车 so it arrives the same evening.
      const departureAt = new Date(chinaDayStart(addDays(today, day)).getTime() + 7 * 3600_000);
      const trip = await c.trips.repos.trips.create({
        status: 'published',
        originRegionCode: o.code,
        originName: o.name,
        pickupPoints: [{ name: o.pickup }, { name: `${o.name}高铁站` }],
        destinations: [{ enterpriseId: firm.id, enterpriseName: firm.name, dropPoint: '厂区正门' }],
        departureAt,
        travelDay: chinaDay(departureAt),
        vehicle: { plate: o.plate, seats: 45 },
        driver: { name: '王师傅' },
        occupancyCapPct: 50,
        capacity: seatCapacity(45, 50),
        createdBy: transportId,
      });
      // Written past the service (a published demo trip), so announced here like any trip write.
      await c.events.publish({ type: 'trip.changed', tripId: trip.id });
    }
  }
}
