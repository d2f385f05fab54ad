import { Types } from 'mongoose';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { application, appliedPass, as, firm, type Person } from './testing/fixtures';

let t: TestApp;
let liaison: Person;
let officer: Person;
let secondOfficer: Person;
let driver: Person;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(new Date('2026-03-03T10:00:00+08:00')); // a Tuesday
  liaison = await as(t, ['liaison'], await firm(t, 'above'));
  officer = await as(t, ['transport']);
  secondOfficer = await as(t, ['transport']);
  driver = await as(t, ['worker']);
}, 60_000);
afterAll(() => t.close());

const pending = () => appliedPass(t, liaison, application(t, driver.phone, { cargo: 'raw_materials' }));
const act = (who: Person, id: string, action: 'approve' | 'refuse' | 'revoke', body: object = {}) =>
  t.http.post(`/api/freight-passes/${id}/${action}`).set(who.auth).send(body);
const statusOf = async (id: string) =>
  (await t.connection.db!.collection('freight_passes').findOne({ _id: new Types.ObjectId(id) }))!.status;

describe('the review queue', () => {
  it('when passes wait, then the officer sees them soonest deadline first, and one past its deadline is flagged overdue', async () => {
    const first = await pending();
    const second = await pending();
    const queue = await t.http.get('/api/freight-passes/review-queue').set(officer.auth);
    const ids = queue.body.items.map((p: { id: string }) => p.id);
    expect(ids.indexOf(first)).toBeLessThan(ids.indexOf(second));
    expect(
      queue.body.items.every(
        (p: { status: string; overdue: boolean }) => p.status === 'pending' && !p.overdue,
      ),
    ).toBe(true);
    t.clock.advance(2 * 86_400_000);
    const later = await t.http.get('/api/freight-passes/review-queue').set(officer.auth);
    expect(later.body.items.find((p: { id: string }) => p.id === first).overdue).toBe(true);
  }, 60_000);

  it('when a liaison or a checkpoint checker asks for the queue, then 403', async () => {
    expect((await t.http.get('/api/freight-passes/review-queue').set(liaison.auth)).status).toBe(403);
    const checker = await as(t, ['checkpoint']);
    expect((await t.http.get('/api/freight-passes/review-queue').set(checker.auth)).status).toBe(403);
  }, 60_000);
});

describe('deciding a pass', () => {
  it('when the officer approves, then it is approved with the note; a second approval gets 409 in Chinese', async () => {
    const id = await pending();
    const ok = await act(officer, id, 'approve', { note: '材料齐全' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      status: 'approved',
      decisionNote: '材料齐全',
      reviewDueAt: expect.any(String),
    });
    const again = await act(secondOfficer, id, 'approve');
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'INVALID_TRANSITION', details: { status: 'approved' } });
    expect(again.body.error.message).toBe('该通行证已处理（已通过），不能重复审核，请刷新');
  }, 60_000);

  it('when two officers approve the same pass at the same moment, then exactly one succeeds and the other gets 409', async () => {
    for (let round = 0; round < 5; round += 1) {
      const id = await pending();
      const results = await Promise.all([act(officer, id, 'approve'), act(secondOfficer, id, 'approve')]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(await statusOf(id)).toBe('approved');
    }
  }, 60_000);

  it('when one officer approves while another refuses, then one decision wins and the database agrees with it', async () => {
    const id = await pending();
    const [a, r] = await Promise.all([
      act(officer, id, 'approve'),
      act(secondOfficer, id, 'refuse', { reason: '货物类别与单位经营范围不符' }),
    ]);
    expect([a.status, r.status].sort()).toEqual([200, 409]);
    expect(await statusOf(id)).toBe(a.status === 200 ? 'approved' : 'refused');
  }, 60_000);

  it('when refusing without a reason, then 400 and the pass stays pending', async () => {
    const id = await pending();
    const res = await act(officer, id, 'refuse', {});
    expect(res.status).toBe(400);
    expect(await statusOf(id)).toBe('pending');
  }, 60_000);

  it('when a liaison tries to approve their own pass, then 403 and it stays pending', async () => {
    const id = await pending();
    expect((await act(liaison, id, 'approve')).status).toBe(403);
    expect(await statusOf(id)).toBe('pending');
  }, 60_000);

  it('when an unknown pass is approved, then 404', async () => {
    expect((await act(officer, '65f0a1b2c3d4e5f6a7b8c9d0', 'approve')).status).toBe(404);
  }, 60_000);
});

describe('revoking a pass', () => {
  it('when an approved pass is revoked, then it is revoked with its reason; a pending one cannot be (409)', async () => {
    const id = await pending();
    expect((await act(officer, id, 'revoke', { reason: '未按路线行驶' })).status).toBe(409);
    await act(officer, id, 'approve');
    const res = await act(officer, id, 'revoke', { reason: '未按路线行驶' });
    expect(res.body).toMatchObject({
      status: 'revoked',
      revokeReason: '未按路线行驶',
      revokedAt: expect.any(String),
    });
    expect((await act(secondOfficer, id, 'revoke', { reason: '再次撤销' })).status).toBe(409);
  }, 60_000);
});
