import { startTestApp, type TestApp } from '../../test-support/test-app';
import { assign, createEnterprise, signInAs, type Person } from '../enterprises/testing/fixtures';

let t: TestApp;
let admin: Person;
let liaisonA: Person;
let liaisonB: Person;
let steward: Person;
let rsj: Person;
let jtj: Person;
let firmA: string;
let firmB: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await signInAs(t, ['admin']);
  firmA = await createEnterprise(t, admin);
  firmB = await createEnterprise(t, admin);
  liaisonA = await signInAs(t, ['liaison'], { enterpriseId: firmA });
  liaisonB = await signInAs(t, ['liaison'], { enterpriseId: firmB });
  steward = await signInAs(t, ['steward']);
  await assign(t, admin, firmA, steward.id);
  rsj = await signInAs(t, ['officer'], { departmentId: 'rsj' });
  jtj = await signInAs(t, ['officer'], { departmentId: 'jtj' });
});
afterAll(() => t.close());

const report = (who: Person, over: Record<string, unknown> = {}) =>
  t.http
    .post('/api/issues')
    .set(who.auth)
    .send({
      enterpriseId: firmA,
      category: 'labour',
      urgency: 'normal',
      description: '缺少熟练工 40 人，外省员工无法返岗',
      ...over,
    });
const act = (who: Person, id: string, action: string, body: Record<string, unknown> = {}) =>
  t.http.post(`/api/issues/${id}/${action}`).set(who.auth).send(body);

describe('issue lifecycle: report → accept → dispatch → answer → confirm', () => {
  it('when every step is taken by the right person, then the issue ends confirmed with a rating and the timeline shows each step with who and when', async () => {
    const created = await report(liaisonA);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'submitted', source: 'liaison', enterpriseId: firmA });
    expect(created.body.allowedActions).toEqual([]);
    const id = created.body.id as string;

    expect((await act(steward, id, 'accept', { note: '已电话联系企业' })).body.state).toBe('accepted');
    const dispatched = await act(steward, id, 'dispatch', { departmentCode: 'rsj' });
    expect(dispatched.body).toMatchObject({ state: 'dispatched', departmentCode: 'rsj' });
    expect(dispatched.body.clocks.progress.dueAt).not.toBeNull();

    const queue = await t.http.get('/api/issues').set(rsj.auth);
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(id);
    expect(queue.body.items.find((i: { id: string }) => i.id === id).allowedActions).toEqual([
      'transfer',
      'answer',
    ]);

    expect(
      (await act(rsj, id, 'answer', { answer: '人社局已对接老乡招工团，三天内输送 40 人' })).body.state,
    ).toBe('answered');
    const confirmed = await act(liaisonA, id, 'confirm', { rating: 5, comment: '很及时' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ state: 'confirmed', rating: 5 });

    const detail = await t.http.get(`/api/issues/${id}`).set(liaisonA.auth);
    expect(detail.body.timeline.map((e: { type: string }) => e.type)).toEqual([
      'submitted',
      'accepted',
      'dispatched',
      'answered',
      'confirmed',
    ]);
    expect(detail.body.timeline.map((e: { actorRole: string }) => e.actorRole)).toEqual([
      'liaison',
      'steward',
      'steward',
      'officer',
      'liaison',
    ]);
    expect(detail.body.timeline[2].note).toContain('人社局');
    expect(detail.body.timeline[4].note).toContain('评分 5 分');
    expect(detail.body.clocks.resolution.metAt).not.toBeNull();
  });

  it('when the liaison is not satisfied, then the issue is reopened, re-dispatched and the reason stays in the timeline', async () => {
    const id = (await report(liaisonA, { category: 'logistics' })).body.id;
    await act(steward, id, 'accept');
    await act(steward, id, 'dispatch', { departmentCode: 'jtj' });
    await act(jtj, id, 'answer', { answer: '已开通绿色通道，请凭函通行' });
    const reopened = await act(liaisonA, id, 'reopen', { reason: '通行证还没有收到' });
    expect(reopened.body).toMatchObject({ state: 'reopened', answer: null });
    expect(reopened.body.clocks.progress.dueAt).toBeNull();
    expect((await act(steward, id, 'dispatch', { departmentCode: 'jtj' })).body.state).toBe('dispatched');
    const detail = await t.http.get(`/api/issues/${id}`).set(steward.auth);
    expect(detail.body.timeline.find((e: { type: string }) => e.type === 'reopened').note).toBe(
      '通行证还没有收到',
    );
  });
});

