import { startTestApp, type TestApp } from '../../test-support/test-app';
import { signInAs, type Person } from '../enterprises/testing/fixtures';

let t: TestApp;
let admin: Person;
let worker: Person;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(new Date('2027-03-01T09:00:00+08:00'));
  admin = await signInAs(t, ['admin']);
  worker = await signInAs(t, ['worker']);
});
afterAll(() => t.close());

const set = (code: string, body: Record<string, unknown>, who = admin) =>
  t.http.put(`/api/regions/${code}`).set(who.auth).send(body);
const listed = async (code: string) =>
  (await t.http.get('/api/regions').set(worker.auth)).body.items.find(
    (r: { code: string }) => r.code === code,
  );

describe('region risk levels and the reopening strategy they call for', () => {
  it('when the command sets 余姚 to 中风险 from 2 月 25 日, then everyone sees the day and 有序复工复产, and the change is audited', async () => {
    const res = await set('330281', { name: '余姚市', riskLevel: 'medium', effectiveFrom: '2027-02-25' });
    expect(res.status).toBe(200);
    expect(await listed('330281')).toMatchObject({
      riskLevel: 'medium',
      effectiveFrom: '2027-02-25',
      reopeningStrategy: 'orderly_by_list',
    });
    const entry = await t.connection.db!.collection('audit_log').findOne({ action: 'region.risk.set' });
    expect(entry).toMatchObject({ actorId: admin.id, subjectId: '330281' });
    expect(entry!.fields).toEqual(['medium', 'effectiveFrom=2027-02-25']);
  });

  it('when it is lowered to 低风险 without a day, then it takes effect today and all firms may reopen', async () => {
    await set('330281', { name: '余姚市', riskLevel: 'low' });
    expect(await listed('330281')).toMatchObject({
      effectiveFrom: '2027-03-01',
      reopeningStrategy: 'all_firms',
    });
  });

  it('when a county is 高风险, then no strategy is claimed from the policy', async () => {
    await set('420100', { name: '武汉市', riskLevel: 'high', effectiveFrom: '2027-01-23' });
    expect((await listed('420100')).reopeningStrategy).toBe('not_in_policy');
  });

  it('when the day is to come, not a real day, or the caller is not the command, then it is refused and the level stays', async () => {
    const future = await set('330281', { name: '余姚市', riskLevel: 'high', effectiveFrom: '2027-03-02' });
    expect(future.status).toBe(400);
    expect(future.body.error.details[0]).toMatchObject({
      path: 'effectiveFrom',
      message: '生效日期不能晚于今天',
    });
    expect(
      (await set('330281', { name: '余姚市', riskLevel: 'high', effectiveFrom: '2027-02-30' })).status,
    ).toBe(400);
    expect((await set('330281', { name: '余姚市', riskLevel: 'high' }, worker)).status).toBe(403);
    expect((await listed('330281')).riskLevel).toBe('low');
  });
});
