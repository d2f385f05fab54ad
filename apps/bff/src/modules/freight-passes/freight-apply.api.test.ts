import { FREIGHT_COMMITMENT, PLATE_FORMAT_MESSAGE } from '@fugong/contracts';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { application, apply, appliedPass, as, countOf, firm, type Person } from './testing/fixtures';

let t: TestApp;
let bigFirm: string;
let liaison: Person;
let smallLiaison: Person;
let otherLiaison: Person;
let driver: Person;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(new Date('2026-03-06T15:00:00+08:00')); // a Friday afternoon
  bigFirm = await firm(t, 'above');
  liaison = await as(t, ['liaison'], bigFirm);
  smallLiaison = await as(t, ['liaison'], await firm(t, 'below'));
  otherLiaison = await as(t, ['liaison'], await firm(t, 'above'));
  driver = await as(t, ['worker']);
}, 60_000);
afterAll(() => t.close());

describe('applying for a freight pass', () => {
  it('when 防疫物资 are applied for, then the pass is approved at once under 告知承诺, with the commitment version and time stored', async () => {
    const res = await apply(t, liaison, application(t, driver.phone, { plate: '浙b·12345' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      enterpriseId: bigFirm,
      plate: '浙B12345',
      approvalPath: 'commitment',
      status: 'approved',
      reviewDueAt: null,
      commitment: { version: FREIGHT_COMMITMENT.version, signedAt: t.clock.now().toISOString() },
      decidedAt: t.clock.now().toISOString(),
    });
  }, 60_000);

  it('when the driver is returned, then phone and ID number are masked, and the database holds neither in clear', async () => {
    const body = application(t, driver.phone);
    const res = await apply(t, liaison, body);
    expect(res.body.driver).toEqual({
      name: '王师傅',
      phone: `${driver.phone.slice(0, 3)}****${driver.phone.slice(-4)}`,
      idNumber: `${body.driver.idNumber.slice(0, 6)}********${body.driver.idNumber.slice(-4)}`,
    });
    const raw = JSON.stringify(await t.connection.db!.collection('freight_passes').findOne({}));
    expect(raw).not.toContain(driver.phone);
    expect(raw).not.toContain(body.driver.idNumber);
  }, 60_000);

  it('when a 规上 firm applies for 零部件, then the pass waits for a transport officer until one working day later (Monday)', async () => {
    const res = await apply(t, liaison, application(t, driver.phone, { cargo: 'components' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      approvalPath: 'review',
      status: 'pending',
      decidedAt: null,
      overdue: false,
    });
    // Friday afternoon + one working day = Monday, same time of day.
    const due = new Date(res.body.reviewDueAt).getTime() - new Date(res.body.appliedAt).getTime();
    expect(due).toBe(3 * 86_400_000);
  }, 60_000);

  it('when a 规下 firm applies for 零部件 (seed 004 §5), then it is approved at once', async () => {
    const res = await apply(t, smallLiaison, application(t, driver.phone, { cargo: 'components' }));
    expect(res.body).toMatchObject({ approvalPath: 'commitment', status: 'approved' });
  }, 60_000);

  it('when a retry carries the same Idempotency-Key, then one pass exists and the same answer comes back', async () => {
    const before = await countOf(t, 'freight_passes');
    const body = application(t, driver.phone, { plate: '浙B54321' });
    const [a, b] = [
      await apply(t, liaison, body, 'freight-key-0001'),
      await apply(t, liaison, body, 'freight-key-0001'),
    ];
    expect(b.body.id).toBe(a.body.id);
    expect(await countOf(t, 'freight_passes')).toBe(before + 1);
  }, 60_000);
});

describe('refused applications write nothing', () => {
  const refused = async (body: unknown, status: number, code: string, who = liaison) => {
    const before = await countOf(t, 'freight_passes');
    const res = await apply(t, who, body);
    expect({ status: res.status, code: res.body.error?.code }).toEqual({ status, code });
    expect(await countOf(t, 'freight_passes')).toBe(before);
    return res.body.error;
  };

  it('when the plate is malformed, then 400 names the plate field in Chinese', async () => {
    const error = await refused(application(t, driver.phone, { plate: '浙B1234' }), 400, 'VALIDATION_ERROR');
    expect(error.details).toEqual([
      expect.objectContaining({ path: 'plate', message: PLATE_FORMAT_MESSAGE }),
    ]);
  }, 60_000);

  it('when the commitment is not ticked, then 400 asks for it', async () => {
    const error = await refused(
      application(t, driver.phone, { commitment: { accepted: false, version: FREIGHT_COMMITMENT.version } }),
      400,
      'VALIDATION_ERROR',
    );
    expect(JSON.stringify(error.details)).toContain('请阅读并勾选告知承诺书');
  }, 60_000);

  it('when the window is longer than 30 days or started yesterday, then 400 names the field and the rule', async () => {
    const now = t.clock.now().getTime();
    const long = await refused(
      application(t, driver.phone, { validUntil: new Date(now + 31 * 86_400_000).toISOString() }),
      400,
      'VALIDATION_ERROR',
    );
    expect(long).toMatchObject({
      message: '有效期最长 30 天',
      details: [{ path: 'validUntil', code: 'too_long' }],
    });
    const past = await refused(
      application(t, driver.phone, { validFrom: new Date(now - 86_400_000).toISOString() }),
      400,
      'VALIDATION_ERROR',
    );
    expect(past.details[0]).toMatchObject({ path: 'validFrom', code: 'start_past' });
  }, 60_000);

  it('when the driver ID number fails its checksum or the cargo is unknown, then 400', async () => {
    const body = application(t, driver.phone);
    await refused(
      { ...body, driver: { ...body.driver, idNumber: '110105194912310021' } },
      400,
      'VALIDATION_ERROR',
    );
    await refused({ ...body, cargo: 'fireworks' }, 400, 'VALIDATION_ERROR');
  }, 60_000);

  it('when a worker, a steward or a checkpoint checker applies, then 403', async () => {
    for (const roles of [['worker'], ['steward'], ['checkpoint']] as const)
      await refused(application(t, driver.phone), 403, 'FORBIDDEN', await as(t, [...roles]));
  }, 60_000);

  it('when a liaison bound to no firm applies, then 403 says to bind one first', async () => {
    const error = await refused(application(t, driver.phone), 403, 'FORBIDDEN', await as(t, ['liaison']));
    expect(error.message).toContain('绑定所属企业');
  }, 60_000);
});

describe('a firm sees only its own passes', () => {
  let passId: string;
  beforeAll(async () => {
    passId = await appliedPass(t, liaison, application(t, driver.phone, { plate: '浙B77777' }));
  }, 60_000);

  it('when the other firm lists or opens the pass, then it is not there (404 for the id)', async () => {
    const list = await t.http.get('/api/freight-passes').set(otherLiaison.auth);
    expect(list.status).toBe(200);
    expect(list.body.items.map((p: { id: string }) => p.id)).not.toContain(passId);
    expect((await t.http.get(`/api/freight-passes/${passId}`).set(otherLiaison.auth)).status).toBe(404);
    expect((await t.http.get(`/api/freight-passes/${passId}/driver`).set(otherLiaison.auth)).status).toBe(
      404,
    );
  }, 60_000);

  it('when its own liaison lists with a status filter, then only that status of its own firm comes back', async () => {
    const res = await t.http.get('/api/freight-passes?status=pending').set(liaison.auth);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(
      res.body.items.every(
        (p: { status: string; enterpriseId: string }) => p.status === 'pending' && p.enterpriseId === bigFirm,
      ),
    ).toBe(true);
  }, 60_000);

  it('when its liaison reads the driver in full, then the numbers come back and one audit entry is written first', async () => {
    const before = await countOf(t, 'audit_log');
    const res = await t.http.get(`/api/freight-passes/${passId}/driver`).set(liaison.auth);
    expect(res.status).toBe(200);
    expect(res.body.phone).toBe(driver.phone);
    expect(await countOf(t, 'audit_log')).toBe(before + 1);
    const entry = await t.connection.db!.collection('audit_log').findOne({ subjectId: passId });
    expect(entry).toMatchObject({
      action: 'pii.read',
      subjectType: 'freight_pass',
      fields: ['driver.phone', 'driver.idNumber'],
    });
  }, 60_000);
});