describe('illegal transitions', () => {
  it('when a submitted issue is dispatched before it is accepted, then 409 INVALID_TRANSITION lists what is allowed and nothing changes', async () => {
    const id = (await report(liaisonA)).body.id;
    const res = await act(steward, id, 'dispatch', { departmentCode: 'rsj' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('INVALID_TRANSITION');
    expect(res.body.error.details).toMatchObject({
      state: 'submitted',
      action: 'dispatch',
      allowed: ['accept'],
    });
    const after = await t.http.get(`/api/issues/${id}`).set(steward.auth);
    expect(after.body.state).toBe('submitted');
    expect(after.body.timeline).toHaveLength(1);
  });

  it('when a confirmed issue is confirmed again, then it is a 409 with no allowed actions', async () => {
    const id = (await report(liaisonA)).body.id;
    await act(steward, id, 'accept');
    await act(steward, id, 'dispatch', { departmentCode: 'rsj' });
    await act(rsj, id, 'answer', { answer: '已答复企业相关政策' });
    await act(liaisonA, id, 'confirm', { rating: 4 });
    const again = await act(liaisonA, id, 'confirm', { rating: 1 });
    expect(again.status).toBe(409);
    expect(again.body.error.details.allowed).toEqual([]);
    expect((await t.http.get(`/api/issues/${id}`).set(liaisonA.auth)).body.rating).toBe(4);
  });

  it('when two stewards race to accept the same issue, then exactly one succeeds and the timeline has one acceptance', async () => {
    const id = (await report(liaisonA)).body.id;
    const results = await Promise.all([
      act(steward, id, 'accept'),
      act(steward, id, 'accept'),
      act(admin, id, 'accept'),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const detail = await t.http.get(`/api/issues/${id}`).set(admin.auth);
    expect(detail.body.timeline.filter((e: { type: string }) => e.type === 'accepted')).toHaveLength(1);
  });

  it('when a rating outside 1–5 is sent, then 400 with the field named and the issue stays answered', async () => {
    const id = (await report(liaisonA)).body.id;
    await act(steward, id, 'accept');
    await act(steward, id, 'dispatch', { departmentCode: 'rsj' });
    await act(rsj, id, 'answer', { answer: '已答复企业相关政策' });
    const res = await act(liaisonA, id, 'confirm', { rating: 6 });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('rating');
    expect((await t.http.get(`/api/issues/${id}`).set(liaisonA.auth)).body.state).toBe('answered');
  });
});

describe('scope', () => {
  it("when another enterprise's liaison asks for an issue, then it does not exist for them, and their list does not show it", async () => {
    const id = (await report(liaisonA)).body.id;
    expect((await t.http.get(`/api/issues/${id}`).set(liaisonB.auth)).status).toBe(404);
    const list = await t.http.get('/api/issues').set(liaisonB.auth);
    expect(list.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect((await act(liaisonB, id, 'reopen', { reason: '不满意' })).status).toBe(404);
  });

  it('when a liaison reports for another enterprise, then 403 and nothing is written', async () => {
    const before = await t.connection.db!.collection('issues').countDocuments();
    const res = await report(liaisonB, { enterpriseId: firmA });
    expect(res.status).toBe(403);
    expect(await t.connection.db!.collection('issues').countDocuments()).toBe(before);
  });

  it('when an officer of another department opens a dispatched issue, then 404; the officer of the department sees it', async () => {
    const id = (await report(liaisonA)).body.id;
    await act(steward, id, 'accept');
    await act(steward, id, 'dispatch', { departmentCode: 'rsj' });
    expect((await t.http.get(`/api/issues/${id}`).set(jtj.auth)).status).toBe(404);
    expect((await act(jtj, id, 'answer', { answer: '我来答复一下这个问题' })).status).toBe(404);
    expect((await t.http.get(`/api/issues/${id}`).set(rsj.auth)).status).toBe(200);
  });

  it('when a steward not assigned to the firm tries to accept, then it is hidden from them', async () => {
    const other = await signInAs(t, ['steward']);
    const id = (await report(liaisonA)).body.id;
    expect((await act(other, id, 'accept')).status).toBe(404);
  });

  it('when a liaison tries to accept their own issue, then 403 FORBIDDEN', async () => {
    const id = (await report(liaisonA)).body.id;
    const res = await act(liaisonA, id, 'accept');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
  });
});

describe('transfers', () => {
  it('when an officer transfers to another department, then the old one loses it, the new one gets a fresh deadline, and the transfer is in the timeline', async () => {
    const id = (await report(liaisonA, { category: 'funding' })).body.id;
    await act(steward, id, 'accept');
    await act(steward, id, 'dispatch', { departmentCode: 'rsj' });
    t.clock.advance(3_600_000);
    const moved = await act(rsj, id, 'transfer', { departmentCode: 'jtj', reason: '属于交通运输事项' });
    expect(moved.status).toBe(200);
    expect(moved.body.departmentCode).toBe('jtj');
    expect((await t.http.get(`/api/issues/${id}`).set(rsj.auth)).status).toBe(404);
    const detail = await t.http.get(`/api/issues/${id}`).set(jtj.auth);
    const transfer = detail.body.timeline.find((e: { type: string }) => e.type === 'transferred');
    expect(transfer.note).toBe('由人社局转至交通局：属于交通运输事项');
    expect(new Date(detail.body.clocks.progress.dueAt).getTime()).toBeGreaterThan(
      new Date(detail.body.timeline[2].at).getTime(),
    );
  });

  it('when an officer transfers to their own department, then 422 and nothing changes', async () => {
    const id = (await report(liaisonA)).body.id;
    await act(steward, id, 'accept');
    await act(steward, id, 'dispatch', { departmentCode: 'rsj' });
    const res = await act(rsj, id, 'transfer', { departmentCode: 'rsj', reason: '测试转办' });
    expect(res.status).toBe(422);
    expect((await t.http.get(`/api/issues/${id}`).set(rsj.auth)).body.timeline).toHaveLength(3);
  });

  it('when an unknown department code is given, then 400 and the issue is not dispatched', async () => {
    const id = (await report(liaisonA)).body.id;
    await act(steward, id, 'accept');
    const res = await act(steward, id, 'dispatch', { departmentCode: 'xyz' });
    expect(res.status).toBe(400);
    expect((await t.http.get(`/api/issues/${id}`).set(steward.auth)).body.state).toBe('accepted');
  });
});

describe('bad input', () => {
  it('when the category is unknown and the description too short, then 400 with both fields and nothing is written', async () => {
    const before = await t.connection.db!.collection('issues').countDocuments();
    const res = await report(liaisonA, { category: 'weather', description: '短' });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'category',
      'description',
    ]);
    expect(await t.connection.db!.collection('issues').countDocuments()).toBe(before);
  });
});
