import { creditCodeCheckChar } from '@fugong/contracts';
import type { Actor } from '../../auth/actor';
import type { Container } from '../../container';

/** What the demo section needs from seed-demo's context (kept structural to avoid an import cycle). */
interface DemoCtx {
  container: Container;
  userIds: Map<string, string>;
}

const code = (org: string) => `91330281${org}` + creditCodeCheckChar(`91330281${org}`);

/** Four Yuyao (330281) firms, two 规上 and two 规下, the first one the demo liaison's. */
export const DEMO_ENTERPRISES = [
  {
    name: '余姚市明州光电科技有限公司',
    creditCode: code('MA2D00001'),
    industry: '光学仪器',
    size: 'above' as const,
    regionCode: '330281',
    address: '余姚市阳明街道光电路 8 号',
    headcount: 1200,
  },
  {
    name: '余姚市阳明精密机械有限公司',
    creditCode: code('MA2D00002'),
    industry: '通用设备',
    size: 'above' as const,
    regionCode: '330281',
    address: '余姚市经济开发区城东路 66 号',
    headcount: 460,
  },
  {
    name: '余姚市兰江模塑厂',
    creditCode: code('MA2D00003'),
    industry: '塑料制品',
    size: 'below' as const,
    regionCode: '330281',
    address: '余姚市兰江街道工业区',
    headcount: 45,
  },
  {
    name: '余姚市凤山小家电有限公司',
    creditCode: code('MA2D00004'),
    industry: '家用电器',
    size: 'below' as const,
    regionCode: '330281',
    address: '余姚市凤山街道',
    headcount: 60,
  },
];

/**
 * The enterprises' demo data: the firms, the liaison 13800000002 bound to the first, the steward
 * 13800000003 serving the first three, and (once) two issues so the steward's and the 人社局
 * officer's (13800000004) queues are not empty. Safe to run on every boot.
 */
export async function enterpriseDemoSection(ctx: DemoCtx): Promise<void> {
  const c = ctx.container;
  const repos = {
    enterprises: c.enterprises.repos.enterprises,
    staff: c.enterprises.repos.staff,
    assignments: c.stewards.repos.assignments,
    issues: c.issues.repos.issues,
  };
  const services = { issues: c.issues.services.issues };
  await repos.enterprises.bulkUpsert(DEMO_ENTERPRISES);
  const firms = await Promise.all(
    DEMO_ENTERPRISES.map((e) => repos.enterprises.findByCreditCode(e.creditCode)),
  );
  const ids = firms.map((f) => f!.id);
  const liaisonId = ctx.userIds.get('13800000002');
  const stewardId = ctx.userIds.get('13800000003');
  const adminId = ctx.userIds.get('13800000006');
  if (!liaisonId || !stewardId || !adminId) return;
  await repos.staff.bindLiaison(liaisonId, ids[0]);
  const now = new Date();
  for (const id of ids.slice(0, 3)) await repos.assignments.reassign(id, stewardId, adminId, now);
  if (
    (
      await repos.issues.listForEnterprises(
        [ids[0]],
        ['submitted', 'accepted', 'dispatched', 'answered', 'reopened', 'confirmed'],
      )
    ).length > 0
  )
    return;
  const liaison: Actor = { id: liaisonId, roles: ['liaison'], enterpriseId: ids[0], departmentId: null };
  const steward: Actor = { id: stewardId, roles: ['steward'], enterpriseId: null, departmentId: null };
  const labour = await services.issues.create(liaison, {
    enterpriseId: ids[0],
    category: 'labour',
    urgency: 'urgent',
    description: '贵州籍员工 60 人无法返岗，产线缺工，请求协调点对点包车',
    attachmentIds: [],
  });
  await services.issues.act(steward, labour.id, 'accept', { note: '已与企业核实缺工人数' });
  await services.issues.act(steward, labour.id, 'dispatch', {
    departmentCode: 'rsj',
    note: '请人社局对接老乡招工团',
  });
  await services.issues.create(liaison, {
    enterpriseId: ids[0],
    category: 'epidemic_supplies',
    urgency: 'normal',
    description: '口罩和测温枪库存只够一周，需协调采购渠道',
    attachmentIds: [],
  });
}
