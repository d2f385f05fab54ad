import { startTestApp, type TestApp } from '../../test-support/test-app';
import { application, appliedPass, as, firm, scan, tokenOf, type Person } from './testing/fixtures';

let t: TestApp;
let admin: Person;
let liaison: Person;
let officer: Person;
let secondOfficer: Person;
let checker: Person;
let driver: Person;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(new Date('2026-03-03T10:00:00+08:00'));
  admin = await as(t, ['admin']);
  liaison = await as(t, ['liaison'], await firm(t, 'above'));
  officer = await as(t, ['transport']);
  secondOfficer = await as(t, ['transport']);
  checker = await as(t, ['checkpoint']);
  driver = await as(t, ['worker']);
}, 60_000);
afterAll(() => t.close());

type Figures = {
  issued: { cargo: string; approvalPath: string; count: number }[];
  byStatus: { status: string; count: number }[];
  checks: { count: number }[];
};
const figures = async (http = t.http): Promise<Figures> =>
  (await http.get('/api/freight-passes/figures').set(admin.auth)).body;
const statusCount = (f: Figures, status: string) => f.byStatus.find((s) => s.status === status)?.count ?? 0;
const issuedCount = (f: Figures) => f.issued.reduce((n, r) => n + r.count, 0);
const pending = () => appliedPass(t, liaison, application(t, driver.phone, { cargo: 'raw_materials' }));
const act = (who: Person, id: string, action: 'approve' | 'refuse' | 'revoke', body: object = {}) =>
  t.http.post(`/api/freight-passes/${id}/${action}`).set(who.auth).send(body);

describe('the freight figures as passes move', () => {
  it('when a pass is refused, another approved and then revoked, then each leaves its old status and a revoked pass still counts as issued', async () => {
    const before = await figures();
    const refused = await pending();
    const revoked = await pending();
    expect(statusCount(await figures(), 'pending')).toBe(statusCount(before, 'pending') + 2);
    expect((await act(officer, refused, 'refuse', { reason: '货物类别与单位经营范围不符' })).status).toBe(
      200,
    );
    expect((await act(officer, revoked, 'approve')).status).toBe(200);
    expect((await act(officer, revoked, 'revoke', { reason: '车辆信息与实际不符' })).status).toBe(200);

    const after = await figures();
    expect(statusCount(after, 'pending')).toBe(statusCount(before, 'pending'));
    expect(statusCount(after, 'refused')).toBe(statusCount(before, 'refused') + 1);
    expect(statusCount(after, 'revoked')).toBe(statusCount(before, 'revoked') + 1);
    expect(statusCount(after, 'approved')).toBe(statusCount(before, 'approved'));
    expect(issuedCount(after)).toBe(issuedCount(before) + 1);
  }, 60_000);

  it('when two officers decide one pass at once, then it is counted once, under the decision that won', async () => {
    const id = await pending();
    const before = await figures();
    const [a, b] = await Promise.all([
      act(officer, id, 'approve'),
      act(secondOfficer, id, 'refuse', { reason: '货物类别与单位经营范围不符' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const won = a.status === 200 ? 'approved' : 'refused';
    const after = await figures();
    expect(statusCount(after, 'pending')).toBe(statusCount(before, 'pending') - 1);
    expect(statusCount(after, won)).toBe(statusCount(before, won) + 1);
    expect(issuedCount(after)).toBe(issuedCount(before) + (won === 'approved' ? 1 : 0));
  }, 60_000);

  it('when a decision is refused (already decided), then the figures do not move', async () => {
    const id = await pending();
    expect((await act(officer, id, 'approve')).status).toBe(200);
    const before = await figures();
    expect((await act(secondOfficer, id, 'approve')).status).toBe(409);
    expect(await figures()).toEqual(before);
  }, 60_000);
});

describe('a store whose counters are missing', () => {
  it('when the counters were lost (or predate this version), then reads count the stored passes and checks without writing, and the next write makes the counters', async () => {
    const id = await appliedPass(t, liaison, application(t, driver.phone, { cargo: 'epidemic_supplies' }));
    await scan(t, checker, await tokenOf(t, driver, id));
    const counted = await figures();
    const db = t.connection.db!;
    expect(await db.collection('freight_passes').countDocuments()).toBe(
      counted.byStatus.reduce((n, r) => n + r.count, 0),
    );
    expect(await db.collection('freight_checks').countDocuments()).toBe(
      counted.checks.reduce((n, r) => n + r.count, 0),
    );

    await db.collection('freight_figures').deleteMany({});
    const other = await t.secondInstance();
    expect(await figures(other.http)).toEqual(counted);
    expect(await db.collection('freight_figures').countDocuments()).toBe(0);

    await appliedPass(
      { ...t, http: other.http },
      liaison,
      application(t, driver.phone, { cargo: 'epidemic_supplies' }),
    );
    expect(await db.collection('freight_figures').findOne({ _id: 'built' as never })).not.toBeNull();
    const after = await figures(other.http);
    expect(statusCount(after, 'approved')).toBe(statusCount(counted, 'approved') + 1);
    expect(issuedCount(after)).toBe(issuedCount(counted) + 1);
    expect(after.checks).toEqual(counted.checks);
  }, 60_000);
});
