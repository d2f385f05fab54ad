import type { Types } from 'mongoose';
import { addDays, chinaDayStart, reportWeekOf } from '@fugong/domain';
import { projectModel } from '../../modules/key-projects/project.model';
import { BulkInserter } from './bulk';
import { TOWNS } from './city-plan';
import type { CityStage } from './city-stage';
import { idFactory } from './random';

const NODES = ['前期报批', '施工许可', '基础工程', '主体结构封顶', '设备安装调试', '竣工验收'];
const WHAT = ['光电产业园', '智能家电产线', '新材料基地', '模具城二期', '汽配产业园', '物流仓储中心'];

/** Staff who serve as 代办负责人 and 联络员: the generated stewards (seed 000 §三(五): one of each per project). */
async function servingStaff(stage: CityStage, n: number) {
  const docs = await stage.models.users
    .find({ roles: 'steward' }, { _id: 1, name: 1 })
    .limit(n)
    .lean<{ _id: Types.ObjectId; name: string | null }[]>();
  return docs.map((d) => ({ id: d._id, name: d.name ?? '复工管家' }));
}

/**
 * 重点项目 owned by 规上 firms, each with a 序时进度表 and its last 周报's state. Resumed at seed
 * 003's rates (省市重点工程 58%, 在建工程 overall 64.3%: the 县 level here); nodes due before today
 * are mostly done, the rest late, so the figures' late-node count is not empty.
 */
export async function generateProjects(stage: CityStage): Promise<number> {
  const { plan, r, seed, firms, endDay, progress } = stage;
  const owners = firms.filter((f) => f.size === 'above');
  const staff = await servingStaff(stage, 200);
  if (owners.length === 0 || staff.length === 0) return 0;
  const id = idFactory(seed, 20);
  const ins = new BulkInserter(projectModel(stage.conn) as never, '重点项目', plan.projects, progress);
  const week = reportWeekOf(chinaDayStart(endDay));
  for (let n = 0; n < plan.projects; n += 1) {
    const owner = r.pick(owners);
    const level = r.weighted(plan.projectLevels);
    const resumed = r.chance(level === 'county' ? plan.projectResumed.county : plan.projectResumed.key);
    const start = addDays(endDay, -r.int(20, 60));
    const nodes = r.int(3, NODES.length);
    const milestones = NODES.slice(0, nodes).map((title, i) => {
      const plannedDate = addDays(start, i * r.int(10, 25));
      // A node already due is mostly done (the rest are the late ones the figures count).
      const done = plannedDate < endDay && r.chance(resumed ? 0.85 : 0.6);
      return { _id: id(), title, plannedDate, doneDate: done ? addDays(plannedDate, r.int(-3, 2)) : null };
    });
    const agent = r.pick(staff);
    const contact = r.pick(staff);
    await ins.add({
      _id: id(),
      name: `余姚${r.pick(TOWNS).replace(/街道|镇|乡/, '')}${r.pick(WHAT)}（${n + 1}）`,
      enterpriseId: owner.id,
      enterpriseName: owner.name,
      level,
      kind: r.weighted(plan.projectKinds),
      investmentWan: Math.round(r.int(3_000, level === 'province' ? 300_000 : 80_000) / 100) * 100,
      regionCode: '330281',
      agent: { id: agent.id, name: agent.name },
      contact: { id: contact.id, name: contact.name },
      milestones,
      resumed,
      workersOnSite: resumed ? r.int(20, 400) : 0,
      lastReportWeek: r.chance(0.8) ? week : addDays(week, -7),
      createdBy: agent.id,
      createdAt: new Date(chinaDayStart(start).getTime() + 9 * 3_600_000),
    });
  }
  await ins.flush();
  return ins.inserted;
}
