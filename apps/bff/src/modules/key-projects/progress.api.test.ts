import { startTestApp, type TestApp } from '../../test-support/test-app';
import { as, countOf, firm, projectBody, projectCast, registered, type Person } from './testing/fixtures';

let t: TestApp;
let fgw: Person;
let steward: Person;
let contact: Person;
let liaison: Person;
let outsider: Person;
let firmId: string;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(new Date('2026-03-10T10:00:00+08:00')); // Tuesday
  ({ fgw, steward, contact, firmId, liaison } = await projectCast(t));
  outsider = await as(t, ['liaison'], await firm(t));
}, 60_000);
afterAll(() => t.close());

const report = (who: Person, id: string, over: object = {}) =>
  t.http
    .post(`/api/key-projects/${id}/reports`)
    .set(who.auth)
    .send({ done: '主体施工', next: '封顶', resumed: true, workersOnSite: 120, ...over });

describe('the 序时进度表', () => {
  it('when a milestone planned for Friday is still open on Tuesday, then it is flagged late by two working days; a later one is not', async () => {
    const p = await registered(
      t,
      fgw,
      projectBody(firmId, steward.id, contact.id, {
        milestones: [
          { title: '施工许可', plannedDate: '2026-03-06' },
          { title: '封顶', plannedDate: '2026-05-30' },
        ],
      }),
    );
    const res = await t.http.get(`/api/key-projects/${p.id}`).set(liaison.auth);
    expect(res.body.milestones[0]).toMatchObject({ late: true, workingDaysLate: 2 });
    expect(res.body.milestones[1]).toMatchObject({ late: false, workingDaysLate: 0 });
    expect(res.body.lateMilestones).toBe(1);
  });

  it('when the liaison marks a node done, then it is no longer counted late; a second tap is 409 and a future day 400', async () => {
    const p = await registered(
      t,
      fgw,
      projectBody(firmId, steward.id, contact.id, {
        milestones: [{ title: '施工许可', plannedDate: '2026-03-06' }],
      }),
    );
    const url = `/api/key-projects/${p.id}/milestones/${p.milestones[0].id}/done`;
    const future = await t.http.post(url).set(liaison.auth).send({ doneDate: '2026-03-11' });
    expect(future.status).toBe(400);
    const done = await t.http.post(url).set(liaison.auth).send({ doneDate: '2026-03-09' });
    expect(done.status).toBe(200);
    expect(done.body.milestones[0]).toMatchObject({ doneDate: '2026-03-09', late: true, workingDaysLate: 1 });
    expect(done.body.lateMilestones).toBe(0);
    const again = await t.http.post(url).set(liaison.auth).send({ doneDate: '2026-03-10' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('INVALID_TRANSITION');
  });

  it('when the 代办负责人 adds a node, then it appears; a liaison cannot add one (403); another firm cannot see the project (404)', async () => {
    const p = await registered(t, fgw, projectBody(firmId, steward.id, contact.id));
    const add = (who: Person) =>
      t.http
        .post(`/api/key-projects/${p.id}/milestones`)
        .set(who.auth)
        .send({ title: '竣工验收', plannedDate: '2026-09-30' });
    const ok = await add(steward);
    expect(ok.status).toBe(201);
    expect(ok.body.milestones.map((m: { title: string }) => m.title)).toContain('竣工验收');
    expect((await add(liaison)).status).toBe(403);
    expect((await t.http.get(`/api/key-projects/${p.id}`).set(outsider.auth)).status).toBe(404);
  });
});

describe('the 周报', () => {
  it('when the liaison reports this week, then the project shows resumed and workers on site; a second report this week is 409 and not stored', async () => {
    const p = await registered(t, fgw, projectBody(firmId, steward.id, contact.id));
    const first = await report(liaison, p.id, { workersOnSite: 120 });
    expect(first.status).toBe(201);
    expect(first.body.weekStart).toBe('2026-03-09');
    const project = await t.http.get(`/api/key-projects/${p.id}`).set(steward.auth);
    expect(project.body).toMatchObject({ resumed: true, workersOnSite: 120, lastReportWeek: '2026-03-09' });
    const before = await countOf(t, 'key_project_reports');
    const second = await report(steward, p.id, { workersOnSite: 999 });
    expect(second.status).toBe(409);
    expect(await countOf(t, 'key_project_reports')).toBe(before);
    expect((await t.http.get(`/api/key-projects/${p.id}`).set(steward.auth)).body.workersOnSite).toBe(120);
  });

  it('when next week comes, then a new report is taken and listed first; another firm’s liaison cannot report (404)', async () => {
    const p = await registered(t, fgw, projectBody(firmId, steward.id, contact.id));
    expect((await report(liaison, p.id)).status).toBe(201);
    t.clock.advance(7 * 86_400_000);
    expect((await report(liaison, p.id, { resumed: false, workersOnSite: 0 })).status).toBe(201);
    const list = await t.http.get(`/api/key-projects/${p.id}/reports`).set(liaison.auth);
    expect(list.body.items.map((r: { weekStart: string }) => r.weekStart)).toEqual([
      '2026-03-16',
      '2026-03-09',
    ]);
    expect((await t.http.get(`/api/key-projects/${p.id}`).set(liaison.auth)).body.resumed).toBe(false);
    expect((await report(outsider, p.id)).status).toBe(404);
    t.clock.advance(-7 * 86_400_000);
  });

  it('when workers on site is negative or not a whole number, then 400 and nothing stored', async () => {
    const p = await registered(t, fgw, projectBody(firmId, steward.id, contact.id));
    const before = await countOf(t, 'key_project_reports');
    expect((await report(liaison, p.id, { workersOnSite: -1 })).status).toBe(400);
    expect((await report(liaison, p.id, { workersOnSite: 1.5 })).status).toBe(400);
    expect(await countOf(t, 'key_project_reports')).toBe(before);
  });
});
