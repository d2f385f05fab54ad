import type { Response } from 'supertest';
import { caller, type Caller } from './support/people';
import type { World } from './support/scope-world';
import type { ScopeFixture, ScopedRequest } from './scope-fixtures';

/** 重点项目 staff: 发改委 registers, steward A serves firm A's projects, another steward serves none. */
async function projectWorld(w: World) {
  const t = w.t;
  const fgw = await caller(t, ['officer'], { departmentId: 'fgw' });
  const gdgs = await caller(t, ['officer'], { departmentId: 'gdgs' });
  const agentA = await caller(t, ['steward']);
  const otherSteward = await caller(t, ['steward']);
  const contact = await caller(t, ['officer'], { departmentId: 'zjj' });
  return { fgw, gdgs, agentA, otherSteward, contact };
}
const worlds = new WeakMap<World, ReturnType<typeof projectWorld>>();
const staffOf = (w: World) => {
  let p = worlds.get(w);
  if (!p) {
    p = projectWorld(w);
    worlds.set(w, p);
  }
  return p;
};

const must = (res: Response, what: string) => {
  if (res.status >= 300) throw new Error(`project world: ${what} ${res.status} ${res.text.slice(0, 200)}`);
  return res.body;
};

/** A fresh project of firm A (so a write fixture never finds its record already moved). */
async function projectOfA(w: World) {
  const s = await staffOf(w);
  const body = {
    name: '安全测试重点项目',
    enterpriseId: w.firmA,
    level: 'city',
    kind: 'construction',
    investmentWan: 1000,
    regionCode: '330281',
    agentId: s.agentA.id,
    contactId: s.contact.id,
    milestones: [{ title: '施工许可', plannedDate: '2026-03-01' }],
  };
  const p = must(await w.t.http.post('/api/key-projects').set(s.fgw.auth).send(body), 'register');
  return { ...s, id: p.id as string, milestoneId: p.milestones[0].id as string };
}

async function needOfA(w: World) {
  const p = await projectOfA(w);
  const n = must(
    await w.t.http
      .post(`/api/key-projects/${p.id}/needs`)
      .set(w.liaisonA.auth)
      .send({ kind: 'resources', description: '用电增容' }),
    'need',
  );
  return { ...p, needId: n.id as string };
}

async function sessionOfA(w: World) {
  const n = await needOfA(w);
  const s = must(
    await w.t.http
      .post('/api/project-sessions')
      .set(n.agentA.auth)
      .send({ needId: n.needId, topic: '用电', departments: ['gdgs', 'zrzyj'] }),
    'convene',
  );
  return { ...n, sessionId: s.id as string };
}

const task = { departmentCode: 'gdgs', task: '临时线路', dueDate: '2026-03-20' };
const req = (who: Caller, method: 'get' | 'post', url: string, body?: unknown): ScopedRequest => ({
  who,
  method,
  url,
  body,
});

/** Key projects: a firm sees its own, staff the ones they serve, a department its own tasks. */
export const PROJECT_SCOPE_FIXTURES: Record<string, ScopeFixture> = {
  'projects.get': async (w) => {
    const p = await projectOfA(w);
    return {
      inScope: req(w.liaisonA, 'get', `/api/key-projects/${p.id}`),
      outOfScope: [
        req(w.liaisonB, 'get', `/api/key-projects/${p.id}`),
        req(p.otherSteward, 'get', `/api/key-projects/${p.id}`),
      ],
    };
  },
  'projects.milestones.add': async (w) => {
    const p = await projectOfA(w);
    const body = { title: '封顶', plannedDate: '2026-05-01' };
    return {
      inScope: req(p.agentA, 'post', `/api/key-projects/${p.id}/milestones`, body),
      outOfScope: [req(p.otherSteward, 'post', `/api/key-projects/${p.id}/milestones`, body)],
    };
  },
  'projects.milestones.done': async (w) => {
    const p = await projectOfA(w);
    const url = `/api/key-projects/${p.id}/milestones/${p.milestoneId}/done`;
    const body = { doneDate: '2026-03-01' };
    return { inScope: req(w.liaisonA, 'post', url, body), outOfScope: [req(w.liaisonB, 'post', url, body)] };
  },
  'projects.reports.create': async (w) => {
    const p = await projectOfA(w);
    const url = `/api/key-projects/${p.id}/reports`;
    const body = { done: '主体施工', next: '封顶', resumed: true, workersOnSite: 10 };
    return { inScope: req(w.liaisonA, 'post', url, body), outOfScope: [req(w.liaisonB, 'post', url, body)] };
  },
  'projects.reports.list': async (w) => {
    const p = await projectOfA(w);
    const url = `/api/key-projects/${p.id}/reports`;
    return { inScope: req(w.liaisonA, 'get', url), outOfScope: [req(w.liaisonB, 'get', url)] };
  },
  'projects.needs.create': async (w) => {
    const p = await projectOfA(w);
    const url = `/api/key-projects/${p.id}/needs`;
    const body = { kind: 'labour', description: '缺钢筋工 20 人' };
    return { inScope: req(w.liaisonA, 'post', url, body), outOfScope: [req(w.liaisonB, 'post', url, body)] };
  },
  'projects.needs.list': async (w) => {
    const p = await projectOfA(w);
    const url = `/api/key-projects/${p.id}/needs`;
    return { inScope: req(w.liaisonA, 'get', url), outOfScope: [req(w.liaisonB, 'get', url)] };
  },
  'projects.needs.dispatch': async (w) => {
    const n = await needOfA(w);
    const url = `/api/project-needs/${n.needId}/dispatch`;
    const body = { departmentCode: 'rsj' };
    return {
      inScope: req(n.agentA, 'post', url, body),
      outOfScope: [req(n.otherSteward, 'post', url, body)],
    };
  },
  'projects.sessions.create': async (w) => {
    const n = await needOfA(w);
    const body = { needId: n.needId, topic: '用电', departments: ['gdgs', 'zrzyj'] };
    return {
      inScope: req(n.agentA, 'post', '/api/project-sessions', body),
      outOfScope: [req(n.otherSteward, 'post', '/api/project-sessions', body)],
    };
  },
  'projects.sessions.get': async (w) => {
    const s = await sessionOfA(w);
    const url = `/api/project-sessions/${s.sessionId}`;
    return {
      inScope: req(s.gdgs, 'get', url),
      outOfScope: [req(w.rsj, 'get', url), req(s.otherSteward, 'get', url)],
    };
  },
  'projects.sessions.decide': async (w) => {
    const s = await sessionOfA(w);
    const url = `/api/project-sessions/${s.sessionId}/decisions`;
    const body = { text: '供电先行', actionItems: [task] };
    return {
      inScope: req(s.agentA, 'post', url, body),
      outOfScope: [req(s.otherSteward, 'post', url, body)],
    };
  },
  'projects.actions.close': async (w) => {
    const s = await sessionOfA(w);
    const d = must(
      await w.t.http
        .post(`/api/project-sessions/${s.sessionId}/decisions`)
        .set(s.agentA.auth)
        .send({ text: '供电先行', actionItems: [task] }),
      'decide',
    );
    const url = `/api/project-actions/${d.actionItems[0].id}/close`;
    const body = { note: '已架设' };
    return { inScope: req(s.gdgs, 'post', url, body), outOfScope: [req(w.rsj, 'post', url, body)] };
  },
};
