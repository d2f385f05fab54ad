import { seatCapacity } from '@fugong/domain';
import type { Actor } from '../../auth/actor';
import { DomainError } from '../../errors';
import type { EnterpriseRepository } from '../enterprises';
import type { CharterRepository } from './charter.repository';
import { toCharterView } from './charter.service';

/** The part of the worker journey's TripService this needs (the trips module owns trips). */
export interface TripCreator {
  create(
    actor: Actor,
    input: {
      originRegionCode: string;
      originName: string;
      pickupPoints: { name: string }[];
      destinations: { enterpriseId: string; dropPoint: string }[];
      departureAt: string;
      vehicle: { plate: string; seats: number };
      driver: { name: string };
      occupancyCapPct: number;
      note?: string;
    },
  ): Promise<{ id: string }>;
}

export interface ConvertInput {
  requestIds: string[];
  departureAt: string;
  vehicle: { plate: string; seats: number };
  driver: { name: string };
  occupancyCapPct: number;
}

const MAX_TRIPS = 20;
const MAX_STOPS = 10;

/**
 * Turns a group of open charter requests into draft trips in one action. The requests are
 * claimed first (open → converted, each guarded), so two officers converting the same group
 * cannot both create trips; if anything fails afterwards the claims are undone.
 */
export class CharterConversion {
  constructor(
    private readonly charters: CharterRepository,
    private readonly enterprises: EnterpriseRepository,
    private readonly trips: TripCreator,
  ) {}

  async convert(actor: Actor, input: ConvertInput) {
    const ids = [...new Set(input.requestIds)];
    const requests = await this.charters.findByIds(ids);
    if (requests.length !== ids.length) throw new DomainError('NOT_FOUND', '部分包车需求不存在');
    const closed = requests.filter((r) => r.state !== 'open');
    if (closed.length)
      throw new DomainError('INVALID_TRANSITION', '部分需求已安排或已撤回', {
        requests: closed.map((r) => ({ id: r.id, state: r.state })),
        allowed: [],
      });
    if (new Set(requests.map((r) => r.originRegionCode)).size > 1)
      throw new DomainError('BUSINESS_RULE', '只能合并同一出发地的需求');
    const firmIds = [...new Set(requests.flatMap((r) => r.participants.map((p) => p.enterpriseId)))];
    const pickups = [...new Set(requests.map((r) => r.pickupPoint))];
    if (firmIds.length > MAX_STOPS || pickups.length > MAX_STOPS)
      throw new DomainError(
        'BUSINESS_RULE',
        `一个班次最多 ${MAX_STOPS} 个上车点和 ${MAX_STOPS} 家目的企业，请分组转换`,
      );
    const total = requests.reduce((n, r) => n + r.totalWorkers, 0);
    const perTrip = seatCapacity(input.vehicle.seats, input.occupancyCapPct);
    const count = Math.ceil(total / Math.max(1, perTrip));
    if (count > MAX_TRIPS)
      throw new DomainError('BUSINESS_RULE', `需要 ${count} 个班次，超过单次上限 ${MAX_TRIPS}，请分组转换`);

    const claimed: string[] = [];
    try {
      for (const r of requests) {
        if (!(await this.charters.close(r.id, 'converted')))
          throw new DomainError('CONFLICT', '该组需求刚被他人处理，请刷新后重试');
        claimed.push(r.id);
      }
      const firms = new Map((await this.enterprises.listByIds(firmIds)).map((e) => [e.id, e]));
      const destinations = firmIds.map((id) => ({
        enterpriseId: id,
        dropPoint: (firms.get(id)?.address || firms.get(id)?.name || '企业门口').slice(0, 60),
      }));
      const tripIds: string[] = [];
      for (let i = 0; i < count; i += 1) {
        const trip = await this.trips.create(actor, {
          originRegionCode: requests[0].originRegionCode,
          originName: requests[0].originName,
          pickupPoints: pickups.map((name) => ({ name: name.slice(0, 60) })),
          destinations,
          departureAt: input.departureAt,
          vehicle: input.vehicle,
          driver: input.driver,
          occupancyCapPct: input.occupancyCapPct,
          note: `包车需求合并 ${i + 1}/${count}`,
        });
        tripIds.push(trip.id);
      }
      const updated = await this.charters.setTrips(ids, tripIds);
      return { tripIds, requests: updated.map(toCharterView) };
    } catch (err) {
      for (const id of claimed) await this.charters.reopenUnconverted(id);
      throw err;
    }
  }
}
