import { Types } from 'mongoose';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import {
  application,
  appliedPass,
  as,
  CHECKPOINT,
  firm,
  scan,
  tokenOf,
  type Person,
} from './testing/fixtures';

let t: TestApp;
let liaison: Person;
let officer: Person;
let checker: Person;
let driver: Person;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(new Date('2026-03-03T10:00:00+08:00'));
  liaison = await as(t, ['liaison'], await firm(t, 'above'));
  officer = await as(t, ['transport']);
  checker = await as(t, ['checkpoint']);
  driver = await as(t, ['worker']);
}, 60_000);
afterAll(() => t.close());

const approved = (over: Record<string, unknown> = {}) =>
  appliedPass(t, liaison, application(t, driver.phone, over));
const checksOf = (passId: string | null) =>
  t.connection
    .db!.collection('freight_checks')
    .find({ passId: passId ? new Types.ObjectId(passId) : null })
    .toArray();

describe('the driver’s QR', () => {
  it('when the driver opens their passes, then they see the pass applied for their phone, masked', async () => {
    const id = await approved({ plate: '浙B11111' });
    const res = await t.http.get('/api/freight-passes/driving').set(driver.auth);
    expect(res.status).toBe(200);
    const mine = res.body.items.find((p: { id: string }) => p.id === id);
    expect(mine.driver.phone).toBe(`${driver.phone.slice(0, 3)}****${driver.phone.slice(-4)}`);
    const stranger = await as(t, ['worker']);
    expect((await t.http.get('/api/freight-passes/driving').set(stranger.auth)).body.items).toEqual([]);
  }, 60_000);

  it('when the driver asks for the QR, then a short-lived token comes with a refresh time; anyone else hears 404', async () => {
    const id = await approved();
    const res = await t.http.get(`/api/freight-passes/${id}/token`).set(driver.auth);
    expect(res.status).toBe(200);
    expect(res.body.token).toMatch(/^FP1\./);
    expect(res.body.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const life = new Date(res.body.expiresAt).getTime() - t.clock.now().getTime();
    expect(life).toBeGreaterThanOrEqual(60_000);
    expect(life).toBeLessThanOrEqual(120_000);
    expect(res.body.refreshInSec).toBeLessThan(life / 1000);
    for (const other of [liaison, await as(t, ['worker'])])
      expect((await t.http.get(`/api/freight-passes/${id}/token`).set(other.auth)).status).toBe(404);
  }, 60_000);

  it('when the pass still waits for review, then no QR is given (422)', async () => {
    const id = await approved({ cargo: 'components' });
    const res = await t.http.get(`/api/freight-passes/${id}/token`).set(driver.auth);
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual({ result: 'not_approved' });
  }, 60_000);
});

describe('checkpoint scans', () => {
  it('when a fresh code is scanned, then it is valid with plate, cargo and masked driver, and the check is recorded', async () => {
    const id = await approved({ plate: '浙B22222', cargo: 'daily_necessities' });
    const res = await scan(t, checker, await tokenOf(t, driver, id));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      result: 'valid',
      message: '有效，准予通行',
      pass: { id, plate: '浙B22222', cargo: 'daily_necessities', driver: { name: '王师傅' } },
    });
    expect(res.body.pass.driver.phone).not.toBe(driver.phone);
    expect(res.body.pass.driver.phone).toContain('****');
    const rows = await checksOf(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      checkpointCode: CHECKPOINT.code,
      checkpointName: CHECKPOINT.name,
      result: 'valid',
    });
    expect(rows[0].checkerId.toHexString()).toBe(checker.id);
  }, 60_000);

  it('when the officer revokes the pass, then the next scan of a code shown before is refused as revoked', async () => {
    const id = await approved();
    const token = await tokenOf(t, driver, id);
    expect((await scan(t, checker, token)).body.result).toBe('valid');
    await t.http.post(`/api/freight-passes/${id}/revoke`).set(officer.auth).send({ reason: '虚假申报' });
    expect((await scan(t, checker, token)).body).toMatchObject({ result: 'revoked', message: '已被撤销' });
    expect((await t.http.get(`/api/freight-passes/${id}/token`).set(driver.auth)).status).toBe(422);
  }, 60_000);

  it('when a screenshot is scanned after the code’s lifetime, then the code is invalid and the scan still recorded', async () => {
    const id = await approved();
    const token = await tokenOf(t, driver, id);
    const before = (await checksOf(null)).length;
    t.clock.advance(121_000);
    const res = await scan(t, checker, token);
    expect(res.body).toMatchObject({ result: 'code_invalid', pass: null });
    expect((await checksOf(null)).length).toBe(before + 1);
  }, 60_000);

  it('when a health pass code or garbage is scanned, then it is invalid: the two QR kinds never mix', async () => {
    const health = (await t.http.get('/api/pass/token').set(driver.auth)).body.token as string;
    expect((await scan(t, checker, health)).body.result).toBe('code_invalid');
    expect((await scan(t, checker, 'FP1.not.a.token')).body.result).toBe('code_invalid');
  }, 60_000);

  it('when the window has not started or has ended, then the scan says not yet valid or expired', async () => {
    const start = t.clock.now().getTime() + 2 * 86_400_000;
    const id = await approved({
      validFrom: new Date(start).toISOString(),
      validUntil: new Date(start + 86_400_000).toISOString(),
    });
    expect((await scan(t, checker, await tokenOf(t, driver, id))).body.result).toBe('not_yet_valid');
    // A code fetched 30 s before the end, scanned 30 s after it: the code lives, the pass does not.
    t.clock.set(new Date(start + 86_400_000 - 30_000));
    const lastCode = await tokenOf(t, driver, id);
    t.clock.advance(60_000);
    expect((await scan(t, checker, lastCode)).body.result).toBe('expired');
    expect((await t.http.get(`/api/freight-passes/${id}/token`).set(driver.auth)).status).toBe(422);
  }, 60_000);

  it('when anyone but a checker scans, or a checker reads passes, then 403 and nothing is recorded', async () => {
    const id = await approved();
    const token = await tokenOf(t, driver, id);
    for (const who of [driver, liaison, officer]) expect((await scan(t, who, token)).status).toBe(403);
    expect(await checksOf(id)).toHaveLength(0);
    for (const path of ['/api/freight-passes', `/api/freight-passes/${id}`, '/api/freight-passes/figures'])
      expect((await t.http.get(path).set(checker.auth)).status).toBe(403);
    expect((await t.http.get(`/api/freight-passes/${id}/token`).set(checker.auth)).status).toBe(403);
  }, 60_000);

  it('when the checkpoint code is malformed, then 400 and nothing is recorded', async () => {
    const id = await approved();
    const res = await scan(t, checker, await tokenOf(t, driver, id), { code: '卡口一', name: '余姚' });
    expect(res.status).toBe(400);
    expect(await checksOf(id)).toHaveLength(0);
  }, 60_000);
});
