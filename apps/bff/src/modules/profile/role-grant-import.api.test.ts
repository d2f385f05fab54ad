import ExcelJS from 'exceljs';
import { Types } from 'mongoose';
import {
  createEnterprise,
  creditCode,
  encodeGbk,
  person,
  startTestApp,
  textBody,
  type Person,
  type TestApp,
} from '../../test-support';

/** The firm a liaison row names by its 统一社会信用代码. */
const firmCode = creditCode(770_001);
let t: TestApp;
let admin: Person;
let firmId: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await person(t, ['admin']);
  firmId = await createEnterprise(t, admin, { creditCode: firmCode });
});
afterAll(() => t.close());

const HEADER = '手机号,角色,范围,备注';
const csv = (...lines: string[]) => Buffer.from(['\ufeff' + HEADER, ...lines].join('\r\n'), 'utf8');
const upload = (file: Buffer, filename = '授权.csv', who = admin) =>
  t.http.post('/api/admin/role-grant-imports').set(who.auth).attach('file', file, filename);
const users = () => t.connection.db!.collection('users');
const rolesOf = async (p: Person) => (await t.container.repos.users.findById(p.id))!.roles;
const grantAudits = async (p: Person) =>
  (await t.container.repos.audit.listForSubject('user', p.id)).filter((a) => a.action === 'roles.grant');
const idOf = (p: Person) => new Types.ObjectId(p.id);
const masked = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;

