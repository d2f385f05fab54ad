import type { Types } from 'mongoose';
import { FREIGHT_COMMITMENT, type CargoCategory, type VehicleType } from '@fugong/contracts';
import { addDays, approvalPathFor, chinaDayStart } from '@fugong/domain';
import { freightCheckModel } from '../../modules/freight-passes/freight-check.model';
import { freightPassModel } from '../../modules/freight-passes/freight-pass.model';
import { BulkInserter } from './bulk';
import { personName, TOWNS, type CityPlan } from './city-plan';
import type { CityStage } from './city-stage';
import { idFactory, type Rng } from './random';

/** Seed 004 §5's 原材辅料、零部件、产成品 carried most; seed 000's 绿色通道 cargo the rest. */
const CARGO_MIX: readonly (readonly [CargoCategory, number])[] = [
  ['raw_materials', 28],
  ['components', 24],
  ['finished_goods', 22],
  ['key_production', 10],
  ['daily_necessities', 8],
  ['epidemic_supplies', 8],
];
const VEHICLES: readonly (readonly [VehicleType, number])[] = [
  ['heavy_truck', 35],
  ['medium_truck', 30],
  ['light_truck', 25],
  ['van', 10],
];
/** Where Yuyao's lorries go: Ningbo port, Shanghai, Hangzhou, Shaoxing. */
const DESTINATIONS = [
  { destinationRegionCode: '330206', destinationText: '宁波市北仑区北仑港' },
  { destinationRegionCode: '310115', destinationText: '上海市浦东新区外高桥' },
  { destinationRegionCode: '330110', destinationText: '杭州市余杭区仓前物流园' },
  { destinationRegionCode: '330602', destinationText: '绍兴市越城区袍江工业区' },
];
/** The 卡口 on the expressway exits round Yuyao. */
const CHECKPOINTS = [
  { code: 'G92-YY01', name: '杭州湾环线高速余姚收费站' },
  { code: 'G92-YY02', name: '杭州湾环线高速余姚西收费站' },
  { code: 'G92-YY03', name: '杭州湾环线高速牟山收费站' },
  { code: 'S319-YY01', name: '省道 319 泗门卡口' },
];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * 货车通行证 and their 卡口 checks: routes out of Yuyao, approved at once under 告知承诺 where the
 * domain's approvalPathFor says so (seed 000 §二(三), seed 004 §5), the others mostly approved by a
 * transport officer within the window, a few refused, waiting or revoked. Drivers' phones and ID
 * numbers are encrypted as the module stores them.
 */
export async function generateFreight(stage: CityStage): Promise<{ passes: number; checks: number }> {
  const { c, plan, r, seed, firms, endDay, progress } = stage;
  const reopened = firms.filter((f) => f.reopenDay !== null);
  if (reopened.length === 0) return { passes: 0, checks: 0 };
  const conn = stage.conn;
  const id = idFactory(seed, 22);
  const officer = id();
  const checker = id();
  const passes = new BulkInserter(
    freightPassModel(conn) as never,
    '货车通行证',
    plan.freightPasses,
    progress,
  );
  const checks = new BulkInserter(
    freightCheckModel(conn) as never,
    '卡口核验',
    plan.freightPasses * plan.checksPerPass,
    progress,
  );
  const end = chinaDayStart(addDays(endDay, 1)).getTime();
  const above = reopened.filter((f) => f.size === 'above');
  const below = reopened.filter((f) => f.size === 'below');
  for (let n = 0; n < plan.freightPasses; n += 1) {
    const bigFirm = below.length === 0 || (above.length > 0 && n < plan.freightPassesAbove);
    const firm = r.pick(bigFirm ? above : below);
    const cargo = r.weighted(CARGO_MIX);
    const path = approvalPathFor(cargo, firm.size);
    const appliedAt = new Date(end - r.int(1, plan.days * 24) * HOUR);
    const waiting = path === 'review' && end - appliedAt.getTime() < DAY && r.chance(0.5);
    const refused = path === 'review' && !waiting && r.chance(0.05);
    const revoked = !waiting && !refused && r.chance(0.03);
    const status = waiting ? 'pending' : refused ? 'refused' : revoked ? 'revoked' : 'approved';
    const decidedAt = path === 'commitment' ? appliedAt : new Date(appliedAt.getTime() + r.int(1, 20) * HOUR);
    const phone = `139${String(seed % 100).padStart(2, '0')}${String(n).padStart(6, '0')}`;
    const plate = `浙B${String(10000 + ((n * 7919) % 90000))}`;
    const passId = id();
    await passes.add({
      _id: passId,
      enterpriseId: firm.id,
      enterpriseName: firm.name,
      appliedBy: firm.id,
      plate,
      vehicleType: r.weighted(VEHICLES),
      driver: {
        name: personName(r),
        phoneEnc: c.pii.encrypt(phone),
        phoneHash: c.pii.lookupHash(phone),
        idNumberEnc: c.pii.encrypt(
          `33028119${r.int(70, 99)}0${r.int(1, 9)}1${r.int(0, 9)}${r.int(1000, 9999)}`,
        ),
      },
      cargo,
      cargoNote: '',
      route: {
        originRegionCode: '330281',
        originText: `余姚市${r.pick(TOWNS)}工业区`,
        ...r.pick(DESTINATIONS),
      },
      validFrom: appliedAt,
      validUntil: new Date(appliedAt.getTime() + 7 * DAY),
      approvalPath: path,
      status,
      commitment: { version: FREIGHT_COMMITMENT.version, signedAt: appliedAt },
      appliedAt,
      reviewDueAt: path === 'review' ? new Date(appliedAt.getTime() + DAY) : null,
      decidedAt: waiting ? null : decidedAt,
      decidedBy: waiting || path === 'commitment' ? null : officer,
      decisionNote: refused ? '货物类别与申报不符' : '',
      revokedAt: revoked ? new Date(decidedAt.getTime() + 2 * DAY) : null,
      revokedBy: revoked ? officer : null,
      revokeReason: revoked ? '车辆未按申报路线通行' : '',
    });
    if (status === 'approved' || status === 'revoked')
      await checksOf(checks, r, plan, {
        id,
        passId,
        plate,
        cargo,
        checker,
        from: decidedAt.getTime(),
        end,
        revoked,
      });
  }
  await passes.flush();
  await checks.flush();
  return { passes: passes.inserted, checks: checks.inserted };
}

/** A pass's scans at the 卡口 between its approval and the end of the window (the last refused if revoked). */
async function checksOf(
  ins: BulkInserter,
  r: Rng,
  plan: CityPlan,
  p: {
    id: () => Types.ObjectId;
    passId: Types.ObjectId;
    plate: string;
    cargo: CargoCategory;
    checker: Types.ObjectId;
    from: number;
    end: number;
    revoked: boolean;
  },
) {
  const n = r.int(0, plan.checksPerPass * 2);
  for (let i = 0; i < n; i += 1) {
    const at = new Date(p.from + r.next() * Math.max(HOUR, Math.min(7 * DAY, p.end - p.from)));
    const cp = r.pick(CHECKPOINTS);
    await ins.add({
      _id: p.id(),
      passId: p.passId,
      plate: p.plate,
      cargo: p.cargo,
      checkpointCode: cp.code,
      checkpointName: cp.name,
      checkerId: p.checker,
      at,
      result: p.revoked && i === n - 1 ? 'revoked' : 'valid',
    });
  }
}
