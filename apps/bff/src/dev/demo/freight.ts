import { FREIGHT_COMMITMENT } from '@fugong/contracts';
import type { Actor } from '../../auth/actor';
import type { Container } from '../../container';

/** What the demo section needs from seed-demo's context (structural, to avoid an import cycle). */
interface DemoCtx {
  container: Container;
  userIds: Map<string, string>;
}

const HOUR = 3_600_000;
const route = {
  originRegionCode: '330281',
  originText: '余姚市阳明街道光电路 8 号',
  destinationRegionCode: '310115',
  destinationText: '上海市浦东新区外高桥',
};

/**
 * Three freight passes of the demo liaison's firm (13800000002, a 规上 firm): 防疫物资 approved at
 * once under 告知承诺 and driven by the demo worker 13800000001 (so their phone shows its QR), 零部件
 * waiting for the transport officer 13800000005, and one revoked. The checkpoint 13800000007 scans.
 * Written once: a firm that already has passes is left alone.
 */
export async function freightDemoSection(ctx: DemoCtx): Promise<void> {
  const { container } = ctx;
  const liaisonId = ctx.userIds.get('13800000002');
  const transportId = ctx.userIds.get('13800000005');
  if (!liaisonId || !transportId) return;
  const enterpriseId = (await container.repos.users.findById(liaisonId))?.enterpriseId ?? null;
  if (!enterpriseId) return;
  const { passes } = container.freight.services;
  if ((await container.freight.repos.passes.list(enterpriseId)).length > 0) return;
  const liaison: Actor = { id: liaisonId, roles: ['liaison'], enterpriseId, departmentId: null };
  const transport: Actor = { id: transportId, roles: ['transport'], enterpriseId: null, departmentId: null };
  const now = Date.now();
  const base = {
    vehicleType: 'heavy_truck' as const,
    cargoNote: '',
    route,
    validFrom: new Date(now).toISOString(),
    validUntil: new Date(now + 7 * 24 * HOUR).toISOString(),
    commitment: { accepted: true as const, version: FREIGHT_COMMITMENT.version },
  };
  await passes.apply(liaison, {
    ...base,
    plate: '浙B12345D',
    cargo: 'epidemic_supplies',
    cargoNote: '医用口罩 20 万只',
    driver: { name: '张建国', phone: '13800000001', idNumber: '11010519491231002X' },
  });
  await passes.apply(liaison, {
    ...base,
    plate: '浙BA2380',
    vehicleType: 'van',
    cargo: 'components',
    cargoNote: '光学镜头模组',
    driver: { name: '刘师傅', phone: '13900000021', idNumber: '330281198803150013' },
  });
  const revoked = await passes.apply(liaison, {
    ...base,
    plate: '浙B6688挂',
    cargo: 'daily_necessities',
    driver: { name: '钱师傅', phone: '13900000022', idNumber: '33028119790520003X' },
  });
  await passes.revoke(transport, revoked.id, '车辆未按申报路线行驶');
}
