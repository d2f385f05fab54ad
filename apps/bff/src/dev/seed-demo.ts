import type { Logger } from 'pino';
import type { Role } from '@fugong/contracts';
import type { Container } from '../container';
import { enterpriseDemoSection } from './demo/enterprises';
import { workerJourneyDemoSection } from './demo/worker-journey';
import { dashboardDemoSection } from './demo/dashboard';
import { freightDemoSection } from './demo/freight';
import { keyProjectsDemoSection } from './demo/key-projects';

/** The demo accounts printed by `npm start` and listed in README.md. */
export const DEMO_ACCOUNTS: { phone: string; name: string; roles: Role[]; label: string }[] = [
  { phone: '13800000001', name: '张建国', roles: ['worker'], label: '务工人员' },
  { phone: '13800000002', name: '李春梅', roles: ['liaison'], label: '企业联络员' },
  { phone: '13800000003', name: '王立新', roles: ['steward'], label: '复工管家' },
  { phone: '13800000004', name: '赵红', roles: ['officer'], label: '部门办理人（人社局）' },
  { phone: '13800000005', name: '陈海波', roles: ['transport'], label: '交通专班' },
  { phone: '13800000006', name: '周敏', roles: ['admin'], label: '指挥部' },
  { phone: '13800000007', name: '孙卫东', roles: ['checkpoint'], label: '卡口核验员' },
  { phone: '13800000008', name: '吴晓丽', roles: ['hotline_operator'], label: '热线话务员' },
];

export interface DemoContext {
  container: Container;
  logger: Logger;
  /** Ids of the demo users by phone, for sections that need them. */
  userIds: Map<string, string>;
}

/**
 * Fills an empty database with a small, believable data set so a person can try every role
 * right after `npm start`. Every write is an upsert keyed on a natural key, so running it on
 * every boot never duplicates anything. Feature modules add their section below.
 */
export async function seedDemo(container: Container, logger: Logger): Promise<void> {
  const userIds = new Map<string, string>();
  for (const a of DEMO_ACCOUNTS) {
    const user = await container.repos.users.upsertStaffByPhone({
      phoneHash: container.pii.lookupHash(a.phone),
      phoneEnc: container.pii.encrypt(a.phone),
      name: a.name,
      roles: a.roles,
      departmentId: a.roles.includes('officer') ? 'rsj' : null,
    });
    userIds.set(a.phone, user.id);
  }
  const ctx: DemoContext = { container, logger, userIds };
  for (const section of DEMO_SECTIONS) await section(ctx);
  logger.info({ users: userIds.size, sections: DEMO_SECTIONS.length }, 'demo.seeded');
}

/**
 * Each feature's demo data, run in order after the accounts exist. Enterprises come before
 * trips and issues because those refer to them.
 */
const DEMO_SECTIONS: ((ctx: DemoContext) => Promise<void>)[] = [
  enterpriseDemoSection,
  workerJourneyDemoSection,
  dashboardDemoSection,
  freightDemoSection,
  keyProjectsDemoSection,
];
