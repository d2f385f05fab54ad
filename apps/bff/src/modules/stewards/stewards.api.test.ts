import type { TestApp } from '../../test-support/test-app';
import { assign, fullChecklist, signInAs, type Person } from '../enterprises/testing/fixtures';
import { createFirms, recordVisit, startStewardWorld } from './testing/steward-world';

let t: TestApp;
let admin: Person;
let s1: Person;
let s2: Person;
let liaison: Person;
let firms: string[];
const H = 3_600_000;

beforeAll(async () => {
  ({ t, admin, s1, s2 } = await startStewardWorld());
  firms = await createFirms(t, admin, 4, (i) => ({ name: `需求排序企业${i}` }));
  liaison = await signInAs(t, ['liaison'], { enterpriseId: firms[0] });
});
afterAll(() => t.close());

const visit = (who: Person, enterpriseId: string, over: Record<string, unknown> = {}) =>
  recordVisit(t, who, enterpriseId, over);

describe('steward assignments', () => {
  it('when a firm is reassigned, then only one steward holds it, the old one loses access and the history keeps both', async () => {
    await assign(t, admin, firms[3], s1.id);
    t.clock.advance(H);
    await assign(t, admin, firms[3], s2.id);
    const live = await t.connection
      .db!.collection('steward_assignments')
      .countDocuments({ enterpriseId: { $exists: true }, live: true });
    expect(live).toBe(1);
    const history = await t.http.get(`/api/enterprises/${firms[3]}/steward-assignments`).set(admin.auth);
    expect(
      history.body.items.map((a: { stewardName: string; to: string | null }) => [
        a.stewardName,
        a.to === null,
      ]),
    ).toEqual([
      ['王立新', true],
      ['郑麒麟', false],
    ]);
    expect((await visit(s1, firms[3])).status).toBe(403);
    expect((await t.http.get(`/api/enterprises/${firms[3]}`).set(s1.auth)).status).toBe(403);
  });

  it('when the same steward is assigned again (a retry), then nothing changes', async () => {
    await assign(t, admin, firms[3], s2.id);
    expect(await t.connection.db!.collection('steward_assignments').countDocuments({})).toBe(2);
  });

  it('when the person is not a steward, then 400 and no assignment is made', async () => {
    const res = await t.http
      .post('/api/steward-assignments')
      .set(admin.auth)
      .send({ enterpriseId: firms[2], stewardId: liaison.id });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('stewardId');
  });

  it('when the database is asked to hold two live assignments for one firm, then the unique index refuses', async () => {
    const col = t.connection.db!.collection('steward_assignments');
    const doc = await col.findOne({ live: true });
    const { _id, ...copy } = doc!;
    await expect(col.insertOne(copy)).rejects.toMatchObject({ code: 11000 });
  });
});

describe('my enterprises, ordered by need', () => {
  it('when firms differ in visits, issues and reopening, then the steward sees only theirs, neediest first, with reasons', async () => {
    for (const f of firms.slice(0, 3)) await assign(t, admin, f, s1.id);
    // firm0: visited just now; firm1: reopened and visited 10 days ago; firm2: never visited, not reopened.
    await t.http.put(`/api/enterprises/${firms[1]}/reopening/today`).set(s1.auth).send({
      reopened: true,
      reopenedSince: '2027-02-20',
      staffOnSite: 10,
      staffTotal: 10,
      capacityPercent: 100,
    });
    await t.http.put(`/api/enterprises/${firms[0]}/reopening/today`).set(s1.auth).send({
      reopened: true,
      reopenedSince: '2027-02-20',
      staffOnSite: 10,
      staffTotal: 10,
      capacityPercent: 100,
    });
    expect(
      (await visit(s1, firms[1], { visitedAt: new Date(t.clock.now().getTime() - 47 * H).toISOString() }))
        .status,
    ).toBe(201);
    t.clock.advance(8 * 24 * H);
    expect((await visit(s1, firms[0])).status).toBe(201);
    const res = await t.http.get('/api/stewards/me/enterprises').set(s1.auth);
    expect(res.body.items.map((i: { enterpriseId: string }) => i.enterpriseId)).toEqual([
      firms[2],
      firms[1],
      firms[0],
    ]);
    expect(res.body.items[0].reasons).toEqual(['尚未复工', '尚未走访']);
    expect(res.body.items[1].daysSinceVisit).toBe(9);
    expect(res.body.items.map((i: { enterpriseId: string }) => i.enterpriseId)).not.toContain(firms[3]);
    const registry = await t.http.get('/api/enterprises').set(s1.auth);
    expect(registry.body.items.map((e: { id: string }) => e.id).sort()).toEqual(firms.slice(0, 3).sort());
    expect((await t.http.get(`/api/enterprises/${firms[3]}/visits`).set(s1.auth)).status).toBe(403);
  });
});

