import ExcelJS from 'exceljs';
import { startTestApp, signInByPhone, type TestApp } from '../../test-support/test-app';
import { creditCode, createEnterprise, nextPhone, signInAs, type Person } from './testing/fixtures';

let t: TestApp;
let admin: Person;

beforeAll(async () => {
  t = await startTestApp();
  admin = await signInAs(t, ['admin']);
});
afterAll(() => t.close());

const count = () => t.connection.db!.collection('enterprises').countDocuments();
const firm = (n: number, over: Record<string, unknown> = {}) => ({
  name: `宁波测试光电${n}`,
  creditCode: creditCode(n),
  industry: '光学仪器',
  size: 'above',
  regionCode: '330281',
  address: '余姚市',
  headcount: 120,
  ...over,
});

describe('enterprise registry', () => {
  it('when an admin registers a firm, then it is stored with the normalised credit code', async () => {
    const code = creditCode(1);
    const res = await t.http
      .post('/api/enterprises')
      .set(admin.auth)
      .send(firm(1, { creditCode: ` ${code.toLowerCase()} ` }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ creditCode: code, size: 'above', regionCode: '330281' });
  });

  it('when the credit code fails its checksum, then 400 names creditCode and nothing is written', async () => {
    const before = await count();
    const bad = creditCode(2).slice(0, 17) + (creditCode(2).endsWith('0') ? '1' : '0');
    const res = await t.http
      .post('/api/enterprises')
      .set(admin.auth)
      .send(firm(2, { creditCode: bad }));
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({ path: 'creditCode' });
    expect(res.body.error.details[0].message).toContain('校验位');
    expect(await count()).toBe(before);
  });

  it('when the same credit code is registered twice, then the second is a 409 CONFLICT on creditCode', async () => {
    await t.http.post('/api/enterprises').set(admin.auth).send(firm(3));
    const res = await t.http
      .post('/api/enterprises')
      .set(admin.auth)
      .send(firm(3, { name: '另一个名字' }));
    expect(res.status).toBe(409);
    expect(res.body.error.details[0].path).toBe('creditCode');
  });

  it('when a liaison tries to register or list firms, then 403', async () => {
    const liaison = await signInAs(t, ['liaison']);
    expect((await t.http.post('/api/enterprises').set(liaison.auth).send(firm(4))).status).toBe(403);
    expect((await t.http.get('/api/enterprises').set(liaison.auth)).status).toBe(403);
  });
});

describe('liaison binding by invite code', () => {
  it("when a worker enters a valid invite code, then they become that firm's liaison and see its overview, but not another firm", async () => {
    const mine = await createEnterprise(t, admin);
    const other = await createEnterprise(t, admin);
    const invite = await t.http.post(`/api/enterprises/${mine}/invite-code`).set(admin.auth);
    expect(invite.body.inviteCode).toMatch(/^[A-Z0-9]{8}$/);
    const phone = nextPhone();
    const s = await signInByPhone(t, phone);
    const bound = await t.http
      .post('/api/enterprises/bind')
      .set('Authorization', `Bearer ${s.token}`)
      .send({ inviteCode: invite.body.inviteCode.toLowerCase() });
    expect(bound.status).toBe(200);
    expect(bound.body).toMatchObject({ enterprise: { id: mine }, refreshSession: true });
    const refreshed = await t.http.post('/api/auth/refresh').send({ refreshToken: s.refreshToken });
    expect(refreshed.body.user).toMatchObject({
      enterpriseId: mine,
      roles: expect.arrayContaining(['liaison']),
    });
    const auth = { Authorization: `Bearer ${refreshed.body.token}` };
    const overview = await t.http.get(`/api/enterprises/${mine}/overview`).set(auth);
    expect(overview.status).toBe(200);
    expect(overview.body).toMatchObject({
      enterprise: { id: mine },
      openIssues: 0,
      todayReported: false,
      stewardName: null,
    });
    expect((await t.http.get(`/api/enterprises/${other}`).set(auth)).status).toBe(403);
    expect((await t.http.get(`/api/enterprises/${other}/overview`).set(auth)).status).toBe(403);

    const otherInvite = await t.http.post(`/api/enterprises/${other}/invite-code`).set(admin.auth);
    const rebind = await t.http
      .post('/api/enterprises/bind')
      .set(auth)
      .send({ inviteCode: otherInvite.body.inviteCode });
    expect(rebind.status).toBe(409);
  });

  it('when the code is wrong or was replaced by a new one, then 404 INVITE_CODE_INVALID', async () => {
    const id = await createEnterprise(t, admin);
    const first = (await t.http.post(`/api/enterprises/${id}/invite-code`).set(admin.auth)).body.inviteCode;
    await t.http.post(`/api/enterprises/${id}/invite-code`).set(admin.auth);
    const worker = await signInAs(t, ['worker']);
    const res = await t.http.post('/api/enterprises/bind').set(worker.auth).send({ inviteCode: first });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('INVITE_CODE_INVALID');
    expect(
      (await t.http.post('/api/enterprises/bind').set(worker.auth).send({ inviteCode: '12' })).status,
    ).toBe(400);
  });
});

