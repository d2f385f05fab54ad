import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { person, type Person } from '../bookings/test/fixtures';
import { assign, signInAs } from '../enterprises/testing/fixtures';
import { seekerBody, vacancyBody } from './testing/fixtures';

let t: TestApp;
let rsj: { id: string; auth: Record<string, string> };
let above: Person;
let below: Person;
let keyBelow: Person & { firmId: string };
let seeker: Person;

/** A registry firm of the given size, with its liaison. */
async function firm(name: string, size: 'above' | 'below'): Promise<Person & { firmId: string }> {
  const e = await t.container.repos.enterprises.create({
    name,
    creditCode: `91330281${randomBytes(5).toString('hex').toUpperCase()}`,
    industry: '制造业',
    size,
    regionCode: '330281',
    address: '余姚市',
    headcount: 300,
  });
  return { ...(await person(t, ['liaison'], e.id)), firmId: e.id };
}
const post = async (who: Person, headcount: number) => {
  const r = await t.http.post('/api/labour/vacancies').set(who.auth).send(vacancyBody({ headcount }));
  if (r.status !== 201) throw new Error(JSON.stringify(r.body));
  return r.body.id as string;
};
const binary = (res: NodeJS.ReadableStream, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
const rowsOf = (ws: ExcelJS.Worksheet) => {
  const rows: unknown[][] = [];
  ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
};

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(new Date('2026-03-06T10:00:00+08:00'));
  rsj = await signInAs(t, ['officer'], { departmentId: 'rsj' });
  above = await firm('余姚舜宇光学', 'above');
  below = await firm('余姚小五金厂', 'below');
  keyBelow = await firm('余姚模具城', 'below');
  // A 复工管家 stationed at 余姚模具城 makes it a 重点企业 (seed 002 §七).
  const admin = await person(t, ['admin']);
  const steward = await person(t, ['steward']);
  await assign(t, admin, keyBelow.firmId, steward.id);
  await post(above, 10);
  await post(below, 6);
  const v = await post(keyBelow, 6);
  seeker = await person(t, ['worker']);
  await t.http.put('/api/labour/seeker').set(seeker.auth).send(seekerBody());
  await t.http.post('/api/labour/applications').set(seeker.auth).send({ vacancyId: v });
}, 90_000);
afterAll(() => t.close());

describe('用工缺口 by firm size and 重点企业', () => {
  it('when 人社局 opens the figures, then vacancies are grouped 规上/规下 and the key firm leads its equals in the shortage ranking', async () => {
    const r = await t.http.get('/api/labour/figures').set(rsj.auth);
    expect(r.status).toBe(200);
    expect(r.body.bySize).toEqual([
      { size: 'above', firms: 1, open: 1, headcount: 10, filled: 0 },
      { size: 'below', firms: 2, open: 2, headcount: 12, filled: 0 },
    ]);
    expect(r.body.keyFirms).toEqual({ firms: 1, lacking: 1, gap: 6 });
    expect(
      r.body.shortage.map((s: { enterpriseName: string; key: boolean }) => [s.enterpriseName, s.key]),
    ).toEqual([
      ['余姚舜宇光学', false],
      ['余姚模具城', true],
      ['余姚小五金厂', false],
    ]);
  }, 60_000);
});

describe('用工缺口 export', () => {
  it('when 人社局 downloads it, then the workbook has the groupings with Chinese headers, no seeker’s details, and the download is audited', async () => {
    const res = await t.http
      .get('/api/labour/figures/export')
      .set(rsj.auth)
      .buffer(true)
      .parse(binary as never);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(res.headers['content-disposition'])).toContain('用工缺口-2026-03-06.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['总体', '按地区', '按行业', '按规模', '缺工企业']);
    expect(rowsOf(wb.getWorksheet('按地区')!)[1]).toEqual(['余姚市', '330281', 3, 22, 0, 22, 1]);
    expect(rowsOf(wb.getWorksheet('按规模')!).slice(1, 3)).toEqual([
      ['规上', 1, 1, 10, 0],
      ['规下', 2, 2, 12, 0],
    ]);
    expect(rowsOf(wb.getWorksheet('缺工企业')!)[2]).toEqual([2, '余姚模具城', '规下', '是', '制造业', 6]);
    const text = JSON.stringify(wb.worksheets.map(rowsOf));
    expect(text).not.toContain(seeker.phone);
    expect(text).not.toContain('李春燕');
    const audit = await t.container.repos.audit.listForSubject('labour_figures', '2026-03-06');
    expect(audit).toEqual([expect.objectContaining({ action: 'labour.figures.export', actorId: rsj.id })]);
  }, 60_000);

  it('when another department or a liaison asks for the download, then 403 and nothing is audited', async () => {
    const jtj = await signInAs(t, ['officer'], { departmentId: 'jtj' });
    expect((await t.http.get('/api/labour/figures/export').set(jtj.auth)).status).toBe(403);
    expect((await t.http.get('/api/labour/figures/export').set(above.auth)).status).toBe(403);
    const audit = await t.container.repos.audit.listForSubject('labour_figures', '2026-03-06');
    expect(audit.filter((a) => a.actorId !== rsj.id)).toEqual([]);
  }, 60_000);
});
