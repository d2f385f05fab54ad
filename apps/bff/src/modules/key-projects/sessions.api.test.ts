import { Types } from 'mongoose';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import {
  as,
  countOf,
  officerOf,
  projectBody,
  projectCast,
  raised,
  registered,
  type Person,
} from './testing/fixtures';

let t: TestApp;
let fgw: Person;
let steward: Person;
let contact: Person;
let liaison: Person;
let gdgs: Person;
let gdgs2: Person;
let zrzyj: Person;
let rsj: Person;
let admin: Person;
let projectId: string;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(new Date('2026-03-10T10:00:00+08:00')); // Tuesday
  const cast = await projectCast(t);
  ({ fgw, steward, contact, liaison } = cast);
  gdgs = await officerOf(t, 'gdgs');
  gdgs2 = await officerOf(t, 'gdgs');
  zrzyj = await officerOf(t, 'zrzyj');
  rsj = await officerOf(t, 'rsj');
  admin = await as(t, ['admin']);
  projectId = (await registered(t, fgw, projectBody(cast.firmId, steward.id, contact.id))).id;
}, 90_000);
afterAll(() => t.close());

const convene = (who: Person, needId: string, departments = ['gdgs', 'zrzyj']) =>
  t.http.post('/api/project-sessions').set(who.auth).send({ needId, topic: '用电增容与用地', departments });
const decide = (who: Person, id: string, actionItems: object[]) =>
  t.http
    .post(`/api/project-sessions/${id}/decisions`)
    .set(who.auth)
    .send({ text: '供电先行，用地调剂', actionItems });
const close = (who: Person, id: string) =>
  t.http.post(`/api/project-actions/${id}/close`).set(who.auth).send({ note: '已架设临时线路' });

describe('a need dispatched to one department', () => {
  it('when the 代办负责人 dispatches a need, then an issue is dispatched to that department with its clock, and the officer sees it', async () => {
    const needId = await raised(t, liaison, projectId, 'labour');
    const res = await t.http
      .post(`/api/project-needs/${needId}/dispatch`)
      .set(steward.auth)
      .send({ departmentCode: 'rsj' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'dispatched', issueId: expect.any(String), overdue: false });
    const issue = await t.http.get(`/api/issues/${res.body.issueId}`).set(rsj.auth);
    expect(issue.status).toBe(200);
    expect(issue.body).toMatchObject({ state: 'dispatched', departmentCode: 'rsj', category: 'labour' });
    const again = await t.http
      .post(`/api/project-needs/${needId}/dispatch`)
      .set(steward.auth)
      .send({ departmentCode: 'jtj' });
    expect(again.status).toBe(409);
    expect((await convene(steward, needId)).status).toBe(409);
  });

  it('when the liaison tries to dispatch, then 403 and no issue is made', async () => {
    const needId = await raised(t, liaison, projectId);
    const before = await countOf(t, 'issues');
    const res = await t.http
      .post(`/api/project-needs/${needId}/dispatch`)
      .set(liaison.auth)
      .send({ departmentCode: 'rsj' });
    expect(res.status).toBe(403);
    expect(await countOf(t, 'issues')).toBe(before);
  });

  it('when a need waits past two working days, then it is overdue in the list', async () => {
    const needId = await raised(t, liaison, projectId, 'finance');
    t.clock.advance(3 * 86_400_000); // Friday
    const list = await t.http.get(`/api/key-projects/${projectId}/needs`).set(liaison.auth);
    expect(list.body.items.find((n: { id: string }) => n.id === needId)).toMatchObject({
      status: 'open',
      overdue: true,
    });
    t.clock.advance(-3 * 86_400_000);
  });
});

