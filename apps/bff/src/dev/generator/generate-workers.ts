import type { Types } from 'mongoose';
import { addDays } from '@fugong/domain';
import type { StoredModels } from './stored-models';
import { BulkInserter, type Progress } from './bulk';
import { ORIGINS, personName, type CityPlan } from './city-plan';
import type { FirmFacts } from './generate-firms';
import { atChinaHour, generatedUser } from './generated-user';
import { idFactory, type Rng } from './random';

const SEATS = 45;
const CAP_PCT = 75;
const CAPACITY = Math.floor((SEATS * CAP_PCT) / 100);

interface Traveller {
  worker: Types.ObjectId;
  firm: number;
}

/**
 * Workers spread over the firms by headcount, from the labour-exporting provinces; a quarter of
 * them come back on point-to-point charters in the window (trips, bookings, boarding, a waitlist
 * on the days still ahead), and everyone who travels checks in daily around their trip.
 */
export async function generateWorkers(
  m: StoredModels,
  plan: CityPlan,
  r: Rng,
  seed: number,
  firms: FirmFacts[],
  endDay: string,
  progress: Progress,
): Promise<void> {
  const startDay = addDays(endDay, -(plan.days - 1));
  const ids = { worker: idFactory(seed, 4), trip: idFactory(seed, 5), booking: idFactory(seed, 6) };
  const cumulative = new Float64Array(firms.length);
  firms.forEach((f, i) => (cumulative[i] = (i ? cumulative[i - 1] : 0) + f.headcount));
  const pickFirm = () => {
    const x = r.next() * cumulative[cumulative.length - 1];
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const groups = new Map<string, Traveller[]>();
  const users = new BulkInserter(m.users as never, '务工人员', plan.workers, progress);
  const checkins = new BulkInserter(m.checkins as never, '健康打卡', plan.workers * 1.5, progress);
  for (let n = 0; n < plan.workers; n += 1) {
    const id = ids.worker();
    const firm = pickFirm();
    const origin = r.weighted(ORIGINS.map((o, i) => [i, o.weight] as const));
    const o = ORIGINS[origin];
    const homeRegion = { province: o.province, city: o.city, county: o.county };
    await users.add(
      generatedUser(r, { _id: id, roles: ['worker'], enterpriseId: firms[firm].id, homeRegion }, startDay),
    );
    const travels = o.province !== '330000' && r.chance(plan.charterShare / 0.94);
    const travelDay = travels ? addDays(startDay, r.int(0, plan.days + 1)) : null;
    if (travelDay) {
      const key = `${travelDay}|${origin}`;
      groups.set(key, [...(groups.get(key) ?? []), { worker: id, firm }]);
    }
    for (let d = 0; d < plan.days; d += 1) {
      const day = addDays(startDay, d);
      const around = travelDay !== null && day >= addDays(travelDay, -1) && day <= addDays(travelDay, 3);
      if (!(around ? r.chance(0.9) : r.chance(0.02))) continue;
      const hot = r.chance(0.001);
      const arrived = travelDay !== null && day >= travelDay;
      await checkins.add({
        workerId: id,
        day,
        at: atChinaHour(day, r.int(6, 9)),
        temperature: hot ? 37.5 : Math.round(r.normal(36.5, 0.2) * 10) / 10,
        symptoms: hot ? ['fever'] : [],
        healthCode: r.weighted([
          ['green', 984],
          ['yellow', 13],
          ['red', 3],
        ] as const),
        places: [],
        arrivedFromOutsideProvince: arrived,
        arrivalDate: arrived ? travelDay : null,
      });
    }
  }
  await users.flush();
  await checkins.flush();
  await trips(m, r, ids, groups, firms, endDay, progress);
}

async function trips(
  m: StoredModels,
  r: Rng,
  ids: { trip: () => Types.ObjectId; booking: () => Types.ObjectId },
  groups: Map<string, Traveller[]>,
  firms: FirmFacts[],
  endDay: string,
  progress: Progress,
) {
  const total = [...groups.values()].reduce((s, g) => s + g.length, 0);
  const tripIns = new BulkInserter(m.trips as never, '包车班次', total / CAPACITY, progress, 500);
  const bookIns = new BulkInserter(m.bookings as never, '订座', total, progress);
  for (const [key, people] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const [travelDay, originIdx] = key.split('|');
    const o = ORIGINS[Number(originIdx)];
    const future = travelDay > endDay;
    const buses: Traveller[][] = [];
    for (let i = 0; i < people.length; i += CAPACITY) buses.push(people.slice(i, i + CAPACITY));
    // On days still ahead a short last bus is not run: its people wait for seats on the one before.
    const waitlist = future && buses.length > 1 && buses[buses.length - 1].length < 10 ? buses.pop()! : [];
    for (const [b, load] of buses.entries()) {
      const tripId = ids.trip();
      const departureAt = atChinaHour(travelDay, 6 + (b % 12));
      const holders: Types.ObjectId[] = [];
      let boarded = 0;
      const booking = (p: Traveller, status: string, extra: Record<string, unknown> = {}) => ({
        _id: ids.booking(),
        tripId,
        workerId: p.worker,
        travelDay,
        status,
        ...(status !== 'released' ? { live: true } : {}),
        pickupPoint: `${o.name}火车站`,
        waitSeq: null,
        flag: null,
        seatNo: null,
        boardedAt: null,
        boardingTemperature: null,
        boardedBy: null,
        bookedBy: 'self',
        bookedById: p.worker.toHexString(),
        cancelReason: null,
        cancelledAt: null,
        createdAt: atChinaHour(addDays(travelDay, -2), 12),
        updatedAt: departureAt,
        ...extra,
      });
      for (const p of load) {
        const status = future ? 'confirmed' : r.chance(0.03) ? 'released' : 'boarded';
        const doc =
          status === 'boarded'
            ? booking(p, status, { seatNo: ++boarded, boardedAt: departureAt, boardingTemperature: 36.5 })
            : booking(p, status);
        if (status !== 'released') holders.push(doc._id);
        await bookIns.add(doc);
      }
      const queue = b === buses.length - 1 ? waitlist : [];
      for (const [k, p] of queue.entries()) await bookIns.add(booking(p, 'waitlisted', { waitSeq: k + 1 }));
      const dest = [...new Set(load.map((p) => p.firm))]
        .slice(0, 5)
        .map((f) => ({ enterpriseId: firms[f].id, enterpriseName: firms[f].name, dropPoint: '厂门口' }));
      await tripIns.add({
        _id: tripId,
        status: 'published',
        originRegionCode: o.county,
        originName: o.name,
        pickupPoints: [{ name: `${o.name}火车站` }],
        destinations: dest,
        departureAt,
        travelDay,
        vehicle: { plate: `浙B${r.int(10000, 99999)}`, seats: SEATS },
        driver: { name: personName(r) },
        occupancyCapPct: CAP_PCT,
        capacity: CAPACITY,
        bookedCount: holders.length,
        seatHolders: holders,
        boardedCount: boarded,
        notices: [],
        noticesPending: false,
        cancelReason: null,
        createdBy: 'generator',
        createdAt: atChinaHour(addDays(travelDay, -3), 9),
        updatedAt: departureAt,
      });
    }
  }
  await tripIns.flush();
  await bookIns.flush();
}
