import type { Types } from 'mongoose';
import { closedPostReason, type SupplyCategory } from '@fugong/contracts';
import { addDays, chinaDayStart, distanceKm } from '@fugong/domain';
import { matchModel, postModel } from '../../modules/supply-chain/supply.models';
import { BulkInserter } from './bulk';
import { INDUSTRIES, personName } from './city-plan';
import type { CityStage } from './city-stage';
import { idFactory } from './random';

/** What is asked for most (seed 001: 原材料供應、物流配送; 配套企業尚未開工 → parts). */
const CATEGORY_MIX: readonly (readonly [SupplyCategory, number])[] = [
  ['raw_materials', 30],
  ['parts', 22],
  ['logistics', 14],
  ['epidemic_supplies', 12],
  ['equipment', 8],
  ['capacity', 8],
  ['orders', 6],
];
const TITLES: Record<SupplyCategory, string> = {
  raw_materials: 'PP 聚丙烯颗粒',
  parts: '注塑件',
  equipment: '注塑机',
  logistics: '4.2 米厢式货车运力',
  epidemic_supplies: '医用口罩',
  capacity: '冲压产能',
  orders: '外贸订单',
};
/** Yuyao and the neighbours a supplier is usually in (宁波、慈溪、绍兴、上虞), WGS-84. */
const PLACES = [
  { regionCode: '330281', lat: 30.037, lng: 121.155 },
  { regionCode: '330282', lat: 30.17, lng: 121.266 },
  { regionCode: '330212', lat: 29.868, lng: 121.544 },
  { regionCode: '330604', lat: 30.03, lng: 120.87 },
] as const;
const HOUR = 3_600_000;

interface Post {
  _id: Types.ObjectId;
  enterpriseId: Types.ObjectId;
  side: 'supply' | 'demand';
  category: SupplyCategory;
  regionCode: string;
  industry: string;
  point: { lat: number; lng: number };
  availableUntil: string;
  status: 'open' | 'closed';
  title: string;
}

/**
 * 供需 posts and their matches (seed 002 §四 供需对接, seed 004 §4 发布供求信息). Demand posts come from
 * the firms whose problems were supply matters (plan.supplyDemands), supply posts from 规上 firms;
 * a share of demands is proposed to the nearest supply in its category, most of those confirmed,
 * and a post closed before confirmation ends its match as a real close would.
 */
export async function generateSupply(stage: CityStage): Promise<{ posts: number; matches: number }> {
  const { c, plan, r, seed, firms, endDay, progress } = stage;
  const conn = stage.conn;
  const id = idFactory(seed, 21);
  const above = firms.filter((f) => f.size === 'above');
  if (firms.length === 0 || above.length === 0) return { posts: 0, matches: 0 };
  const phoneEnc = c.pii.encrypt('13900000000');
  const posts = new BulkInserter(
    postModel(conn) as never,
    '供需信息',
    plan.supplyDemands + plan.supplyOffers,
    progress,
  );
  const made: Post[] = [];
  for (let n = 0; n < plan.supplyDemands + plan.supplyOffers; n += 1) {
    const side = n < plan.supplyDemands ? 'demand' : 'supply';
    const firm = side === 'demand' ? r.pick(firms) : r.pick(above);
    const category = r.weighted(CATEGORY_MIX);
    // Demands are local; a third of the offers come from the neighbouring counties.
    const place = side === 'demand' || r.chance(0.67) ? PLACES[0] : r.pick(PLACES.slice(1));
    const from = addDays(endDay, -r.int(0, plan.days - 1));
    const p: Post = {
      _id: id(),
      enterpriseId: firm.id,
      side,
      category,
      regionCode: place.regionCode,
      industry: r.weighted(INDUSTRIES),
      point: { lat: place.lat + r.normal(0, 0.03), lng: place.lng + r.normal(0, 0.03) },
      availableUntil: addDays(from, r.int(7, 60)),
      status: r.chance(plan.supplyClosedShare) ? 'closed' : 'open',
      title: `${side === 'demand' ? '求购' : ''}${TITLES[category]}`,
    };
    made.push(p);
    const createdAt = new Date(chinaDayStart(from).getTime() + r.int(8, 18) * HOUR);
    await posts.add({
      _id: p._id,
      enterpriseId: p.enterpriseId,
      enterpriseName: firm.name,
      industry: p.industry,
      side,
      category,
      title: p.title,
      quantity: r.int(1, 500) * 10,
      unit: category === 'logistics' ? '车次' : category === 'orders' ? '单' : '件',
      regionCode: p.regionCode,
      point: { type: 'Point', coordinates: [p.point.lng, p.point.lat] },
      availableFrom: from,
      availableUntil: p.availableUntil,
      contact: { name: personName(r), phoneEnc },
      status: p.status,
      createdBy: firm.id,
      createdAt,
      closedAt: p.status === 'closed' ? new Date(createdAt.getTime() + 48 * HOUR) : null,
      closedBy: null,
    });
  }
  await posts.flush();
  const matches = await matchesFor(stage, id, made);
  return { posts: posts.inserted, matches };
}

async function matchesFor(stage: CityStage, id: () => Types.ObjectId, made: Post[]): Promise<number> {
  const { plan, r, endDay, progress } = stage;
  const offers = new Map<string, Post[]>();
  for (const p of made.filter((x) => x.side === 'supply'))
    offers.set(p.category, [...(offers.get(p.category) ?? []), p]);
  const demands = made.filter((p) => p.side === 'demand');
  const ins = new BulkInserter(
    matchModel(stage.conn) as never,
    '供需对接',
    Math.round(demands.length * plan.supplyMatchedShare),
    progress,
  );
  const paired = new Set<string>();
  for (const d of demands) {
    const pool = offers.get(d.category) ?? [];
    if (pool.length === 0 || !r.chance(plan.supplyMatchedShare)) continue;
    const s = r.pick(pool);
    if (s.enterpriseId.equals(d.enterpriseId) || paired.has(`${s._id}:${d._id}`)) continue;
    paired.add(`${s._id}:${d._id}`);
    const closed = [s, d].find((p) => p.status === 'closed');
    const confirmed = !closed && r.chance(plan.supplyConfirmedShare);
    const proposedAt = new Date(
      chinaDayStart(addDays(endDay, -r.int(0, plan.days - 1))).getTime() + 10 * HOUR,
    );
    await ins.add({
      _id: id(),
      supplyPostId: s._id,
      demandPostId: d._id,
      supplyEnterpriseId: s.enterpriseId,
      demandEnterpriseId: d.enterpriseId,
      category: d.category,
      status: closed ? 'ended' : confirmed ? 'confirmed' : 'proposed',
      proposedBy: 'demand',
      proposedAt,
      confirmedAt: confirmed ? new Date(proposedAt.getTime() + 20 * HOUR) : null,
      confirmedBy: null,
      distanceKm: distanceKm(s.point, d.point),
      regionCodes: [...new Set([s.regionCode, d.regionCode])],
      industries: [...new Set([s.industry, d.industry])],
      untilDay: s.availableUntil < d.availableUntil ? s.availableUntil : d.availableUntil,
      endedAt: closed ? new Date(proposedAt.getTime() + 30 * HOUR) : null,
      endedReason: closed ? closedPostReason(closed.side, closed.title) : null,
    });
  }
  await ins.flush();
  return ins.inserted;
}
