import { startTestApp, type TestApp } from '../../test-support/test-app';
import { createEnterprise, creditCode, signInAs, type Person } from '../enterprises/testing/fixtures';
import { csv, hires, importFacts, listAction, ROSTER_HEADER, runPolicy } from './testing/fixtures';

let t: TestApp;
let rsj: Person;
let czj: Person;
let liaisonA: Person;
let liaisonB: Person;
const codeA = creditCode(710_001);
const codeB = creditCode(710_002);
const codeC = creditCode(710_003);
let firmA: string;
let firmB: string;
let firmC: string;

beforeAll(async () => {
  t = await startTestApp();
  const admin = await signInAs(t, ['admin']);
  firmA = await createEnterprise(t, admin, { creditCode: codeA, name: '余姚甲光电有限公司' });
  firmB = await createEnterprise(t, admin, { creditCode: codeB, name: '余姚乙模具有限公司' });
  firmC = await createEnterprise(t, admin, { creditCode: codeC, name: '余姚丙电器有限公司' });
  rsj = await signInAs(t, ['officer'], { departmentId: 'rsj' });
  czj = await signInAs(t, ['officer'], { departmentId: 'czj' });
  liaisonA = await signInAs(t, ['liaison'], { enterpriseId: firmA });
  liaisonB = await signInAs(t, ['liaison'], { enterpriseId: firmB });
});
afterAll(() => t.close());

const roster = (extraA = 0) =>
  csv(ROSTER_HEADER, [
    ...hires(codeA, 12 + extraA, 0),
    ...hires(codeB, 3, 100),
    ...hires(codeB, 2, 200, { end: '2020-12-31' }), // contracts under a year: not counted
    ...hires(codeC, 1, 300, { hiredOn: '2020-03-10' }), // a day after the window
  ]);

