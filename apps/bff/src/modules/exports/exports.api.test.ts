import ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { buildHandCountedCity, commandAuth } from '../dashboard/testing/fixture';

let t: TestApp;
let auth: { Authorization: string };
beforeAll(async () => {
  t = await startTestApp();
  await buildHandCountedCity(t);
  auth = await commandAuth(t);
});
afterAll(() => t.close());

const binary = (res: NodeJS.ReadableStream, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('daily report export', () => {
  it('when the command downloads the xlsx, then it has one sheet per figure group with Chinese headers and every enterprise', async () => {
    const res = await t.http
      .get('/api/dashboard/export')
      .query({ format: 'xlsx' })
      .set(auth)
      .buffer(true)
      .parse(binary as never);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(res.headers['content-disposition'])).toContain('复工日报-2027-03-02.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '复工复产',
      '返岗交通',
      '问题办理',
      '复工管家',
      '健康监测',
      '企业明细',
    ]);
    const overview = wb.getWorksheet('复工复产')!;
    expect(overview.getRow(2).values).toEqual([
      undefined,
      '企业总数',
      '已填报',
      '已复工',
      '复工率',
      '到岗人数',
      '职工总数',
      '返岗率',
    ]);
    expect(overview.getRow(3).values).toEqual([undefined, 4, 3, 3, '75.0%', 125, 170, '73.5%']);
    const detail = wb.getWorksheet('企业明细')!;
    expect(detail.rowCount).toBe(5);
    const e2 = detail.getRows(2, 4)!.find((r) => r.getCell(1).text === '余姚二号机械')!;
    expect([
      e2.getCell(3).text,
      e2.getCell(5).text,
      e2.getCell(6).text,
      e2.getCell(7).value,
      e2.getCell(10).text,
    ]).toEqual(['兰江街道', '规上企业', '已复工', 30, '2027-03-02']);
  });

  it('when the export is filtered to a town, then the enterprise sheet lists only that town’s firms', async () => {
    const res = await t.http
      .get('/api/dashboard/export')
      .query({ format: 'xlsx', region: '330281:阳明街道' })
      .set(auth)
      .buffer(true)
      .parse(binary as never);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    const names = wb
      .getWorksheet('企业明细')!
      .getRows(2, 10)!
      .map((r) => r.getCell(1).text)
      .filter(Boolean)
      .sort();
    expect(names).toEqual(['余姚一号光电', '余姚三号模塑']);
  });

  it('when the command downloads the CSV, then it is UTF-8 with a BOM, titled blocks, and one line per enterprise', async () => {
    const res = await t.http
      .get('/api/dashboard/export')
      .query({ format: 'csv' })
      .set(auth)
      .buffer(true)
      .parse(binary as never);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const text: string = res.body.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain(
      '【复工复产】按地区\r\n分组,企业数,已复工,复工率,到岗人数,职工总数,返岗率\r\n阳明街道,2,2,100.0%,95,120,79.2%',
    );
    const detail = text.slice(text.indexOf('【企业明细】')).trim().split('\r\n');
    expect(detail).toHaveLength(2 + 4);
    expect(detail.find((l) => l.startsWith('余姚四号模塑'))!.split(',')).toEqual([
      '余姚四号模塑',
      expect.stringMatching(/^91330281MA2F00004/),
      '凤山街道',
      '塑料制品',
      '规下企业',
      '未填报',
      '',
      '',
      '',
      '',
    ]);
  });
});
