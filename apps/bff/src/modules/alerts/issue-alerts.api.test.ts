import { Types } from 'mongoose';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { assign, createEnterprise, signInAs, type Person } from '../enterprises/testing/fixtures';
import type { MemorySmsGateway } from '../sms';

let t: TestApp;
let admin: Person;
let liaison: Person;
let steward: Person;
let rsjOfficer: Person;
let rsjHead: Person;
let jtjOfficer: Person;
let firm: string;

const at = (s: string) => new Date(s);
const sms = () => t.container.sms as MemorySmsGateway;
/** What the server does on its timers: the deadline sweep, then the delivery drain. */
const tick = async () => {
  await t.container.issues.services.sweep.run();
  await t.container.alerts.services.alerts.drain();
};
const inboxOf = async (p: Person) =>
  (await t.http.get('/api/inbox').set(p.auth)).body.items as { kind: string; page: string; title: string }[];
const phoneOf = async (p: Person) =>
  t.container.pii.decrypt((await t.container.repos.users.findById(p.id))!.phoneEnc!);
const timeline = async (id: string) =>
  (
    (await t.http.get(`/api/issues/${id}`).set(admin.auth)).body.timeline as { type: string; note: string }[]
  ).filter((e) => e.type === 'notified');

/** Reported at `when`, accepted and dispatched half an hour later; returns the issue and its progress deadline. */
async function dispatched(when: string, departmentCode: string): Promise<{ id: string; due: string }> {
  t.clock.set(at(when));
  const created = await t.http
    .post('/api/issues')
    .set(liaison.auth)
    .send({ enterpriseId: firm, category: 'labour', urgency: 'normal', description: '返岗员工缺少包车' });
  const id = created.body.id as string;
  t.clock.advance(30 * 60_000);
  await t.http.post(`/api/issues/${id}/accept`).set(steward.auth).send({});
  const res = await t.http.post(`/api/issues/${id}/dispatch`).set(steward.auth).send({ departmentCode });
  expect(res.status).toBe(200);
  return { id, due: res.body.clocks.progress.dueAt as string };
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await signInAs(t, ['admin']);
  firm = await createEnterprise(t, admin);
  liaison = await signInAs(t, ['liaison'], { enterpriseId: firm });
  steward = await signInAs(t, ['steward'], { name: '王管家' });
  await assign(t, admin, firm, steward.id);
  rsjOfficer = await signInAs(t, ['officer'], { departmentId: 'rsj', name: '人社李' });
  rsjHead = await signInAs(t, ['officer'], { departmentId: 'rsj', name: '人社周科长' });
  jtjOfficer = await signInAs(t, ['officer'], { departmentId: 'jtj', name: '交通赵' });
  // The steward uses the mini-program: their alerts go by WeChat; the officers have only a phone.
  await t.connection
    .db!.collection('users')
    .updateOne({ _id: new Types.ObjectId(steward.id) }, { $set: { openid: 'o-steward-wang' } });
});
afterAll(() => t.close());

describe('department heads', () => {
  it('when the command names an officer of the department its head, then it is listed and audited; anyone else, a non-officer or another department’s officer is refused', async () => {
    const res = await t.http.put('/api/departments/rsj/head').set(admin.auth).send({ userId: rsjHead.id });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ departmentCode: 'rsj', userId: rsjHead.id, name: '人社周科长' });
    const list = await t.http.get('/api/departments/heads').set(admin.auth);
    expect(list.body.items).toEqual([expect.objectContaining({ departmentCode: 'rsj', userId: rsjHead.id })]);
    const audit = await t.container.repos.audit.listForSubject('department', 'rsj');
    expect(audit[0]).toMatchObject({
      action: 'departments.head.set',
      actorId: admin.id,
      fields: [rsjHead.id],
    });

    expect(
      (await t.http.put('/api/departments/rsj/head').set(rsjOfficer.auth).send({ userId: rsjOfficer.id }))
        .status,
    ).toBe(403);
    const wrongDept = await t.http
      .put('/api/departments/rsj/head')
      .set(admin.auth)
      .send({ userId: jtjOfficer.id });
    expect(wrongDept.status).toBe(422);
    expect(wrongDept.body.error.message).toContain('人社局');
    expect(
      (await t.http.put('/api/departments/rsj/head').set(admin.auth).send({ userId: steward.id })).status,
    ).toBe(422);
    expect(
      (await t.http.put('/api/departments/xyz/head').set(admin.auth).send({ userId: rsjHead.id })).status,
    ).toBe(400);
    expect((await t.http.get('/api/departments/heads').set(admin.auth)).body.items[0].userId).toBe(
      rsjHead.id,
    );
  });
});