describe('免申即享: import → run → review → 公示 → objections → payment → rerun', () => {
  let listId: string;
  let lineA: string;
  let lineB: string;

  it('when the roster is imported and the hiring subsidy run, then A gets 12,000 yuan, B 3,000, C nothing, each with its reason', async () => {
    t.clock.set(new Date('2020-03-16T09:00:00+08:00'));
    const imp = await importFacts(t, rsj, 'roster', roster());
    expect(imp.status).toBe(200);
    expect(imp.body).toMatchObject({
      kind: 'roster',
      totalRows: 18,
      imported: 18,
      replaced: 0,
      encoding: 'utf-8',
    });
    const run = await runPolicy(t, rsj, 'hiring');
    expect(run.status).toBe(200);
    expect(run.body.created).toBe(true);
    expect(run.body.list).toMatchObject({
      status: 'draft',
      count: 2,
      totalFen: 1_500_000,
      version: 'hiring-2020-v1',
      diff: null,
    });
    listId = run.body.list.id;
    const detail = await t.http.get(`/api/subsidies/lists/${listId}`).set(rsj.auth);
    const byFirm = Object.fromEntries(
      detail.body.items.map((i: { enterpriseId: string }) => [i.enterpriseId, i]),
    );
    expect(byFirm[firmA]).toMatchObject({ amountFen: 1_200_000, reason: '新吸纳 12 人 × 1,000 元' });
    expect(byFirm[firmB]).toMatchObject({ amountFen: 300_000, reason: '新吸纳 3 人 × 1,000 元' });
    expect(byFirm[firmB].facts.excluded).toHaveLength(2);
    expect(byFirm[firmC]).toBeUndefined();
    lineA = byFirm[firmA].id;
    lineB = byFirm[firmB].id;
  });

  it('when the same facts are run again, then the same list comes back and no second list is opened', async () => {
    const again = await runPolicy(t, rsj, 'hiring');
    expect(again.body).toMatchObject({ created: false, list: { id: listId } });
    const lists = await t.http.get('/api/subsidies/lists?policy=hiring&period=2020').set(rsj.auth);
    expect(lists.body.items).toHaveLength(1);
  });

  it('when a line is excluded with a reason and restored, then the audit keeps both; firms see nothing before 公示', async () => {
    const ex = await listAction(t, rsj, listId, `items/${lineB}/exclude`, { reason: '核查中：合同待补' });
    expect(ex.status).toBe(200);
    expect(ex.body.excluded.reason).toBe('核查中：合同待补');
    expect((await listAction(t, rsj, listId, `items/${lineB}/include`)).body.excluded).toBeNull();
    const audit = await t.connection.db!.collection('audit_log').find({ subjectId: lineB }).toArray();
    expect(audit.map((a) => a.action).sort()).toEqual(['subsidy.exclude', 'subsidy.include']);
    expect((await t.http.get('/api/subsidies/mine').set(liaisonA.auth)).body.items).toEqual([]);
  });

  it('when approved and published on Monday 2020-03-16, then 公示 runs 5 working days and each firm sees "您可享受 X 元，无需申请"', async () => {
    expect((await listAction(t, rsj, listId, 'publish')).status).toBe(409);
    expect((await listAction(t, rsj, listId, 'approve')).body).toMatchObject({
      status: 'approved',
      totalFen: 1_500_000,
    });
    const pub = await listAction(t, rsj, listId, 'publish');
    expect(pub.body).toMatchObject({
      status: 'publicity',
      publicityEndsAt: new Date('2020-03-23T09:00:00+08:00').toISOString(),
    });
    expect((await listAction(t, rsj, listId, `items/${lineB}/exclude`, { reason: '太晚了吧' })).status).toBe(
      409,
    );
    const mine = await t.http.get('/api/subsidies/mine').set(liaisonA.auth);
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.items[0]).toMatchObject({
      headline: '您可享受 12,000 元，无需申请',
      reason: '新吸纳 12 人 × 1,000 元',
      canObject: true,
      paid: false,
      facts: { counted: 12 },
    });
  });

  it('when A objects and it is upheld with a corrected amount, and B objects and it is rejected, then both are decided and audited', async () => {
    const objA = await t.http
      .post(`/api/subsidies/entitlements/${lineA}/objection`)
      .set(liaisonA.auth)
      .send({ text: '另有 1 名新员工 2 月 20 日入职，花名册漏报' });
    expect(objA.status).toBe(200);
    expect(objA.body).toMatchObject({ canObject: false, objection: { status: 'pending' } });
    const twice = await t.http
      .post(`/api/subsidies/entitlements/${lineA}/objection`)
      .set(liaisonA.auth)
      .send({ text: '再提一次异议内容' });
    expect(twice.status).toBe(409);
    await t.http
      .post(`/api/subsidies/entitlements/${lineB}/objection`)
      .set(liaisonB.auth)
      .send({ text: '我们认为应为 5 人' });

    t.clock.set(new Date('2020-03-24T10:00:00+08:00'));
    expect((await listAction(t, czj, listId, 'payments')).status).toBe(422); // objections pending

    const up = await listAction(t, rsj, listId, `items/${lineA}/objection/decision`, {
      decision: 'upheld',
      note: '经核实补报 1 人',
      correctedAmountFen: 1_300_000,
    });
    expect(up.body).toMatchObject({
      amountFen: 1_300_000,
      objection: { status: 'upheld', decisionNote: '经核实补报 1 人' },
    });
    const down = await listAction(t, rsj, listId, `items/${lineB}/objection/decision`, {
      decision: 'rejected',
      note: '另 2 人劳动合同不足 1 年',
    });
    expect(down.body).toMatchObject({ amountFen: 300_000, objection: { status: 'rejected' } });
    const again = await listAction(t, rsj, listId, `items/${lineB}/objection/decision`, {
      decision: 'upheld',
      note: '改判',
    });
    expect(again.status).toBe(409);
    const audit = await t.connection
      .db!.collection('audit_log')
      .find({ action: 'subsidy.objection.decide' })
      .toArray();
    expect(audit).toHaveLength(2);
    const lateObjection = await t.http
      .post(`/api/subsidies/entitlements/${lineB}/objection`)
      .set(liaisonB.auth)
      .send({ text: '公示期后再提异议' });
    expect(lateObjection.status).toBe(409);
  });

  it('when 财政局 makes the payment list after 公示, then it holds 16,000 yuan; a retry adds nothing; a payment marked twice is refused', async () => {
    const pay = await listAction(t, czj, listId, 'payments');
    expect(pay.status).toBe(200);
    expect(pay.body).toMatchObject({ created: 2, alreadyInLedger: 0 });
    expect(pay.body.items.map((p: { amountFen: number }) => p.amountFen).sort()).toEqual(
      [1_300_000, 300_000].sort(),
    );
    const retry = await listAction(t, czj, listId, 'payments');
    expect(retry.body.items).toHaveLength(2);
    const file = await t.http.get(`/api/subsidies/lists/${listId}/payments/export?format=csv`).set(czj.auth);
    expect(file.status).toBe(200);
    expect(file.text).toContain('余姚甲光电有限公司');
    expect(file.text).toContain('13000.00');
    expect(file.text).toContain('合计,,,,16000.00');
    const xlsx = await t.http
      .get(`/api/subsidies/lists/${listId}/payments/export`)
      .set(czj.auth)
      .buffer(true);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const paymentA = pay.body.items.find((p: { enterpriseId: string }) => p.enterpriseId === firmA)
      .id as string;
    const paid = await t.http
      .post(`/api/subsidies/payments/${encodeURIComponent(paymentA)}/paid`)
      .set(czj.auth)
      .send({ reference: 'CZ2020-0001' });
    expect(paid.body).toMatchObject({ status: 'paid', reference: 'CZ2020-0001' });
    const twice = await t.http
      .post(`/api/subsidies/payments/${encodeURIComponent(paymentA)}/paid`)
      .set(czj.auth)
      .send({ reference: 'CZ2020-0002' });
    expect(twice.status).toBe(409);
    expect((await t.http.get('/api/subsidies/mine').set(liaisonA.auth)).body.items[0]).toMatchObject({
      paid: true,
    });
  });

  it('when a fact changes and the policy is rerun, then the diff shows it, A is flagged as already in the ledger, and publishing the new list pays nobody twice', async () => {
    const imp = await importFacts(t, rsj, 'roster', roster(2));
    expect(imp.body).toMatchObject({ imported: 20, replaced: 18 });
    const run = await runPolicy(t, rsj, 'hiring');
    expect(run.body.created).toBe(true);
    const diff = run.body.list.diff;
    expect(diff.againstListId).toBe(listId);
    expect(diff.changed).toEqual([
      expect.objectContaining({
        enterpriseId: firmA,
        beforeFen: 1_300_000,
        afterFen: 1_400_000,
        alreadyInLedger: true,
      }),
    ]);
    expect(diff).toMatchObject({ added: [], removed: [], unchanged: 1 });
    const next = run.body.list.id as string;
    await listAction(t, rsj, next, 'approve');
    await listAction(t, rsj, next, 'publish');
    const mine = await t.http.get('/api/subsidies/mine').set(liaisonA.auth);
    expect(mine.body.items).toHaveLength(1);
    expect(mine.body.items[0]).toMatchObject({
      listId: next,
      amountFen: 1_400_000,
      paid: true,
      headline: '您可享受 14,000 元，已拨付 13,000 元，差额待核定',
    });
    t.clock.set(new Date('2020-04-10T10:00:00+08:00'));
    const pay = await listAction(t, czj, next, 'payments');
    expect(pay.body).toMatchObject({ created: 0, alreadyInLedger: 2, items: [] });
    expect(
      await t.connection
        .db!.collection('subsidy_payments')
        .countDocuments({ enterpriseId: { $exists: true } }),
    ).toBe(2);
  });
});
