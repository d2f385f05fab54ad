import ExcelJS from 'exceljs';
import { startTestApp, textBody, type TestApp } from '../../test-support';
import { encodeGbk } from '../subsidies/testing/fixtures';
import { creditCode, signInAs, type Person } from './testing/fixtures';

let t: TestApp;
let admin: Person;
let steward: Person;

beforeAll(async () => {
  t = await startTestApp();
  admin = await signInAs(t, ['admin']);
  steward = await signInAs(t, ['steward']);
});
afterAll(() => t.close());

const HEADER = '企业名称,统一社会信用代码,所属行业,企业规模,行政区划代码,地址,职工人数';
const line = (n: number, name: string, headcount = 120) =>
  `${name},${creditCode(n)},"光学仪器,精密制造",规上,330281,余姚市阳明街道,${headcount}`;
const upload = (file: Buffer, filename: string, who = admin, query = '') =>
  t.http.post(`/api/enterprise-imports${query}`).set(who.auth).attach('file', file, filename);
const report = async (id: string) => {
  const res = await t.http
    .get(`/api/enterprise-imports/${id}/report`)
    .set(admin.auth)
    .buffer(true)
    .parse(textBody);
  return {
    status: res.status,
    type: res.headers['content-type'] as string,
    lines: (res.body as string).split('\r\n'),
  };
};
const enterprises = () => t.connection.db!.collection('enterprises');

describe('streamed registry import', () => {
  it('when a UTF-8 CSV with bad and repeated rows is uploaded, then good rows are created, each bad row is reported with its reason, and the report downloads (audited)', async () => {
    const csv = [
      '\ufeff' + HEADER,
      line(1, '余姚甲光电'),
      line(2, '余姚乙模具'),
      '余姚丙,12345,机械,规上,330281,,50',
      line(1, '余姚甲光电重复'),
      '',
    ].join('\r\n');
    const res = await upload(Buffer.from(csv, 'utf8'), '名录.csv');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'done',
      encoding: 'utf-8',
      totalRows: 4,
      created: 2,
      updated: 0,
      refused: 2,
    });
    const r = await report(res.body.id);
    expect(r.status).toBe(200);
    expect(r.type).toContain('text/csv');
    expect(r.lines[0]).toBe('\ufeff行号,统一社会信用代码,企业名称,结果,原因');
    expect(r.lines[1]).toBe(`2,${creditCode(1)},余姚甲光电,新增,`);
    expect(r.lines[3]).toMatch(/^4,12345,余姚丙,未导入,统一社会信用代码：/);
    expect(r.lines[4]).toContain('与第 2 行的统一社会信用代码重复');
    const actions = (await t.container.repos.audit.listForSubject('registry_import', res.body.id)).map(
      (a) => a.action,
    );
    expect(actions.sort()).toEqual(['enterprises.registry.import', 'enterprises.registry.report']);
    expect(await enterprises().countDocuments({ creditCode: creditCode(1) })).toBe(1);
  });

  it('when the same firms come again in a GBK CSV (Chinese Excel’s default), then the file is decoded and the firms are updated, not duplicated', async () => {
    const csv = [HEADER, line(1, '余姚甲光电', 300), line(2, '余姚乙模具', 310)].join('\r\n');
    const res = await upload(encodeGbk(csv), '名录-GBK.csv');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ encoding: 'gb18030', created: 0, updated: 2, refused: 0 });
    const firm = await enterprises().findOne({ creditCode: creditCode(1) });
    expect(firm).toMatchObject({ name: '余姚甲光电', headcount: 300, industry: '光学仪器,精密制造' });
    expect(await enterprises().countDocuments({ creditCode: { $in: [creditCode(1), creditCode(2)] } })).toBe(
      2,
    );
  });

  it('when an xlsx is uploaded, then its first sheet is read as it streams', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名录');
    ws.addRow(HEADER.split(','));
    ws.addRow(['余姚丁电器', creditCode(3), '家电', '规下', '330281', '', 45]);
    ws.addRow(['余姚戊', creditCode(4), '家电', '特大', '330281', '', 45]);
    const res = await upload(Buffer.from(await wb.xlsx.writeBuffer()), '名录.xlsx');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ format: 'xlsx', totalRows: 2, created: 1, refused: 1 });
    expect((await report(res.body.id)).lines[2]).toMatch(/^3,.*,余姚戊,未导入,企业规模：/);
  });

  it('when someone other than the command uploads, the file is not a sheet, a column is missing or the body is not multipart, then 403 / 400 / 415 and no firm is stored', async () => {
    const before = await enterprises().countDocuments();
    const csv = Buffer.from([HEADER, line(9, '余姚己')].join('\n'), 'utf8');
    expect((await upload(csv, 'a.csv', steward)).status).toBe(403);
    expect((await upload(csv, 'a.txt')).status).toBe(400);
    const noColumn = await upload(Buffer.from('企业名称,地址\n余姚庚,某街道', 'utf8'), 'b.csv');
    expect(noColumn.status).toBe(400);
    expect(noColumn.body.error.message).toContain('统一社会信用代码');
    const json = await t.http.post('/api/enterprise-imports').set(admin.auth);
    expect(json.status).toBe(415);
    expect((await t.http.get('/api/enterprise-imports/not-an-id').set(admin.auth)).status).toBe(400);
    expect(
      (await t.http.get(`/api/enterprise-imports/${'0'.repeat(24)}/report`).set(admin.auth)).status,
    ).toBe(404);
    expect(await enterprises().countDocuments()).toBe(before);
    const failed = (await t.http.get('/api/enterprise-imports').set(admin.auth)).body.items[0];
    expect(failed).toMatchObject({ filename: 'b.csv', status: 'failed' });
  });

  it('when a 27,800-firm file is uploaded in one go, then every row is created and reported (peak RSS printed)', async () => {
    const rows = [HEADER];
    for (let i = 0; i < 27_800; i += 1) rows.push(line(500_000 + i, `余姚批量企业${i}`, 50 + (i % 900)));
    const file = encodeGbk(rows.join('\r\n'));
    let peak = process.memoryUsage().rss;
    const start = peak;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 50);
    const res = await upload(file, '全市企业名录.csv');
    clearInterval(sampler);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ totalRows: 27_800, created: 27_800, refused: 0, status: 'done' });
    const r = await report(res.body.id);
    expect(r.lines.filter((l) => l.includes(',新增,'))).toHaveLength(27_800);
    // eslint-disable-next-line no-console -- the figure the report quotes
    console.log(
      `registry import 27,800 rows (${(file.length / 1024 / 1024).toFixed(1)} MB GBK): RSS ${(start / 1024 / 1024).toFixed(0)} MB → peak ${(peak / 1024 / 1024).toFixed(0)} MB`,
    );
  }, 600_000);
});
