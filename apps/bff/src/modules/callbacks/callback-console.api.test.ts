import type { TestApp } from '../../test-support/test-app';
import { assign, signInAs, type Person } from '../enterprises/testing/fixtures';
import { createFirms, recordVisit, startStewardWorld } from '../stewards/testing/steward-world';

let t: TestApp;
let caller: Person;
let supervisor: Person;
let s1: Person;
let s2: Person;
let firms: string[];
const DAY = 86_400_000;

beforeAll(async () => {
  ({ t, admin: caller, s1, s2 } = await startStewardWorld('纪委回访员'));
  supervisor = await signInAs(t, ['admin'], { name: '指挥部督查' });
  firms = await createFirms(t, caller, 4, (i) => ({ name: `回访企业${i}` }));
  // firms[3] has no steward: nobody to rate, so it is never on the call list.
  await assign(t, caller, firms[0], s1.id);
  t.clock.advance(60_000);
  await assign(t, caller, firms[1], s1.id);
  t.clock.advance(60_000);
  await assign(t, caller, firms[2], s2.id);
});
afterAll(() => t.close());

const call = (body: Record<string, unknown>, who: Person = caller) =>
  t.http
    .post('/api/callbacks')
    .set(who.auth)
    .send({ reached: true, satisfaction: 4, remarks: '', ...body });
const due = (query = '') => t.http.get(`/api/callbacks/due${query}`).set(caller.auth);
const stored = () => t.connection.db!.collection('steward_callbacks').countDocuments();

describe('the call list (待回访企业)', () => {
  it('when no firm has been called, then every firm with a steward is due, longest-assigned first, with its steward', async () => {
    const res = await due();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ total: 3, days: 14 });
    expect(res.body.items.map((i: { enterpriseId: string }) => i.enterpriseId)).toEqual(firms.slice(0, 3));
    expect(res.body.items[0]).toMatchObject({
      enterpriseName: '回访企业0',
      stewardName: '郑麒麟',
      lastCalledAt: null,
      daysSinceCall: null,
    });
  });

  it('when a firm is called, then it leaves the list until the chosen number of days has passed', async () => {
    expect((await call({ enterpriseId: firms[0], satisfaction: 5 })).status).toBe(201);
    expect((await due()).body.items.map((i: { enterpriseId: string }) => i.enterpriseId)).toEqual([
      firms[1],
      firms[2],
    ]);
    t.clock.advance(15 * DAY);
    const later = await due();
    expect(later.body.total).toBe(3);
    // Never-called firms still come first; the firm called 15 days ago follows them.
    expect(later.body.items[2]).toMatchObject({ enterpriseId: firms[0], daysSinceCall: 15 });
    expect((await due('?days=30')).body.total).toBe(2);
  });

  it('when the window or the limit is outside its range, then 400 says so', async () => {
    for (const q of ['?days=0', '?days=91', '?days=abc', '?limit=0', '?limit=101']) {
      const res = await due(q);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
    }
    expect((await due('?days=0')).body.error.details[0].message).toBe('天数为 1–90');
  });
});

describe('findings (不作为、中梗阻、慢作为、乱作为)', () => {
  it('when a call records 慢作为 with what happened, then the other supervisors are told in their inbox, naming the firm and steward', async () => {
    const res = await call({
      enterpriseId: firms[1],
      satisfaction: 2,
      flags: ['slow'],
      remarks: '用工问题三次催办仍未答复',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ flags: ['slow'], stewardId: s1.id });
    const inbox = await t.http.get('/api/inbox').set(supervisor.auth);
    const notice = inbox.body.items.find((n: { kind: string }) => n.kind === 'callback_flag');
    expect(notice).toMatchObject({ title: '回访发现慢作为：回访企业1' });
    expect(notice.body).toContain('郑麒麟');
    expect(notice.page).toBe('admin/pages/callbacks/index?tab=scorecard');
    // The caller knows already; stewards are not told by the system.
    for (const who of [caller, s1]) {
      const own = await t.http.get('/api/inbox').set(who.auth);
      expect(own.body.items.filter((n: { kind: string }) => n.kind === 'callback_flag')).toEqual([]);
    }
  });

  it('when a call without findings is recorded, then nobody gets a notice', async () => {
    const before = (await t.http.get('/api/inbox').set(supervisor.auth)).body.items.length;
    expect((await call({ enterpriseId: firms[2], satisfaction: 5 })).status).toBe(201);
    expect((await t.http.get('/api/inbox').set(supervisor.auth)).body.items.length).toBe(before);
  });

  it.each([
    [
      'not reached',
      { reached: false, satisfaction: null, flags: ['inaction'], remarks: '无人接听但听说不作为' },
      'flags',
    ],
    ['no account of what happened', { flags: ['inaction'], remarks: '差' }, 'remarks'],
    ['the same finding twice', { flags: ['slow', 'slow'], remarks: '拖延办理两周以上' }, 'flags'],
    ['an unknown finding', { flags: ['lazy'], remarks: '拖延办理两周以上' }, 'flags.0'],
  ])('when a finding is recorded with %s, then 400 and nothing is stored', async (_, over, path) => {
    const before = await stored();
    const res = await call({ enterpriseId: firms[1], ...over });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await stored()).toBe(before);
  });
});

describe('the stewards’ scorecard (服务评价)', () => {
  it('when stewards have visits, calls and findings, then each is counted and the one with findings comes first', async () => {
    const visit = await recordVisit(t, s1, firms[1], { place: '车间', findings: '已整改' });
    expect(visit.status).toBe(201);
    const res = await t.http.get('/api/callbacks/scorecard?days=7').set(caller.auth);
    expect(res.status).toBe(200);
    expect(res.body.days).toBe(7);
    const [first, second] = res.body.items;
    // Within 7 days: the 慢作为 call (2 分) on s1's firm, one visit; the 5-point call on s2's firm.
    expect(first).toMatchObject({
      stewardName: '郑麒麟',
      enterprises: 2,
      visits: 1,
      issuesRaised: 0,
      calls: 1,
      reached: 1,
      averageSatisfaction: 2,
      flags: { inaction: 0, obstruction: 0, slow: 1, misconduct: 0 },
    });
    expect(second).toMatchObject({ stewardName: '王立新', calls: 1, averageSatisfaction: 5 });
    // Over 30 days the first call (5 分, 15 days ago) counts too.
    const month = await t.http.get('/api/callbacks/scorecard?days=30').set(caller.auth);
    expect(month.body.items[0]).toMatchObject({ stewardName: '郑麒麟', calls: 2, averageSatisfaction: 3.5 });
  });
});

describe('who may use the console', () => {
  it('when a steward or a liaison asks for the call list or the scorecard, then 403', async () => {
    const liaison = await signInAs(t, ['liaison'], { enterpriseId: firms[0] });
    for (const who of [s1, liaison])
      for (const path of ['/api/callbacks/due', '/api/callbacks/scorecard'])
        expect((await t.http.get(path).set(who.auth)).status).toBe(403);
  });
});
