import { chinaDay } from '@fugong/domain';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { signInAs } from '../../modules/enterprises/testing/fixtures';
import { planFor } from './city-plan';
import { generateFirms, type FirmFacts } from './generate-firms';
import { generateFreight } from './generate-freight';
import { generateProjects } from './generate-projects';
import { generateSupply } from './generate-supply';
import { Rng } from './random';
import { storedModels } from './stored-models';

let t: TestApp;
let firms: FirmFacts[];
const plan = planFor('small');
const quiet = () => undefined;
const made = { projects: 0, posts: 0, matches: 0, passes: 0, checks: 0 };

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(new Date('2026-03-01T12:00:00+08:00'));
  const endDay = chinaDay(t.clock.now());
  const r = new Rng(7);
  const models = storedModels(t.connection);
  firms = await generateFirms(models, plan, r, 7, endDay, quiet);
  const stage = {
    c: t.container,
    conn: t.connection,
    models,
    plan,
    r,
    seed: 7,
    firms,
    endDay,
    progress: quiet,
  };
  made.projects = await generateProjects(stage);
  Object.assign(made, await generateSupply(stage));
  Object.assign(made, await generateFreight(stage));
}, 120_000);
afterAll(() => t.close());

describe('the demo city’s key projects, 供需 and freight passes', () => {
  it('when the city is generated, then it holds the plan’s numbers of projects, posts and passes, and matches among them', () => {
    expect(made.projects).toBe(plan.projects);
    expect(made.posts).toBe(plan.supplyDemands + plan.supplyOffers);
    expect(made.passes).toBe(plan.freightPasses);
    expect(made.matches).toBeGreaterThan(0);
    expect(made.matches).toBeLessThanOrEqual(plan.supplyDemands);
    expect(made.checks).toBeGreaterThan(0);
  });

  it('when the command reads the key-project figures, then every generated project counts and about two in three have resumed', async () => {
    const admin = await signInAs(t, ['admin']);
    const res = await t.http.get('/api/key-projects/figures').set(admin.auth);
    expect(res.status).toBe(200);
    expect(res.body.projects).toBe(plan.projects);
    expect(res.body.resumed).toBeGreaterThan(plan.projects * 0.35);
    expect(res.body.resumed).toBeLessThan(plan.projects * 0.95);
  });

  it('when 工信局 browses, then the generated posts and matches read through the API, and every ended match names the closed post', async () => {
    const gxj = await signInAs(t, ['officer'], { departmentId: 'gxj' });
    const posts = await t.http.get('/api/supply-chain/posts').query({ pageSize: 100 }).set(gxj.auth);
    expect(posts.status).toBe(200);
    expect(posts.body.total).toBe(made.posts);
    const matches = await t.http.get('/api/supply-chain/matches').query({ pageSize: 100 }).set(gxj.auth);
    expect(matches.status).toBe(200);
    expect(matches.body.items).toHaveLength(made.matches);
    for (const m of matches.body.items) {
      expect(m.supply.category).toBe(m.demand.category);
      expect(m.supply.enterpriseId).not.toBe(m.demand.enterpriseId);
      const closed = m.supply.status === 'closed' || m.demand.status === 'closed';
      expect(m.status === 'ended').toBe(closed);
      if (closed) expect(m.endedReason).toMatch(/方已关闭「.+」，不再需要对接$/);
    }
  });

  it('when the command reads the freight figures, then the passes issued and the 卡口 checks are counted', async () => {
    const admin = await signInAs(t, ['admin']);
    const res = await t.http.get('/api/freight-passes/figures').set(admin.auth);
    expect(res.status).toBe(200);
    const sum = (rows: { count: number }[]) => rows.reduce((n, x) => n + x.count, 0);
    expect(sum(res.body.byStatus)).toBe(plan.freightPasses);
    expect(sum(res.body.checks)).toBe(made.checks);
    expect(sum(res.body.issued)).toBeGreaterThan(plan.freightPasses * 0.8);
  });
});
