import { startTestApp, type TestApp } from '../../test-support/test-app';
import { assign, createEnterprise, signInAs, type Person } from '../enterprises/testing/fixtures';

let t: TestApp;
let admin: Person;
let liaison: Person;
let steward: Person;
let officer: Person;
let firm: string;

const at = (s: string) => new Date(s);
const sweep = () => t.container.issues.services.sweep.run();
const get = async (id: string) => (await t.http.get(`/api/issues/${id}`).set(admin.auth)).body;
const act = (who: Person, id: string, action: string, body: Record<string, unknown> = {}) =>
  t.http.post(`/api/issues/${id}/${action}`).set(who.auth).send(body);

beforeAll(async () => {
  t = await startTestApp();
  admin = await signInAs(t, ['admin']);
  firm = await createEnterprise(t, admin);
  liaison = await signInAs(t, ['liaison'], { enterpriseId: firm });
  steward = await signInAs(t, ['steward']);
  officer = await signInAs(t, ['officer'], { departmentId: 'rsj' });
  await assign(t, admin, firm, steward.id);
});
afterAll(() => t.close());

describe('deadline sweep: reminders before, escalation after (ManualClock, no sleeps)', () => {
  it('when clocks approach and pass their deadlines, then each is reminded once and escalated once, to the right people', async () => {
    t.clock.set(at('2026-03-06T09:00:00+08:00')); // a Friday
    const x = (
      await t.http
        .post('/api/issues')
        .set(liaison.auth)
        .send({ enterpriseId: firm, category: 'labour', urgency: 'normal', description: '缺少普工 30 人' })
    ).body.id;
    const y = (
      await t.http.post('/api/issues').set(liaison.auth).send({
        enterpriseId: firm,
        category: 'materials',
        urgency: 'urgent',
        description: '原材料断供，急需协调',
      })
    ).body.id;
    await act(steward, x, 'accept');
    const dispatched = await act(steward, x, 'dispatch', { departmentCode: 'rsj' });
    // Normal issue: 3 working days, the weekend skipped → Wednesday 09:00.
    expect(dispatched.body.clocks.progress.dueAt).toBe(at('2026-03-11T09:00:00+08:00').toISOString());

    t.clock.set(at('2026-03-06T10:00:00+08:00')); // Y must be accepted by 13:00 (urgent: 4 h)
    expect(await sweep()).toEqual({ reminded: 1, escalated: 0 });
    expect(await sweep()).toEqual({ reminded: 0, escalated: 0 });
    expect((await get(y)).timeline.at(-1)).toMatchObject({ type: 'reminded', actorRole: 'system' });

    t.clock.set(at('2026-03-06T13:01:00+08:00'));
    expect(await sweep()).toEqual({ reminded: 0, escalated: 1 });
    const late = await get(y);
    expect(late.escalated).toBe(true);
    expect(late.clocks.firstResponse.overdue).toBe(true);
    expect(late.timeline.at(-1).note).toBe('受理时限已超期，已督办：复工管家、指挥部');
    await act(steward, y, 'accept');

    t.clock.set(at('2026-03-11T06:00:00+08:00'));
    expect(await sweep()).toEqual({ reminded: 2, escalated: 0 }); // X progress, Y resolution (urgent: 3 working days)

    t.clock.set(at('2026-03-11T09:01:00+08:00'));
    const [a, b] = await Promise.all([sweep(), sweep()]);
    expect(a.escalated + b.escalated).toBe(2);
    const xs = await get(x);
    expect(xs.escalated).toBe(true);
    expect(xs.clocks.progress.overdue).toBe(true);
    expect(xs.timeline.filter((e: { type: string }) => e.type === 'escalated')).toHaveLength(1);
    expect(xs.timeline.at(-1).note).toBe('办理时限已超期，已督办：人社局负责人、指挥部');
    expect(await sweep()).toEqual({ reminded: 0, escalated: 0 });
  });

  it('when an issue is answered before its deadline, then passing the deadline escalates nothing', async () => {
    t.clock.set(at('2026-04-01T09:00:00+08:00'));
    const id = (
      await t.http.post('/api/issues').set(liaison.auth).send({
        enterpriseId: firm,
        category: 'policy',
        urgency: 'normal',
        description: '稳岗返还政策如何申请',
      })
    ).body.id;
    await act(steward, id, 'accept');
    const d = await act(steward, id, 'dispatch', { departmentCode: 'rsj' });
    expect(d.body.clocks.progress.dueAt).toBe(at('2026-04-02T09:00:00+08:00').toISOString()); // policy question: 24 h
    await act(officer, id, 'answer', { answer: '不裁员或少裁员的参保企业可返还上年度失业保险费的 50%' });
    t.clock.set(at('2026-04-03T09:00:00+08:00'));
    await sweep();
    expect((await get(id)).timeline.map((e: { type: string }) => e.type)).toEqual([
      'submitted',
      'accepted',
      'dispatched',
      'answered',
    ]);
  });

  it('when the command triggers the sweep over HTTP, then it gets the counts; an officer may not', async () => {
    const ok = await t.http.post('/api/issues/sweep').set(admin.auth);
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ reminded: expect.any(Number), escalated: expect.any(Number) });
    expect((await t.http.post('/api/issues/sweep').set(officer.auth)).status).toBe(403);
  });
});
