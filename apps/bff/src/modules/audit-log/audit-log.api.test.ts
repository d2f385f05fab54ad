import { startTestApp, type TestApp } from '../../test-support/test-app';
import { createEnterprise, signInAs, type Person } from '../enterprises/testing/fixtures';

let t: TestApp;
let admin: Person;
let steward: Person;
let person: Person;
let firm: string;

const TODAY = '2027-03-01';
const phoneOf = async (p: Person) => {
  const u = await t.container.repos.users.findById(p.id);
  return t.container.pii.decrypt(u!.phoneEnc!);
};

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(new Date(`${TODAY}T09:00:00+08:00`));
  admin = await signInAs(t, ['admin'], { name: '周敏' });
  steward = await signInAs(t, ['steward'], { name: '王立新' });
  person = await signInAs(t, ['worker'], { name: '张建国' });
  firm = await createEnterprise(t, admin);
  // A role grant, a full read of a person's data and a steward assignment, all by the command.
  const grant = await t.http
    .put(`/api/admin/users/${person.id}/roles`)
    .set(admin.auth)
    .send({ roles: ['worker', 'steward'], enterpriseId: null, departmentId: null });
  expect(grant.status).toBe(200);
  expect((await t.http.get(`/api/admin/users/${person.id}/full`).set(admin.auth)).status).toBe(200);
  const assigned = await t.http
    .post('/api/steward-assignments')
    .set(admin.auth)
    .send({ enterpriseId: firm, stewardId: steward.id });
  expect(assigned.status).toBe(201);
});
afterAll(() => t.close());

const list = (query: Record<string, string | number>, who = admin) =>
  t.http
    .get('/api/audit-log')
    .query({ from: TODAY, to: TODAY, ...query })
    .set(who.auth);
const exportCsv = (query: Record<string, string>, who = admin) =>
  t.http
    .get('/api/audit-log/export')
    .query({ from: TODAY, to: TODAY, ...query })
    .set(who.auth)
    .buffer(true)
    .parse((res, cb) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => cb(null, text));
    });

describe('the audit log page', () => {
  it('when the command filters by kind, then only that kind shows, with the actor by name and masked phone', async () => {
    const grants = await list({ kind: 'role_grant' });
    expect(grants.status).toBe(200);
    expect(grants.body.items.map((e: { action: string }) => e.action)).toEqual(['roles.grant']);
    const phone = await phoneOf(admin);
    expect(grants.body.items[0]).toMatchObject({
      actorId: admin.id,
      actorName: '周敏',
      actorPhoneMasked: `${phone.slice(0, 3)}****${phone.slice(7)}`,
      actionLabel: '授予或撤销角色',
      subjectId: person.id,
    });
    expect(JSON.stringify(grants.body)).not.toContain(phone);
    const reads = await list({ kind: 'pii_read' });
    expect(reads.body.items.map((e: { action: string }) => e.action)).toEqual(['pii.read']);
    const assignments = await list({ kind: 'assignment' });
    expect(assignments.body.items[0]).toMatchObject({ action: 'stewards.assign', subjectId: firm });
  });

  it('when filtered by actor or by a range of other days, then only those entries count, and pages split the rest', async () => {
    expect((await list({ actorId: steward.id })).body.total).toBe(0);
    const all = await list({ actorId: admin.id });
    expect(all.body.total).toBeGreaterThanOrEqual(3);
    const yesterday = await list({ from: '2027-02-01', to: '2027-02-28' });
    expect(yesterday.body).toMatchObject({ total: 0, items: [] });
    const first = await list({ pageSize: 1, page: 1 });
    const second = await list({ pageSize: 1, page: 2 });
    expect(first.body.items).toHaveLength(1);
    expect(first.body.total).toBe(all.body.total);
    // Newest first, and a page never repeats the one before it.
    expect(first.body.items[0].at >= second.body.items[0].at).toBe(true);
    expect(first.body.items[0]).not.toEqual(second.body.items[0]);
  });

  it('when the range or kind makes no sense, then 400 with a Chinese message, and only the command may read the log', async () => {
    const backwards = await list({ from: '2027-03-02', to: '2027-03-01' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details[0].message).toBe('结束日期不能早于开始日期');
    expect((await list({ from: '2025-01-01', to: '2026-12-31' })).status).toBe(400);
    expect((await list({ from: '2027-02-30' })).status).toBe(400);
    expect((await list({ kind: 'everything' })).status).toBe(400);
    expect((await list({ actorId: 'x' })).status).toBe(400);
    expect((await t.http.get('/api/audit-log').query({ to: TODAY }).set(admin.auth)).status).toBe(400);
    expect((await list({}, steward)).status).toBe(403);
    expect((await exportCsv({}, steward)).status).toBe(403);
  });
});

describe('exporting the audit log', () => {
  it('when the command exports, then the CSV has every entry with phones masked, and the export is itself in the log', async () => {
    const before = (await list({})).body.total;
    const res = await exportCsv({});
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const text = res.body as string;
    const lines = text
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('时间,操作人,操作人手机号,操作,对象类型,对象编号,涉及字段,请求编号');
    // The export's own entry is written before the rows are read, so it is the newest row.
    expect(lines).toHaveLength(before + 2);
    expect(lines[1]).toContain('导出审计日志');
    expect(text).toContain('授予或撤销角色');
    expect(text).not.toContain(await phoneOf(admin));
    expect(text).toMatch(/周敏,1\d\d\*{4}\d{4}/);
    const exports = await list({ kind: 'export' });
    expect(exports.body.items[0]).toMatchObject({ action: 'audit.export', actorId: admin.id });
  });

  it('when the export is asked for one kind, then only that kind is written', async () => {
    const res = await exportCsv({ kind: 'role_grant' });
    const rows = (res.body as string).trim().split('\r\n').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('授予或撤销角色');
  });
});
