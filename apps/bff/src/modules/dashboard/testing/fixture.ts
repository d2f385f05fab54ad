import { Types } from 'mongoose';
import { CHECKLIST_ITEMS, creditCodeCheckChar } from '@fugong/contracts';
import type { Actor } from '../../../auth/actor';
import type { TestApp } from '../../../test-support/test-app';

const code = (n: number) => `91330281MA2F0000${n}` + creditCodeCheckChar(`91330281MA2F0000${n}`);
const person = (roles: Actor['roles'], enterpriseId: string | null = null): Actor => ({
  id: new Types.ObjectId().toHexString(),
  roles,
  enterpriseId,
  departmentId: null,
});

/** Day 1 and day 2 of the hand-counted data set (China time, 10:00). */
export const DAY1 = new Date('2027-03-01T10:00:00+08:00');
export const DAY2 = new Date('2027-03-02T10:00:00+08:00');

/**
 * The small data set every figure is checked against, written through the real services.
 * Hand counts (as of day 2, see dashboard.api.test.ts for each figure):
 *
 *   E1 阳明街道 光学仪器 规上 100 staff: reported day 1 reopened 80/100; steward S; visited day 2; labour issue open
 *   E2 兰江街道 通用设备 规上  50 staff: reported day 2 20/50, corrected to 30/50; steward S; never visited;
 *                                        labour issue dispatched, answered on time, confirmed with rating 4
 *   E3 阳明街道 塑料制品 规下  20 staff: day 1 closed 0/20, day 2 reopened 15/20; labour issue open
 *   E4 凤山街道 塑料制品 规下  10 staff: never reported (closed); labour ×2 + materials ×1 open
 *   call-backs: E1 reached rating 2, E2 reached rating 3, E2 not reached → S averages 2.5
 */
/** The enterprise-side services a test city is written through (the same calls users' requests make). */
export function enterpriseSideServices(t: TestApp) {
  const c = t.container;
  return {
    enterprises: c.enterprises.services.enterprises,
    reopening: c.reopening.services.reopening,
    issues: c.issues.services.issues,
    sweep: c.issues.services.sweep,
    stewards: c.stewards.services.stewards,
    visits: c.visits.services.visits,
    callbacks: c.callbacks.services.callbacks,
  };
}

export async function buildHandCountedCity(t: TestApp) {
  const s = enterpriseSideServices(t);
  const admin = person(['admin']);
  t.clock.set(DAY1);
  const mk = (
    n: number,
    name: string,
    address: string,
    industry: string,
    size: 'above' | 'below',
    headcount: number,
  ) =>
    s.enterprises.create({
      name,
      creditCode: code(n),
      industry,
      size,
      regionCode: '330281',
      address,
      headcount,
    });
  const e1 = await mk(1, '余姚一号光电', '余姚市阳明街道光电路 1 号', '光学仪器', 'above', 100);
  const e2 = await mk(2, '余姚二号机械', '余姚市兰江街道城东路 2 号', '通用设备', 'above', 50);
  const e3 = await mk(3, '余姚三号模塑', '余姚市阳明街道工业区 3 号', '塑料制品', 'below', 20);
  const e4 = await mk(4, '余姚四号模塑', '余姚市凤山街道 4 号', '塑料制品', 'below', 10);
  const stewardUser = await t.container.repos.users.upsertStaffByPhone({
    phoneHash: t.container.pii.lookupHash('13900000009'),
    phoneEnc: t.container.pii.encrypt('13900000009'),
    name: '管家甲',
    roles: ['steward'],
  });
  const steward: Actor = { id: stewardUser.id, roles: ['steward'], enterpriseId: null, departmentId: null };
  await s.stewards.assign(admin, e1.id, steward.id);
  await s.stewards.assign(admin, e2.id, steward.id);
  const liaison = (e: { id: string }) => person(['liaison'], e.id);
  const report = (e: { id: string }, reopened: boolean, onSite: number, total: number) =>
    s.reopening.reportToday(liaison(e), e.id, {
      reopened,
      reopenedSince: reopened ? '2027-02-20' : null,
      staffOnSite: onSite,
      staffTotal: total,
      capacityPercent: 50,
    });

  // Day 1
  await report(e1, true, 80, 100);
  await report(e3, false, 0, 20);

  // Day 2
  t.clock.set(DAY2);
  await report(e2, true, 20, 50);
  await report(e2, true, 30, 50);
  await report(e3, true, 15, 20);
  const issue = (e: { id: string }, category: 'labour' | 'materials') =>
    s.issues.create(liaison(e), {
      enterpriseId: e.id,
      category,
      urgency: 'normal',
      description: `${category} 问题描述`,
      attachmentIds: [],
    });
  await issue(e1, 'labour');
  await issue(e3, 'labour');
  await issue(e4, 'labour');
  await issue(e4, 'labour');
  await issue(e4, 'materials');
  const e2Liaison = liaison(e2);
  const answered = await s.issues.create(e2Liaison, {
    enterpriseId: e2.id,
    category: 'labour',
    urgency: 'normal',
    description: '缺工 20 人',
    attachmentIds: [],
  });
  await s.issues.act(steward, answered.id, 'accept', {});
  await s.issues.act(steward, answered.id, 'dispatch', { departmentCode: 'rsj' });
  const officer: Actor = { ...person(['officer']), departmentId: 'rsj' };
  await s.issues.act(officer, answered.id, 'answer', { answer: '已对接老乡招工团输送工人' });
  await s.issues.act(e2Liaison, answered.id, 'confirm', { rating: 4 });
  await s.visits.create(steward, {
    enterpriseId: e1.id,
    place: '车间',
    location: null,
    checklist: CHECKLIST_ITEMS.map((i) => ({ key: i.key, status: 'met' as const, note: '' })),
    findings: '',
    problems: [],
  });
  await s.callbacks.record(admin, { enterpriseId: e1.id, reached: true, satisfaction: 2, remarks: '' });
  await s.callbacks.record(admin, { enterpriseId: e2.id, reached: true, satisfaction: 3, remarks: '' });
  await s.callbacks.record(admin, { enterpriseId: e2.id, reached: false, satisfaction: null, remarks: '' });
  return { e1, e2, e3, e4, steward, admin };
}

/** Signs the command in over HTTP and returns the Authorization header. */
export async function commandAuth(t: TestApp): Promise<{ Authorization: string }> {
  await t.container.repos.users.upsertStaffByPhone({
    phoneHash: t.container.pii.lookupHash('13800000006'),
    phoneEnc: t.container.pii.encrypt('13800000006'),
    name: '周敏',
    roles: ['admin'],
  });
  const sent = await t.http.post('/api/auth/otp').send({ phone: '13800000006' });
  if (sent.status !== 200) throw new Error(`otp ${sent.status}`);
  const res = await t.http
    .post('/api/auth/login/phone')
    .send({ phone: '13800000006', code: t.otp.last('13800000006') });
  return { Authorization: `Bearer ${res.body.token}` };
}
