import ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { createEnterprise, creditCode, signInAs, type Person } from '../enterprises/testing/fixtures';
import { csv, encodeGbk, idNumber, importFacts, runPolicy } from './testing/fixtures';

/** The referral, training and charter imports: the same checks and whole-period swap as the roster. */
let t: TestApp;
let rsj: Person;
let jtj: Person;
const agency = creditCode(730_001);
const firm = creditCode(730_002);
const other = creditCode(730_003);
let agencyId: string;
let firmId: string;

const PLACEMENTS = '职业介绍机构统一社会信用代码,机构类型,身份证号,人员类别,是否审核确认';
const TRAININGS = '统一社会信用代码,企业类别,身份证号,培训类型';
const CHARTERS = '统一社会信用代码,班次编号,始发地行政区划代码,身份证号';

beforeAll(async () => {
  // 贵州 (52) 200 元 a boarded passenger, 贵阳云岩区 (520103) 250 元.
  t = await startTestApp({ SUBSIDY_CHARTER_RATES: '52=200,520103=250' });
  const admin = await signInAs(t, ['admin']);
  agencyId = await createEnterprise(t, admin, { creditCode: agency });
  firmId = await createEnterprise(t, admin, { creditCode: firm });
  await createEnterprise(t, admin, { creditCode: other });
  rsj = await signInAs(t, ['officer'], { departmentId: 'rsj' });
  jtj = await signInAs(t, ['officer'], { departmentId: 'jtj' });
  t.clock.set(new Date('2020-03-16T09:00:00+08:00'));
});
afterAll(() => t.close());

const personRows = () => t.connection.db!.collection('subsidy_person_rows').countDocuments();
const detail = async (who: Person, listId: string) =>
  (await t.http.get(`/api/subsidies/lists/${listId}`).set(who.auth)).body;

describe('importing referral, training and charter facts', () => {
  it('when a placement list is imported, then 职业介绍补贴 counts verified skilled workers and graduates at 120 元', async () => {
    const res = await importFacts(
      t,
      rsj,
      'placements',
      csv(PLACEMENTS, [
        `${agency},公共就业服务机构,${idNumber(1)},技能型人才,是`,
        `${agency},公共就业服务机构,${idNumber(2)},院校毕业生,是`,
        `${agency},公共就业服务机构,${idNumber(3)},其他,是`,
        `${agency},公共就业服务机构,${idNumber(4)},技能型人才,否`,
      ]),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: 'placements', imported: 4, replaced: 0 });
    const run = await runPolicy(t, rsj, 'referral');
    expect(run.body.list).toMatchObject({ count: 1, totalFen: 24_000, version: 'referral-2020-v1' });
    const [line] = (await detail(rsj, run.body.list.id)).items;
    expect(line).toMatchObject({ enterpriseId: agencyId, reason: '介绍就业 2 人 × 120 元' });
  });

  it('when placement rows are bad, then each is reported and the earlier list stays', async () => {
    const res = await importFacts(
      t,
      rsj,
      'placements',
      csv(PLACEMENTS, [
        `${agency},公共就业服务机构,${idNumber(10)},技能型人才,是`,
        `${agency},经营性人力资源服务机构,${idNumber(11)},技能型人才,是`,
        `${agency},劳务中介,${idNumber(12)},技能型人才,是`,
        `${agency},公共就业服务机构,${idNumber(13)},厨师,是`,
      ]),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(res.body.error.details.map((d: { row: number; reason: string }) => [d.row, d.reason])).toEqual([
      [3, '机构类型与第 2 行不一致'],
      [4, '应填写“公共就业服务机构”、“经营性人力资源服务机构”、“未持证机构”之一'],
      [5, '应填写“技能型人才”、“院校毕业生”、“其他”之一'],
    ]);
    expect(await personRows()).toBe(4);
  });

  it('when a GBK training list mixes programmes, then each is paid at 300 元 with half of the apprenticeship part in advance', async () => {
    const res = await importFacts(
      t,
      rsj,
      'trainings',
      encodeGbk(
        csv(TRAININGS, [
          `${firm},三必需、一重要,${idNumber(20)},线上培训`,
          `${firm},三必需、一重要,${idNumber(21)},线上培训`,
          `${firm},重点企业,${idNumber(22)},新型学徒制`,
          `${other},,${idNumber(23)},线上培训`,
        ]),
      ),
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ encoding: 'gbk', imported: 4 });
    const run = await runPolicy(t, rsj, 'training');
    expect(run.body.list).toMatchObject({ count: 1, totalFen: 90_000 });
    const [line] = (await detail(rsj, run.body.list.id)).items;
    expect(line).toMatchObject({
      enterpriseId: firmId,
      reason: '培训 2 人 × 300 元；培训 1 人 × 300 元（先行预拨 150 元）',
    });
  });

  it('when a charter manifest comes as xlsx, then 包车补贴 pays each boarded passenger at the origin’s rate', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('上车名单');
    sheet.addRow(CHARTERS.split(','));
    sheet.addRow([firm, 'BC-001', '520103', idNumber(30)]);
    sheet.addRow([firm, 'BC-001', '520103', idNumber(31)]);
    sheet.addRow([firm, 'BC-002', '520602', idNumber(32)]);
    sheet.addRow([firm, 'BC-003', '430102', idNumber(33)]); // 湖南: no rate configured
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await importFacts(t, jtj, 'charters', data, { format: 'xlsx' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: 'charters', encoding: null, imported: 4 });
    const run = await runPolicy(t, jtj, 'charter');
    expect(run.body.list).toMatchObject({ count: 1, totalFen: 2 * 25_000 + 20_000 });
    const [line] = (await detail(jtj, run.body.list.id)).items;
    expect(line.reason).toBe('包车实际上车 2 人 × 250 元 + 1 人 × 200 元');
  });

  it('when a charter row names a division that does not exist or the same passenger twice, then the file is refused', async () => {
    const before = await personRows();
    const res = await importFacts(
      t,
      jtj,
      'charters',
      csv(CHARTERS, [
        `${firm},BC-009,529999,${idNumber(40)}`,
        `${firm},BC-010,520103,${idNumber(41)}`,
        `${firm},BC-010,520103,${idNumber(41)}`,
      ]),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { row: number; reason: string }) => [d.row, d.reason])).toEqual([
      [2, '不是有效的行政区划代码'],
      [4, '与第 3 行重复'],
    ]);
    expect(await personRows()).toBe(before);
  });

  it('when 人社局 imports a charter list or 交通局 a training list, then the other department’s data is refused and nothing is written', async () => {
    const before = await personRows();
    const charters = await importFacts(
      t,
      rsj,
      'charters',
      csv(CHARTERS, [`${firm},BC-1,520103,${idNumber(50)}`]),
    );
    expect(charters.status).toBe(404);
    const trainings = await importFacts(
      t,
      jtj,
      'trainings',
      csv(TRAININGS, [`${firm},重点企业,${idNumber(51)},线上培训`]),
    );
    expect(trainings.status).toBe(404);
    expect(trainings.body.error.code).toBe('NOT_FOUND');
    expect(await personRows()).toBe(before);
  });
});
