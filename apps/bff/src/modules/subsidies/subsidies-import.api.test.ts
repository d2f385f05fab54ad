import { startTestApp, type TestApp } from '../../test-support/test-app';
import { createEnterprise, creditCode, signInAs, type Person } from '../enterprises/testing/fixtures';
import {
  csv,
  encodeGbk,
  hires,
  idNumber,
  importFacts,
  PREMIUM_HEADER,
  ROSTER_HEADER,
  runPolicy,
} from './testing/fixtures';

let t: TestApp;
let rsj: Person;
const codeA = creditCode(720_001);
const codeB = creditCode(720_002);
const codeC = creditCode(720_003);
let firmA: string;
let firmB: string;

beforeAll(async () => {
  t = await startTestApp();
  const admin = await signInAs(t, ['admin']);
  firmA = await createEnterprise(t, admin, { creditCode: codeA });
  firmB = await createEnterprise(t, admin, { creditCode: codeB });
  await createEnterprise(t, admin, { creditCode: codeC });
  rsj = await signInAs(t, ['officer'], { departmentId: 'rsj' });
  t.clock.set(new Date('2020-03-16T09:00:00+08:00'));
});
afterAll(() => t.close());

const rosterRows = () => t.connection.db!.collection('subsidy_roster_rows').countDocuments();

describe('importing subsidy facts', () => {
  it('when a roster has bad rows, then every one is reported with its row and field, and nothing is imported', async () => {
    const good = await importFacts(t, rsj, 'roster', csv(ROSTER_HEADER, hires(codeA, 4)));
    expect(good.status).toBe(200);
    const bad = csv(ROSTER_HEADER, [
      ...hires(codeA, 2, 50),
      `${codeA},110101199003074512,2020-02-15,2020-02-15,2021-02-14,是`, // wrong check digit
      `${codeA},${idNumber(60)},2020-02-31,2020-02-15,2021-02-14,是`,
      `${codeA},${idNumber(61)},2020-02-15,2020-02-15,2020-01-01,是`,
      `${codeA},${idNumber(62)},2020-02-15,2020-02-15,,也许`,
      `91330281MA00000000,${idNumber(63)},2020-02-15,2020-02-15,,是`,
      `${creditCode(729_999)},${idNumber(64)},2020-02-15,2020-02-15,,是`,
      `${codeA},${idNumber(50)},2020-02-16,2020-02-16,,是`, // the same person twice
    ]);
    const res = await importFacts(t, rsj, 'roster', bad);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('有 7 行数据有误，本次未导入任何数据，请修改后重新导入');
    const rows = res.body.error.details.map((d: { row: number; field: string; reason: string }) => [
      d.row,
      d.field,
      d.reason,
    ]);
    expect(rows).toEqual([
      [4, '身份证号', '身份证号码不正确（校验位不符）'],
      [5, '入职日期', '不是有效的日期'],
      [6, '劳动合同终止日期', '劳动合同终止日期早于起始日期'],
      [7, '是否参保', '应填写“是”或“否”'],
      [8, '统一社会信用代码', '统一社会信用代码不正确（校验位不符）'],
      [9, '统一社会信用代码', '企业库中没有该统一社会信用代码'],
      [10, '统一社会信用代码', '与第 2 行重复'],
    ]);
    expect(await rosterRows()).toBe(4);
    const run = await runPolicy(t, rsj, 'hiring');
    expect(run.body.list).toMatchObject({ count: 1, totalFen: 400_000 });
  });

  it('when a column is missing or the file is empty, then 400 names it and nothing changes', async () => {
    const res = await importFacts(t, rsj, 'roster', '统一社会信用代码,身份证号\r\n');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('缺少列：入职日期、劳动合同起始日期、是否参保');
    expect((await importFacts(t, rsj, 'roster', '\r\n')).body.error.message).toBe('文件是空的');
    expect(await rosterRows()).toBe(4);
  });

  it('when Excel on Chinese Windows saved the CSV in GBK, then it is detected and read; the re-import replaces the period', async () => {
    const res = await importFacts(t, rsj, 'roster', encodeGbk(csv(ROSTER_HEADER, hires(codeB, 7, 400))));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ encoding: 'gbk', imported: 7, replaced: 4 });
    expect(await rosterRows()).toBe(7);
    const run = await runPolicy(t, rsj, 'hiring');
    expect(run.body).toMatchObject({ created: true, list: { count: 1, totalFen: 700_000 } });
  });

  it('when premiums are imported, then the 稳岗返还 run refunds half to SMEs within 5.5 % or 20 % (≤ 30 staff) and no one else', async () => {
    const res = await importFacts(
      t,
      rsj,
      'premiums',
      csv(PREMIUM_HEADER, [
        `${codeA},是,200,11,"40,000.00"`,
        `${codeB},是,30,6,9000.5`,
        `${codeC},是,31,2,8000`,
      ]),
    );
    expect(res.status).toBe(200);
    const run = await runPolicy(t, rsj, 'uiRefund');
    expect(run.body.list).toMatchObject({
      count: 2,
      totalFen: 2_000_000 + 450_025,
      version: 'ui-refund-2020-v1',
    });
    const detail = await t.http.get(`/api/subsidies/lists/${run.body.list.id}`).set(rsj.auth);
    const a = detail.body.items.find((i: { enterpriseId: string }) => i.enterpriseId === firmA);
    expect(a.reason).toBe(
      '上年度实缴失业保险费 40,000 元 × 50%（裁员 11 人 ÷ 上年初参保 200 人 = 5.5%，不高于 5.5%）',
    );
    expect(detail.body.items.map((i: { enterpriseId: string }) => i.enterpriseId).sort()).toEqual(
      [firmA, firmB].sort(),
    );
  });

  it('when a policy whose data was not imported for the period is run, then 422 names the missing list', async () => {
    const res = await runPolicy(t, rsj, 'training');
    expect(res.status).toBe(422);
    expect(res.body.error.message).toBe('尚未导入 2020 年的线上培训参训人员名单');
  });
});
