import pino from 'pino';
import { seedDemo } from '../../dev/seed-demo';
import { startTestApp, signInByPhone, type TestApp } from '../../test-support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 60_000);
afterAll(() => t.close());

const session = async (phone: string) => {
  t.clock.advance(61_000);
  const s = await signInByPhone(t, phone);
  return { Authorization: `Bearer ${s.token}` };
};

describe('key-project demo data', () => {
  it('when the demo is seeded twice, then the liaison sees two projects once, one late node, and 人社局 has its 会办 task', async () => {
    t.clock.set(new Date());
    await seedDemo(t.container, pino({ level: 'silent' }));
    await seedDemo(t.container, pino({ level: 'silent' }));
    const liaison = await session('13800000002');
    const projects = (await t.http.get('/api/key-projects').set(liaison)).body.items as {
      name: string;
      lateMilestones: number;
      resumed: boolean;
    }[];
    expect(projects.map((p) => p.name).sort()).toEqual([
      '光电产业园二期厂房及配套工程',
      '精密光学镜头模组外资扩产项目',
    ]);
    expect(projects.find((p) => p.name.startsWith('光电'))).toMatchObject({
      lateMilestones: 1,
      resumed: true,
    });
    const officer = await session('13800000004');
    const tasks = (await t.http.get('/api/key-projects/action-items').set(officer)).body.items;
    expect(tasks.map((i: { task: string }) => i.task)).toEqual(['建筑工人专场招聘']);
  }, 60_000);
});
