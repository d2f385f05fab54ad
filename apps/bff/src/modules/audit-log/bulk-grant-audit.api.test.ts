import { person, startTestApp, textBody, type Person, type TestApp } from '../../test-support';

/**
 * An auditor reading the log for 批量授权: the sheet, each grant it made and the report's
 * download are found under the kinds one would ask for, named in Chinese.
 */
let t: TestApp;
let admin: Person;
let newcomer: Person;

const TODAY = '2027-03-01';
type Entry = { action: string; actionLabel: string };

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(new Date(`${TODAY}T09:00:00+08:00`));
  admin = await person(t, ['admin']);
  newcomer = await person(t);
  const sheet = Buffer.from(`\ufeff手机号,角色,范围,备注\r\n${newcomer.phone},复工管家,,\r\n`, 'utf8');
  const up = await t.http
    .post('/api/admin/role-grant-imports')
    .set(admin.auth)
    .attach('file', sheet, '管家名单.csv');
  expect(up.status).toBe(201);
  expect(up.body.granted).toBe(1);
  const report = await t.http.get(`/api/admin/role-grant-imports/${up.body.id}/report`).set(admin.auth);
  expect(report.status).toBe(200);
});
afterAll(() => t.close());

const entries = async (kind: string): Promise<Entry[]> => {
  const res = await t.http.get('/api/audit-log').query({ from: TODAY, to: TODAY, kind }).set(admin.auth);
  expect(res.status).toBe(200);
  return res.body.items.map((e: Entry) => ({ action: e.action, actionLabel: e.actionLabel }));
};

describe('批量授权 in the audit log', () => {
  it('when the auditor filters 角色授权, then the sheet and the grant it made both show, in Chinese', async () => {
    expect(await entries('role_grant')).toEqual(
      expect.arrayContaining([
        { action: 'roles.grant', actionLabel: '授予或撤销角色' },
        { action: 'roles.grant.sheet', actionLabel: '批量授权（上传表格）' },
      ]),
    );
  });

  it('when the auditor filters 导入 or 导出, then the sheet is an import and the report download an export', async () => {
    expect(await entries('import')).toEqual([
      { action: 'roles.grant.sheet', actionLabel: '批量授权（上传表格）' },
    ]);
    expect(await entries('export')).toEqual([
      { action: 'roles.grant.report', actionLabel: '下载批量授权报告' },
    ]);
  });

  it('when the 角色授权 entries are exported, then the CSV names the sheet upload too', async () => {
    const res = await t.http
      .get('/api/audit-log/export')
      .query({ from: TODAY, to: TODAY, kind: 'role_grant' })
      .set(admin.auth)
      .buffer(true)
      .parse(textBody);
    expect(res.status).toBe(200);
    const rows = (res.body as string).trim().split('\r\n').slice(1);
    expect(rows.filter((r) => r.includes('批量授权（上传表格）'))).toHaveLength(1);
    expect(rows.filter((r) => r.includes('授予或撤销角色'))).toHaveLength(1);
  });
});