describe('批量授权 (bulk grant from a sheet)', () => {
  it('when the command uploads stewards, an officer and a liaison, then each is granted with its scope, audited like a single grant, and phones come back masked', async () => {
    const [a, b, c, d] = [await person(t), await person(t), await person(t), await person(t)];
    const res = await upload(
      csv(
        `${a.phone},复工管家,,阳明街道`,
        `${b.phone},steward,,`,
        `${c.phone},部门办理人,人社局,`,
        `${d.phone},企业联络员,${firmCode},`,
      ),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ totalRows: 4, granted: 4, already: 0, refused: 0, encoding: 'utf-8' });
    expect(res.body.rows[0]).toEqual({
      row: 2,
      phoneMasked: masked(a.phone),
      role: '复工管家',
      scope: '',
      outcome: 'granted',
      reason: '',
    });
    expect(JSON.stringify(res.body)).not.toContain(a.phone);
    expect(await rolesOf(a)).toEqual(['worker', 'steward']);
    expect(await rolesOf(b)).toEqual(['worker', 'steward']);
    expect(await users().findOne({ roles: 'officer', _id: idOf(c) })).toMatchObject({ departmentId: 'rsj' });
    const liaison = await t.container.repos.users.findById(d.id);
    expect(liaison!.roles).toContain('liaison');
    expect(String(liaison!.enterpriseId)).toBe(firmId);

    const audits = await grantAudits(a);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorId: admin.id,
      subjectType: 'user',
      fields: ['worker', 'steward'],
    });
    const sheetAudit = await t.container.repos.audit.listForSubject('role_grant_import', res.body.id);
    expect(sheetAudit.map((e) => e.action)).toEqual(['roles.grant.sheet']);
  });

  it('when the same sheet is uploaded again, then nothing changes, every row reports 已有 and no grant is audited twice', async () => {
    const a = await person(t);
    const sheet = csv(`${a.phone},复工管家,,`);
    expect((await upload(sheet)).body).toMatchObject({ granted: 1, already: 0 });
    const before = await users().findOne({ _id: idOf(a) });
    const again = await upload(sheet);
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ granted: 0, already: 1, refused: 0 });
    expect(again.body.rows[0].outcome).toBe('already');
    expect(await users().findOne({ _id: idOf(a) })).toEqual(before);
    expect(await grantAudits(a)).toHaveLength(1);
  });

  it('when rows are bad, then each is refused with its Chinese reason and only the good rows are applied', async () => {
    const [a, officer, worker] = [await person(t), await person(t, ['officer']), await person(t)];
    await users().updateOne({ _id: idOf(officer) }, { $set: { departmentId: 'jtj' } });
    const res = await upload(
      csv(
        `1380013800,复工管家,,`, // 10 digits
        `${a.phone},管家长,,`, // no such role
        `${a.phone},部门办理人,,`, // an officer without a department
        `${a.phone},部门办理人,环保局,`, // no such department
        `${a.phone},企业联络员,${creditCode(770_999)},`, // a firm not in the registry
        `${a.phone},复工管家,人社局,`, // a steward takes no scope
        `${a.phone},指挥部,,`, // the command is never granted from a sheet
        `13912345678,复工管家,,`, // no account for this phone
        `${admin.phone},复工管家,,`, // the uploader themself
        `${officer.phone},部门办理人,人社局,`, // already an officer of 交通局
        `${worker.phone},交通专班,,`,
        `${worker.phone},transport,,重复`, // the same phone and role again
      ),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ totalRows: 12, granted: 1, already: 0, refused: 11 });
    const reasons = res.body.rows.map((r: { reason: string }) => r.reason);
    expect(reasons[0]).toBe('手机号：请输入 11 位手机号');
    expect(reasons[1]).toBe('角色：未知角色“管家长”');
    expect(reasons[2]).toBe('范围：部门办理人须填写所属部门');
    expect(reasons[3]).toBe('范围：未知部门“环保局”');
    expect(reasons[4]).toBe('企业名录中没有该统一社会信用代码的企业');
    expect(reasons[5]).toBe('范围：复工管家无需填写范围');
    expect(reasons[6]).toBe('角色：指挥部角色不能批量授予，请在人员与角色逐一授予');
    expect(reasons[7]).toBe('该手机号还没有复工通账号，请本人先登录一次');
    expect(reasons[8]).toBe('不能通过表格修改自己的角色');
    expect(reasons[9]).toBe('已是交通局的部门办理人，如需调整请在人员与角色修改');
    expect(res.body.rows[10].outcome).toBe('granted');
    expect(reasons[11]).toBe('与第 12 行重复（同一手机号、同一角色）');
    expect(await rolesOf(a)).toEqual(['worker']);
    expect(await rolesOf(admin)).toEqual(['admin']);
    expect(await users().findOne({ _id: idOf(officer) })).toMatchObject({ departmentId: 'jtj' });
    expect(await grantAudits(a)).toHaveLength(0);
    expect(await grantAudits(officer)).toHaveLength(0);
  });

  it('when Chinese Excel saved the sheet as GBK CSV, then it is decoded and applied', async () => {
    const a = await person(t);
    const res = await upload(
      encodeGbk([HEADER, `${a.phone},复工管家,,阳明街道`].join('\r\n')),
      '授权-GBK.csv',
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ encoding: 'gb18030', granted: 1 });
    expect(await rolesOf(a)).toContain('steward');
  });

  it('when the sheet is an xlsx whose phone cells are numbers, then it is read like the CSV', async () => {
    const a = await person(t);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('授权');
    ws.addRow(['手机号', '角色', '范围', '备注']);
    ws.addRow([Number(a.phone), '部门办理人', 'rsj', '']);
    const res = await upload(Buffer.from(await wb.xlsx.writeBuffer()), '授权.xlsx');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ format: 'xlsx', granted: 1 });
    expect(await users().findOne({ _id: idOf(a) })).toMatchObject({ departmentId: 'rsj' });
  });

  it('when the per-row report is downloaded, then it is a UTF-8 CSV with BOM, phones masked, and the download is audited', async () => {
    const a = await person(t);
    const up = await upload(csv(`${a.phone},复工管家,,`, `12,复工管家,,`));
    const res = await t.http
      .get(`/api/admin/role-grant-imports/${up.body.id}/report`)
      .set(admin.auth)
      .buffer(true)
      .parse(textBody);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = (res.body as string).split('\r\n');
    expect(lines[0]).toBe('\ufeff行号,手机号,角色,范围,结果,原因');
    expect(lines[1]).toBe(`2,${masked(a.phone)},复工管家,,已授权,`);
    expect(lines[2]).toMatch(/^3,\*\*,复工管家,,未授权,手机号：/);
    expect(res.body).not.toContain(a.phone);
    const actions = (await t.container.repos.audit.listForSubject('role_grant_import', up.body.id)).map(
      (e) => e.action,
    );
    expect(actions.sort()).toEqual(['roles.grant.report', 'roles.grant.sheet']);
  });

  it('when someone other than the command uploads or downloads, then it is a 403 and nothing is granted', async () => {
    const target = await person(t);
    const sheet = csv(`${target.phone},复工管家,,`);
    const officer = await person(t, ['officer']);
    const liaison = await person(t, ['liaison']);
    const steward = await person(t, ['steward']);
    for (const who of [officer, liaison, steward]) {
      const res = await upload(sheet, '授权.csv', who);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
    const up = await upload(csv(`12,复工管家,,`));
    expect(
      (await t.http.get(`/api/admin/role-grant-imports/${up.body.id}/report`).set(steward.auth)).status,
    ).toBe(403);
    expect(await rolesOf(target)).toEqual(['worker']);
  });

  it('when the file is of a wrong type, has no phone column, or is over 5,000 rows, then it is a 4xx in Chinese and nothing is granted', async () => {
    const a = await person(t);
    const wrongType = await upload(csv(`${a.phone},复工管家,,`), '授权.txt');
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.message).toBe('请上传 .xlsx 或 .csv 文件');
    const noPhone = await upload(Buffer.from(`姓名,角色\r\n张三,复工管家`, 'utf8'));
    expect(noPhone.status).toBe(400);
    expect(noPhone.body.error.message).toContain('缺少列：手机号');
    const rows = Array.from({ length: 5001 }, (_, i) => `139${String(i).padStart(8, '0')},复工管家,,`);
    const tooMany = await upload(csv(`${a.phone},复工管家,,`, ...rows));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toBe('表格超过 5000 行，请分批上传');
    expect(await rolesOf(a)).toEqual(['worker']);
    expect(await grantAudits(a)).toHaveLength(0);
  });
});
