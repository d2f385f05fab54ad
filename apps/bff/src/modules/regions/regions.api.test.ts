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

describe('the town (乡镇、街道) level under a county', () => {
  const checkin = (who: Person, places: string[]) =>
    t.http.post('/api/checkins').set(who.auth).send({ temperature: 36.5, healthCode: 'green', places });
  const passOf = async (who: Person) => (await t.http.get('/api/pass').set(who.auth)).body;

  it('when the command sets 梨洲街道 under 余姚 to 高风险, then it is listed under its county with the name from the division data, and audited', async () => {
    // The name typed is not the data's: the row carries the data's.
    const res = await set('330281001', { name: '梨洲', riskLevel: 'high', effectiveFrom: '2027-02-28' });
    expect([res.status, res.body.name, res.body.countyCode]).toEqual([200, '梨洲街道', '330281']);
    expect((await listed('330281001')).effectiveFrom).toBe('2027-02-28');
    expect((await listed('330281')).countyCode).toBeNull();
    const entry = await t.connection.db!.collection('audit_log').findOne({ subjectId: '330281001' });
    expect(entry).toMatchObject({ action: 'region.risk.set', actorId: admin.id });
  });

  it('when a worker stayed in a town with its own level, then the pass takes the town’s; in another town of the county, the county’s', async () => {
    // 余姚 is 低风险 from the tests above; 梨洲街道 is 高风险, 凤山街道 has no level of its own.
    const inTown = await signInAs(t, ['worker']);
    expect((await checkin(inTown, ['330281001'])).status).toBe(200);
    expect(await passOf(inTown)).toMatchObject({ color: 'red' });
    expect((await passOf(inTown)).reasons.map((r: { code: string }) => r.code)).toEqual(['HIGH_RISK_STAY']);

    const nextTown = await signInAs(t, ['worker']);
    expect((await checkin(nextTown, ['330281002'])).status).toBe(200);
    expect(await passOf(nextTown)).toMatchObject({ color: 'green' });
    await set('330281', { name: '余姚市', riskLevel: 'medium' });
    expect(await passOf(nextTown)).toMatchObject({ color: 'yellow' });

    // A town marked lower than its county takes its own: the finer grain of the county's decision.
    await set('330281002', { name: '凤山街道', riskLevel: 'low' });
    expect(await passOf(nextTown)).toMatchObject({ color: 'green' });
    expect((await listed('330281002')).reopeningStrategy).toBe('all_firms');
  });

  it('when the town is not in the data, or its code is the wrong length, then 400 names the code and nothing is stored', async () => {
    const before = await t.connection.db!.collection('regions').countDocuments();
    const unknown = await set('330281999', { name: '不存在镇', riskLevel: 'high' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details[0]).toMatchObject({
      path: 'params.code',
      message: '行政区划中没有该乡镇（街道），请从所属县（市、区）下选择',
    });
    expect((await set('33028100', { name: '梨洲街道', riskLevel: 'high' })).status).toBe(400);
    expect((await set('330281001', { name: '梨洲街道', riskLevel: 'low' }, worker)).status).toBe(403);
    expect(await t.connection.db!.collection('regions').countDocuments()).toBe(before);
    expect((await listed('330281001')).riskLevel).toBe('high');
  });
});
