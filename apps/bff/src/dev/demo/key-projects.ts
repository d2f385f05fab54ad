import { addDays, chinaDay } from '@fugong/domain';
import type { Actor } from '../../auth/actor';
import type { Container } from '../../container';

/** What the demo section needs from seed-demo's context (structural, to avoid an import cycle). */
interface DemoCtx {
  container: Container;
  userIds: Map<string, string>;
}

const staff = (id: string, roles: Actor['roles'], departmentId: string | null = null): Actor => ({
  id,
  roles,
  enterpriseId: null,
  departmentId,
});

/**
 * Two key projects of the demo liaison's firm (13800000002): a 市重点 在建工程 whose 代办负责人 is the demo
 * steward 13800000003 and whose 联络员 is the officer 13800000004 (人社局), with a late node, a 周报, an open
 * need and a 马上会办 session whose 人社局 task waits for that officer; and a 省重点 外资 project not yet
 * resumed. The command 13800000006 sees the figures. Written once: a firm with projects is left alone.
 */
export async function keyProjectsDemoSection(ctx: DemoCtx): Promise<void> {
  const { container } = ctx;
  const [liaisonId, stewardId, officerId, adminId] = [
    '13800000002',
    '13800000003',
    '13800000004',
    '13800000006',
  ].map((p) => ctx.userIds.get(p));
  if (!liaisonId || !stewardId || !officerId || !adminId) return;
  const enterpriseId = (await container.repos.users.findById(liaisonId))?.enterpriseId ?? null;
  if (!enterpriseId) return;
  const k = container.keyProjects;
  if ((await k.repos.projects.list({ scope: { enterpriseId, staffId: liaisonId } })).length > 0) return;
  const admin = staff(adminId, ['admin']);
  const today = chinaDay(new Date());
  const built = await k.services.projects.create(admin, {
    name: '光电产业园二期厂房及配套工程',
    enterpriseId,
    level: 'city',
    kind: 'construction',
    investmentWan: 86_000,
    regionCode: '330281',
    agentId: stewardId,
    contactId: officerId,
    milestones: [
      { title: '施工许可', plannedDate: addDays(today, -20) },
      { title: '主体结构封顶', plannedDate: addDays(today, -7) },
      { title: '设备安装调试', plannedDate: addDays(today, 30) },
    ],
  });
  await k.services.projects.completeMilestone(admin, built.id, built.milestones[0].id, addDays(today, -21));
  const liaison: Actor = { id: liaisonId, roles: ['liaison'], enterpriseId, departmentId: null };
  await k.services.projects.report(liaison, built.id, {
    done: '1#、2# 厂房主体施工，复工 320 人',
    next: '3# 厂房封顶，钢结构进场',
    resumed: true,
    workersOnSite: 320,
  });
  await k.services.needs.raise(liaison, built.id, {
    kind: 'labour',
    description: '钢筋工、架子工缺口 60 人',
  });
  const need = await k.services.needs.raise(liaison, built.id, {
    kind: 'resources',
    description: '二期临时用电增容 2000 千伏安，配套用地指标待落实',
  });
  const steward = staff(stewardId, ['steward']);
  const session = await k.services.needs.convene(steward, {
    needId: need.id,
    topic: '二期用电增容与用地指标',
    departments: ['gdgs', 'zrzyj', 'rsj'],
  });
  await k.services.needs.decide(steward, session.id, {
    text: '供电公司先行架设临时线路；自然资源和规划局调剂用地指标；人社局组织专场招聘',
    actionItems: [
      { departmentCode: 'gdgs', task: '临时用电线路架设', dueDate: addDays(today, 5) },
      { departmentCode: 'zrzyj', task: '用地指标调剂方案', dueDate: addDays(today, 10) },
      { departmentCode: 'rsj', task: '建筑工人专场招聘', dueDate: addDays(today, 3) },
    ],
  });
  await k.services.projects.create(admin, {
    name: '精密光学镜头模组外资扩产项目',
    enterpriseId,
    level: 'province',
    kind: 'foreign',
    investmentWan: 150_000,
    regionCode: '330281',
    agentId: stewardId,
    contactId: officerId,
    milestones: [{ title: '外资项目备案', plannedDate: addDays(today, 14) }],
  });
}