describe('马上会办', () => {
  it('when only one department, a department outside the members, or a repeated one is named, then 400 and nothing stored', async () => {
    const needId = await raised(t, liaison, projectId);
    const before = await countOf(t, 'key_project_sessions');
    for (const departments of [['gdgs'], ['gdgs', 'wjj'], ['gdgs', 'gdgs']])
      expect((await convene(steward, needId, departments)).status).toBe(400);
    expect(await countOf(t, 'key_project_sessions')).toBe(before);
  });

  it('from need to closed action items: convened, decided, each department closes its own, then the session closes and the need is resolved', async () => {
    const needId = await raised(t, liaison, projectId);
    const s = await convene(steward, needId);
    expect(s.status).toBe(201);
    expect(s.body.departments.map((d: { name: string }) => d.name)).toEqual(['供电公司', '自然资源局']);
    const d = await decide(steward, s.body.id, [
      { departmentCode: 'gdgs', task: '临时用电线路架设', dueDate: '2026-03-13' },
      { departmentCode: 'zrzyj', task: '用地指标调剂', dueDate: '2026-03-20' },
    ]);
    expect(d.status).toBe(200);
    const [power, land] = d.body.actionItems as { id: string; departmentCode: string }[];
    expect(power.departmentCode).toBe('gdgs');

    const queue = await t.http.get('/api/key-projects/action-items').set(gdgs.auth);
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(power.id);
    expect(queue.body.items.map((i: { id: string }) => i.id)).not.toContain(land.id);
    // Another department cannot close it (not its task): 404, and it stays open.
    expect((await close(zrzyj, power.id)).status).toBe(404);

    expect((await close(gdgs, power.id)).status).toBe(200);
    const half = await t.http.get(`/api/project-sessions/${s.body.id}`).set(steward.auth);
    expect(half.body.status).toBe('open');
    expect((await close(zrzyj, land.id)).status).toBe(200);
    const done = await t.http.get(`/api/project-sessions/${s.body.id}`).set(steward.auth);
    expect(done.body).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    const needs = await t.http.get(`/api/key-projects/${projectId}/needs`).set(liaison.auth);
    expect(needs.body.items.find((n: { id: string }) => n.id === needId)).toMatchObject({
      status: 'resolved',
    });
    expect(
      (await decide(steward, s.body.id, [{ departmentCode: 'gdgs', task: '追加', dueDate: '2026-03-20' }]))
        .status,
    ).toBe(409);
  });

  it('when two officers of the department close the same item at once, then one closes it and the other gets 409', async () => {
    const needId = await raised(t, liaison, projectId);
    const s = await convene(steward, needId);
    const d = await decide(steward, s.body.id, [
      { departmentCode: 'gdgs', task: '线路', dueDate: '2026-03-13' },
    ]);
    const id = d.body.actionItems[0].id;
    const answers = await Promise.all([close(gdgs, id), close(gdgs2, id)]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const item = await t.connection
      .db!.collection('key_project_action_items')
      .findOne({ _id: new Types.ObjectId(id) });
    expect(item!.state).toBe('closed');
  });

  it('when a task names a department not convened or a day before today, then 400 and no task is stored', async () => {
    const needId = await raised(t, liaison, projectId);
    const s = await convene(steward, needId);
    const before = await countOf(t, 'key_project_action_items');
    const notConvened = await decide(steward, s.body.id, [
      { departmentCode: 'rsj', task: '招聘', dueDate: '2026-03-13' },
    ]);
    expect(notConvened.status).toBe(400);
    expect(notConvened.body.error.details[0].code).toBe('not_convened');
    const past = await decide(steward, s.body.id, [
      { departmentCode: 'gdgs', task: '线路', dueDate: '2026-03-09' },
    ]);
    expect(past.status).toBe(400);
    expect(await countOf(t, 'key_project_action_items')).toBe(before);
    // A department that was not convened cannot open the session.
    expect((await t.http.get(`/api/project-sessions/${s.body.id}`).set(rsj.auth)).status).toBe(404);
    expect(
      (await decide(gdgs, s.body.id, [{ departmentCode: 'gdgs', task: '线路', dueDate: '2026-03-13' }]))
        .status,
    ).toBe(403);
  });

  it('when an item passes its deadline, then it shows overdue, the sweep escalates it once, and the figures count it', async () => {
    const needId = await raised(t, liaison, projectId);
    const s = await convene(steward, needId);
    const d = await decide(steward, s.body.id, [
      { departmentCode: 'zrzyj', task: '用地', dueDate: '2026-03-11' },
    ]);
    const id = d.body.actionItems[0].id;
    t.clock.advance(3 * 86_400_000); // Friday: the task (due Wednesday) and the open needs are late
    expect(await t.container.keyProjects.services.needs.escalateOverdue()).toBeGreaterThanOrEqual(1);
    expect(await t.container.keyProjects.services.needs.escalateOverdue()).toBe(0);
    const item = (await t.http.get('/api/key-projects/action-items').set(zrzyj.auth)).body.items.find(
      (i: { id: string }) => i.id === id,
    );
    expect(item).toMatchObject({ overdue: true, escalatedAt: expect.any(String), state: 'open' });
    const figures = await t.http.get('/api/key-projects/figures').set(admin.auth);
    expect(figures.status).toBe(200);
    expect(figures.body.actionItemsOverdue).toBeGreaterThanOrEqual(1);
    expect(figures.body.byLevel).toEqual([{ key: 'city', total: 1, resumed: 0 }]);
    expect(figures.body.needsOverdue).toBeGreaterThanOrEqual(1);
    t.clock.advance(-3 * 86_400_000);
  });
});