describe('reminders and escalations reach people (calendar from chinese-days)', () => {
  it('when an issue is dispatched on the eve of 春节 2020, then nothing fires during the extended holiday; the officer is texted before the 02-05 deadline, the head and the steward after it, each once and on the timeline', async () => {
    const { id, due } = await dispatched('2020-01-23T09:30:00+08:00', 'rsj');
    // 01-24…02-02 are holidays (the State Council extended 春节 to 02-02): 02-03, 02-04, 02-05.
    expect(due).toBe(at('2020-02-05T10:00:00+08:00').toISOString());

    t.clock.set(at('2020-01-31T10:00:00+08:00')); // a naive 3-day count would be long overdue
    await tick();
    expect(await inboxOf(rsjOfficer)).toEqual([]);
    expect(await timeline(id)).toEqual([]);

    const before = sms().sent.length;
    t.clock.set(at('2020-02-05T07:00:00+08:00')); // 3 h before the deadline (reminders lead by 4 h)
    await tick();
    await tick(); // a second sweep and drain add nothing
    const reminder = await inboxOf(rsjOfficer);
    expect(reminder).toEqual([
      expect.objectContaining({
        kind: 'issue_reminder',
        page: `enterprise/pages/issue-detail/index?id=${id}`,
      }),
    ]);
    // Everyone holding the 人社局 queue is reminded (the head is one of its officers), once each.
    const texts = sms().sent.slice(before);
    expect(texts.map((m) => m.phone).sort()).toEqual(
      [await phoneOf(rsjOfficer), await phoneOf(rsjHead)].sort(),
    );
    expect(texts[0]).toMatchObject({
      kind: 'issue_reminder',
      text: expect.stringContaining('办理时限即将到期'),
    });
    expect(await inboxOf(steward)).toEqual([]); // the steward hears only once the issue is overdue

    t.clock.set(at('2020-02-05T10:05:00+08:00'));
    await tick();
    expect((await inboxOf(rsjHead)).map((n) => n.kind)).toEqual(['issue_escalated', 'issue_reminder']);
    expect((await inboxOf(rsjOfficer)).map((n) => n.kind)).toEqual(['issue_reminder']);
    expect((await inboxOf(steward)).map((n) => n.kind)).toContain('issue_overdue');
    const wechat = t.container.notifications.sender as unknown as {
      sent: { workerId: string; kind: string }[];
    };
    expect(wechat.sent.filter((m) => m.workerId === steward.id && m.kind === 'issue_overdue')).toHaveLength(
      1,
    );
    expect(sms().sent.filter((m) => m.kind === 'issue_overdue')).toHaveLength(0); // WeChat reached them

    const lines = (await timeline(id)).map((e) => e.note).sort();
    expect(lines).toEqual([
      expect.stringMatching(/办理时限即将到期.*已通知人社局办理人（站内消息、短信）/),
      expect.stringMatching(/办理时限即将到期.*已通知人社局办理人（站内消息、短信）/),
      expect.stringMatching(/办理时限已超期.*，已通知人社局负责人（站内消息、短信）/),
      expect.stringMatching(/办理时限已超期.*，已通知复工管家（站内消息、微信订阅消息）/),
    ]);
  });

  it('when an issue is dispatched the day before 国庆 2020 and the SMS gateway is down at first, then the reminder comes on 10-12 (10-10 is a 调休 working day), is retried and sent once', async () => {
    const { id, due } = await dispatched('2020-09-30T09:30:00+08:00', 'jtj');
    expect(due).toBe(at('2020-10-12T10:00:00+08:00').toISOString());
    t.clock.set(at('2020-10-08T10:00:00+08:00'));
    await tick();
    expect(await inboxOf(jtjOfficer)).toEqual([]);

    t.clock.set(at('2020-10-12T06:30:00+08:00'));
    sms().failNext = 1;
    await tick();
    const pending = await t.container.alerts.services.alerts.listForIssue(id);
    expect(pending).toEqual([
      expect.objectContaining({ status: 'pending', attempts: 1, lastError: expect.any(String) }),
    ]);
    expect(await timeline(id)).toEqual([]);

    t.clock.advance(60_000);
    await tick();
    const phone = await phoneOf(jtjOfficer);
    expect(sms().sent.filter((m) => m.phone === phone)).toHaveLength(1);
    expect(await inboxOf(jtjOfficer)).toHaveLength(1); // the failed attempt had already filed it
    expect(await t.container.alerts.services.alerts.listForIssue(id)).toEqual([
      expect.objectContaining({ status: 'sent', channel: 'sms', attempts: 2 }),
    ]);
    expect(await timeline(id)).toHaveLength(1);
  });
});