describe('bulk import', () => {
  const csv = (rows: string[]) =>
    Buffer.from(
      ['企业名称,统一社会信用代码,所属行业,企业规模,行政区划代码,地址,职工人数', ...rows].join('\r\n'),
    ).toString('base64');

  it('when a CSV has good and bad rows, then good rows are stored and each bad row is reported with its row number, field and reason', async () => {
    const res = await t.http
      .post('/api/enterprises/import')
      .set(admin.auth)
      .send({
        format: 'csv',
        dataBase64: csv([
          `余姚甲厂,${creditCode(201)},塑料制品,规上,330281,"余姚市, 兰江街道",450`,
          `余姚乙厂,${creditCode(202).slice(0, 17)}X,模具,规下,330281,,30`,
          `余姚丙厂,${creditCode(203)},模具,中型,330281,,30`,
          `余姚丁厂,${creditCode(201)},塑料制品,规上,330281,,450`,
          `,${creditCode(204)},模具,规下,330281,,8`,
          `余姚戊厂,${creditCode(205)},家电,规下,330281,,abc`,
        ]),
      });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ totalRows: 6, inserted: 1, updated: 0 });
    expect(res.body.rejected).toEqual([
      { row: 3, field: '统一社会信用代码', reason: expect.stringContaining('校验位') },
      { row: 4, field: '企业规模', reason: '企业规模应为 规上 或 规下' },
      { row: 5, field: '统一社会信用代码', reason: '与第 2 行的统一社会信用代码重复' },
      { row: 6, field: '企业名称', reason: '不能为空' },
      { row: 7, field: '职工人数', reason: '职工人数应为数字' },
    ]);
    const stored = await t.connection.db!.collection('enterprises').findOne({ creditCode: creditCode(201) });
    expect(stored).toMatchObject({ name: '余姚甲厂', address: '余姚市, 兰江街道', headcount: 450 });
  });

  it('when the same firms are imported again from xlsx with changed headcounts, then they are updated, never duplicated', async () => {
    const build = async (headcount: number) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('企业名单');
      ws.addRow(['企业名称', '统一社会信用代码', '所属行业', '企业规模', '行政区划代码', '职工人数']);
      ws.addRow(['余姚己厂', creditCode(301), '电机', '规上', '330281', headcount]);
      ws.addRow(['余姚庚厂', creditCode(302), '电机', '规下', '330281', headcount + 1]);
      return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    };
    const first = await t.http
      .post('/api/enterprises/import')
      .set(admin.auth)
      .send({ format: 'xlsx', dataBase64: await build(100) });
    expect(first.body).toMatchObject({ totalRows: 2, inserted: 2, updated: 0, rejected: [] });
    const before = await count();
    const second = await t.http
      .post('/api/enterprises/import')
      .set(admin.auth)
      .send({ format: 'xlsx', dataBase64: await build(150) });
    expect(second.body).toMatchObject({ totalRows: 2, inserted: 0, updated: 2, rejected: [] });
    expect(await count()).toBe(before);
    expect(
      await t.connection.db!.collection('enterprises').findOne({ creditCode: creditCode(302) }),
    ).toMatchObject({ headcount: 151, size: 'below' });
  });

  it('when a required column is missing or the file is not a spreadsheet, then 400 and nothing is written', async () => {
    const before = await count();
    const noCode = Buffer.from('企业名称,所属行业\n甲,乙').toString('base64');
    const res = await t.http
      .post('/api/enterprises/import')
      .set(admin.auth)
      .send({ format: 'csv', dataBase64: noCode });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('统一社会信用代码');
    expect(
      (
        await t.http
          .post('/api/enterprises/import')
          .set(admin.auth)
          .send({ format: 'xlsx', dataBase64: Buffer.from('not a zip').toString('base64') })
      ).status,
    ).toBe(400);
    expect(await count()).toBe(before);
  });
});