describe('visits', () => {
  it("when a visit lists problems, then each becomes an issue on the firm's behalf in the same request, and the liaison sees them", async () => {
    const res = await visit(s1, firms[0], {
      location: { lat: 30.04, lng: 121.15 },
      checklist: fullChecklist().map((c) =>
        c.key === 'supplies' ? { ...c, status: 'not_met', note: '口罩仅够 2 天' } : c,
      ),
      problems: [
        { category: 'epidemic_supplies', urgency: 'urgent', description: '口罩仅够 2 天，需调剂' },
        { category: 'logistics', urgency: 'normal', description: '原料运输车辆无法进入' },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body.issueIds).toHaveLength(2);
    const issues = await t.http.get(`/api/issues?enterpriseId=${firms[0]}`).set(liaison.auth);
    const fromVisit = issues.body.items.filter((i: { source: string }) => i.source === 'visit');
    expect(fromVisit.map((i: { id: string }) => i.id).sort()).toEqual([...res.body.issueIds].sort());
    const got = await t.http.get(`/api/visits/${res.body.id}`).set(liaison.auth);
    expect(got.body.checklist.find((c: { key: string }) => c.key === 'supplies')).toEqual({
      key: 'supplies',
      status: 'not_met',
      note: '口罩仅够 2 天',
    });
  });

  it('when a visit is backdated over 48 h or dated in the future, then 422 VISIT_TIME_INVALID and nothing is written', async () => {
    const before = await t.connection.db!.collection('steward_visits').countDocuments();
    const old = await visit(s1, firms[0], {
      visitedAt: new Date(t.clock.now().getTime() - 49 * H).toISOString(),
    });
    expect(old.status).toBe(422);
    expect(old.body.error).toMatchObject({
      code: 'VISIT_TIME_INVALID',
      details: [{ path: 'visitedAt', code: 'too_old' }],
    });
    const future = await visit(s1, firms[0], {
      visitedAt: new Date(t.clock.now().getTime() + 2 * H).toISOString(),
      problems: [{ category: 'other', urgency: 'normal', description: '不应被创建的问题' }],
    });
    expect(future.body.error.details[0].code).toBe('future');
    expect(await t.connection.db!.collection('steward_visits').countDocuments()).toBe(before);
    expect(
      await t.connection.db!.collection('issues').countDocuments({ description: '不应被创建的问题' }),
    ).toBe(0);
  });

  it('when the checklist misses an item or a not-met item has no note, then 400', async () => {
    const missing = await visit(s1, firms[0], { checklist: fullChecklist().slice(1) });
    expect(missing.status).toBe(400);
    const noNote = await visit(s1, firms[0], {
      checklist: fullChecklist().map((c, i) => (i === 0 ? { ...c, status: 'not_met' } : c)),
    });
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.details[0].path).toBe('checklist.0.note');
  });

  it('when a liaison tries to log a visit, then 403', async () => {
    expect((await visit(liaison, firms[0])).status).toBe(403);
  });
});

describe('call-backs (电话回访) and stewards needing attention', () => {
  it('when a steward is rated low and another has lapsed visits, then both surface with reasons', async () => {
    const call = (enterpriseId: string, satisfaction: number | null, reached = true) =>
      t.http
        .post('/api/callbacks')
        .set(admin.auth)
        .send({ enterpriseId, reached, satisfaction, remarks: '' });
    expect((await call(firms[3], 2)).body).toMatchObject({ stewardId: s2.id, satisfaction: 2 });
    await call(firms[3], 3);
    expect((await call(firms[3], null, false)).status).toBe(201);
    t.clock.advance(20 * 24 * H);
    const res = await t.http.get('/api/stewards/attention').set(admin.auth);
    const byId = new Map(res.body.items.map((i: { stewardId: string }) => [i.stewardId, i]));
    expect(byId.get(s2.id)).toMatchObject({ averageSatisfaction: 2.5, ratings: 2, stewardName: '王立新' });
    expect(byId.get(s1.id)).toMatchObject({ lapsedEnterprises: 3 });
  });

  it('when reached is true but no rating is given, or a rating is 6, then 400 and nothing is written', async () => {
    const before = await t.connection.db!.collection('steward_callbacks').countDocuments();
    expect(
      (await t.http.post('/api/callbacks').set(admin.auth).send({ enterpriseId: firms[0], reached: true }))
        .body.error.details[0].path,
    ).toBe('satisfaction');
    expect(
      (
        await t.http
          .post('/api/callbacks')
          .set(admin.auth)
          .send({ enterpriseId: firms[0], reached: true, satisfaction: 6 })
      ).status,
    ).toBe(400);
    expect(await t.connection.db!.collection('steward_callbacks').countDocuments()).toBe(before);
    expect(
      (
        await t.http
          .post('/api/callbacks')
          .set(s1.auth)
          .send({ enterpriseId: firms[0], reached: true, satisfaction: 5 })
      ).status,
    ).toBe(403);
  });
});
