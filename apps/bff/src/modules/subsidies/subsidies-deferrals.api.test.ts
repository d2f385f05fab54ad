import { startTestApp, type TestApp } from '../../test-support/test-app';
import { createEnterprise, creditCode, signInAs, type Person } from '../enterprises/testing/fixtures';

/** 社保缓缴: apply, the green-channel clock, guarded decisions, withdrawal, and who may do what. */
let t: TestApp;
let rsj: Person;
let jtj: Person;
let liaisonA: Person;
let liaisonA2: Person;
let liaisonB: Person;
let worker: Person;

beforeAll(async () => {
  t = await startTestApp();
  const admin = await signInAs(t, ['admin']);
  const firmA = await createEnterprise(t, admin, {
    creditCode: creditCode(750_001),
    name: '余姚甲塑料有限公司',
  });
  const firmB = await createEnterprise(t, admin, { creditCode: creditCode(750_002) });
  rsj = await signInAs(t, ['officer'], { departmentId: 'rsj' });
  jtj = await signInAs(t, ['officer'], { departmentId: 'jtj' });
  liaisonA = await signInAs(t, ['liaison'], { enterpriseId: firmA });
  liaisonA2 = await signInAs(t, ['liaison'], { enterpriseId: firmA });
  liaisonB = await signInAs(t, ['liaison'], { enterpriseId: firmB });
  worker = await signInAs(t, ['worker']);
});
afterAll(() => t.close());

const apply = (who: Person, body: Record<string, unknown>) =>
  t.http.post('/api/subsidies/deferrals').set(who.auth).send(body);
const decide = (who: Person, id: string, body: Record<string, unknown>) =>
  t.http.post(`/api/subsidies/deferrals/${id}/decision`).set(who.auth).send(body);
const withdraw = (who: Person, id: string) =>
  t.http.post(`/api/subsidies/deferrals/${id}/withdraw`).set(who.auth).send({});
const stored = () => t.connection.db!.collection('subsidy_deferrals').countDocuments();
const reason = '受疫情影响订单减少，资金周转困难';

describe('社保缓缴', () => {
  let first: string;

  it('when a firm first applies for 2 months on a Friday, then it takes the green channel, due the next working day (Monday)', async () => {
    t.clock.set(new Date('2020-03-20T10:00:00+08:00'));
    const res = await apply(liaisonA, { months: 2, sme: true, reason });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      enterpriseName: '余姚甲塑料有限公司',
      firstApplication: true,
      greenChannel: true,
      status: 'pending',
      statusLabel: '待办理',
    });
    expect(new Date(res.body.decisionDue).getTime()).toBeGreaterThan(
      new Date('2020-03-23T00:00:00+08:00').getTime(),
    );
    expect(new Date(res.body.decisionDue).getTime()).toBeLessThanOrEqual(
      new Date('2020-03-24T00:00:00+08:00').getTime(),
    );
    first = res.body.id;
  });

  it('when the firm applies again while one is pending, or for more than 6 months, or not as an SME, then it is refused and nothing is stored', async () => {
    const again = await apply(liaisonA2, { months: 1, sme: true, reason });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('CONFLICT');
    const long = await apply(liaisonB, { months: 7, sme: true, reason });
    expect(long.status).toBe(422);
    expect(long.body.error.message).toBe('缓缴期最长 6 个月');
    const big = await apply(liaisonB, { months: 2, sme: false, reason });
    expect(big.body.error.message).toBe('缓缴仅限中小企业申请');
    const bad = await apply(liaisonB, { months: 1.5, sme: true, reason: '难' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_ERROR');
    const byWorker = await apply(worker, { months: 2, sme: true, reason });
    expect(byWorker.status).toBe(403);
    expect(await stored()).toBe(1);
  });

  it('when someone other than 人社局 decides, or another firm withdraws, then it is refused and the application stays pending', async () => {
    expect((await decide(jtj, first, { decision: 'approved', note: '同意' })).status).toBe(403);
    expect((await decide(liaisonA, first, { decision: 'approved', note: '同意' })).status).toBe(403);
    const other = await withdraw(liaisonB, first);
    expect(other.status).toBe(404);
    const mine = await t.http.get('/api/subsidies/deferrals').set(liaisonB.auth);
    expect(mine.body.items).toEqual([]);
    const queue = await t.http.get('/api/subsidies/deferrals?status=pending').set(rsj.auth);
    expect(queue.body.items.map((d: { id: string }) => d.id)).toEqual([first]);
  });

  it('when 人社局 approves, then a second decision is refused with 409 and the firm sees 已准予缓缴', async () => {
    const ok = await decide(rsj, first, { decision: 'approved', note: '符合条件，准予缓缴 2 个月' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'approved', note: '符合条件，准予缓缴 2 个月' });
    const twice = await decide(rsj, first, { decision: 'rejected', note: '重复办理' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('INVALID_TRANSITION');
    expect((await withdraw(liaisonA, first)).status).toBe(409);
    const mine = await t.http.get('/api/subsidies/deferrals').set(liaisonA.auth);
    expect(mine.body.items).toMatchObject([{ id: first, statusLabel: '已准予缓缴' }]);
  });

  it('when the firm applies a second time, then it is not a first application and leaves the green channel', async () => {
    t.clock.set(new Date('2020-04-01T10:00:00+08:00'));
    const res = await apply(liaisonA, { months: 1, sme: true, reason });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ firstApplication: false, greenChannel: false });
    const gone = await withdraw(liaisonA2, res.body.id);
    expect(gone.status).toBe(200);
    expect(gone.body.status).toBe('withdrawn');
    // Withdrawn frees the slot: the firm may apply again.
    expect((await apply(liaisonA, { months: 1, sme: true, reason })).status).toBe(200);
  });
});
