import { Types } from 'mongoose';
import type { TestApp } from '../../test-support/test-app';
import { assign, signInAs, type Person } from '../enterprises/testing/fixtures';
import { createFirms, recordVisit, startStewardWorld } from './testing/steward-world';

let t: TestApp;
let admin: Person;
let s1: Person;
let s2: Person;
let s3: Person;
let worker: Person;
/** 6 光学仪器 规上 and 3 塑料制品 规下 firms in 余姚 (330281), 2 光学仪器 规上 in 慈溪 (330282). */
let optics: string[];
let plastics: string[];
let cixi: string[];
const DAY = 86_400_000;

beforeAll(async () => {
  ({ t, admin, s1, s2 } = await startStewardWorld());
  s3 = await signInAs(t, ['steward'], { name: '陈晓' });
  worker = await signInAs(t, ['worker']);
  optics = await createFirms(t, admin, 6, (i) => ({ name: `光电${i}` }));
  plastics = await createFirms(t, admin, 3, (i) => ({
    name: `模塑${i}`,
    industry: '塑料制品',
    size: 'below',
  }));
  cixi = await createFirms(t, admin, 2, (i) => ({ name: `慈溪${i}`, regionCode: '330282' }));
});
afterAll(() => t.close());

const OPTICS = { regionCode: '330281', industry: '光学仪器', size: 'above' };
const preview = (query: Record<string, string>, who = admin) =>
  t.http.get('/api/steward-assignments/preview').query(query).set(who.auth);
const bulk = (body: Record<string, unknown>, who = admin) =>
  t.http.post('/api/steward-assignments/bulk').set(who.auth).send(body);
const coverage = (query: Record<string, string> = {}, who = admin) =>
  t.http.get('/api/steward-assignments/coverage').query(query).set(who.auth);
const rebalance = (body: Record<string, unknown>, who = admin) =>
  t.http.post('/api/steward-assignments/rebalance').set(who.auth).send(body);
const liveOf = (stewardId: string) =>
  t.container.stewards.repos.assignments.enterpriseIdsOfSteward(stewardId);
const auditOf = (action: string) =>
  t.connection.db!.collection('audit_log').find({ action }).sort({ at: -1 }).toArray();

describe('bulk steward assignment by region, industry and size', () => {
  it('when the command previews 余姚 光学仪器 规上 and assigns 4 of them, then the count matches, 4 move and coverage drops by 4', async () => {
    const before = await coverage();
    expect(before.body).toMatchObject({ enterprises: 11, withoutSteward: 11 });
    const p = await preview(OPTICS);
    expect(p.status).toBe(200);
    expect(p.body).toEqual({ matched: 6, withoutSteward: 6, wouldAssign: 6 });

    const res = await bulk({ filter: OPTICS, stewardId: s1.id, limit: 4 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ stewardId: s1.id, stewardName: '郑麒麟', assigned: 4, skipped: 0 });
    expect((await liveOf(s1.id)).sort()).toEqual(optics.slice(0, 4).sort());
    expect((await preview(OPTICS)).body).toEqual({ matched: 6, withoutSteward: 2, wouldAssign: 2 });
    expect((await coverage()).body.withoutSteward).toBe(7);
    const [entry] = await auditOf('stewards.assign.bulk');
    expect(entry).toMatchObject({ actorId: admin.id, subjectId: s1.id });
    expect(entry.fields).toEqual(
      expect.arrayContaining(['regionCode=330281', 'industry=光学仪器', 'assigned=4']),
    );
    // The steward now works these firms: their card opens for them.
    expect((await t.http.get(`/api/enterprises/${optics[0]}`).set(s1.auth)).status).toBe(200);
  });

  it('when firms of another steward match, then only the unassigned ones are taken unless moving is asked for', async () => {
    const onlyFree = await bulk({ filter: OPTICS, stewardId: s2.id });
    expect(onlyFree.body.assigned).toBe(2);
    expect(await liveOf(s1.id)).toHaveLength(4);
    const moved = await bulk({ filter: OPTICS, stewardId: s2.id, onlyUnassigned: false, limit: 1 });
    expect(moved.body.assigned).toBe(1);
    expect(await liveOf(s1.id)).toHaveLength(3);
    expect(await liveOf(s2.id)).toHaveLength(3);
    const history = await t.http.get(`/api/enterprises/${optics[0]}/steward-assignments`).set(admin.auth);
    expect(history.body.items.map((a: { stewardName: string }) => a.stewardName)).toEqual([
      '王立新',
      '郑麒麟',
    ]);
  });

  it('when two admins assign the same free firms to two stewards at once, then each firm ends with exactly one steward', async () => {
    const filter = { regionCode: '330281', industry: '塑料制品' };
    const [a, b] = await Promise.all([
      bulk({ filter, stewardId: s1.id }),
      bulk({ filter, stewardId: s3.id }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.assigned + b.body.assigned).toBe(3);
    const live = await t.connection
      .db!.collection('steward_assignments')
      .countDocuments({ enterpriseId: { $in: plastics.map((id) => new Types.ObjectId(id)) }, live: true });
    expect(live).toBe(3);
  });

  it('when the filter, steward or limit is wrong, then 400 with the field, and nobody but the command may assign', async () => {
    expect((await preview({ regionCode: '3302' })).status).toBe(400);
    expect((await preview({ size: 'huge' })).status).toBe(400);
    const notSteward = await bulk({ filter: OPTICS, stewardId: worker.id });
    expect(notSteward.status).toBe(400);
    expect(notSteward.body.error.details[0].path).toBe('stewardId');
    expect((await bulk({ filter: OPTICS, stewardId: s1.id, limit: 0 })).status).toBe(400);
    expect((await bulk({ filter: { town: 'x' }, stewardId: s1.id })).status).toBe(400);
    expect((await bulk({ filter: OPTICS, stewardId: s1.id }, s1)).status).toBe(403);
    expect((await preview(OPTICS, s1)).status).toBe(403);
    expect((await coverage({}, worker)).status).toBe(403);
  });
});

describe('a leaving steward hands over', () => {
  it('when 郑麒麟 leaves, then all their firms go to 王立新 and 陈晓 by load, in one step, audited, and 郑麒麟 loses access', async () => {
    const leaving = await liveOf(s1.id);
    const loads = { s2: (await liveOf(s2.id)).length, s3: (await liveOf(s3.id)).length };
    const res = await rebalance({ fromStewardId: s1.id, toStewardIds: [s2.id, s3.id] });
    expect(res.status).toBe(200);
    expect(res.body.moved).toBe(leaving.length);
    expect(await liveOf(s1.id)).toEqual([]);
    const after = { s2: (await liveOf(s2.id)).length, s3: (await liveOf(s3.id)).length };
    expect(after.s2 + after.s3).toBe(loads.s2 + loads.s3 + leaving.length);
    expect(Math.abs(after.s2 - after.s3)).toBeLessThanOrEqual(Math.max(1, Math.abs(loads.s2 - loads.s3)));
    const [entry] = await auditOf('stewards.rebalance');
    expect(entry).toMatchObject({ actorId: admin.id, subjectId: s1.id });
    expect(entry.fields).toContain(`moved=${leaving.length}`);
    expect((await t.http.get(`/api/enterprises/${leaving[0]}`).set(s1.auth)).status).toBe(403);
  });

  it('when the leaving steward has no firms, is among the takers, or a taker is no steward, then it is refused and nothing moves', async () => {
    expect((await rebalance({ fromStewardId: s1.id, toStewardIds: [s2.id] })).status).toBe(404);
    expect((await rebalance({ fromStewardId: s2.id, toStewardIds: [s2.id] })).status).toBe(400);
    expect((await rebalance({ fromStewardId: s2.id, toStewardIds: [s3.id, s3.id] })).status).toBe(400);
    const bad = await rebalance({ fromStewardId: s2.id, toStewardIds: [s3.id, worker.id] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('toStewardIds.1');
    expect((await rebalance({ fromStewardId: s2.id, toStewardIds: [s3.id] }, s2)).status).toBe(403);
    expect((await liveOf(s2.id)).length).toBeGreaterThan(0);
  });
});

describe('coverage', () => {
  it('when a firm was visited within N days it is covered, and N days later it counts as not visited again', async () => {
    const [firm] = await liveOf(s2.id);
    const visit = await recordVisit(t, s2, firm, { place: '车间', findings: '' });
    expect(visit.status).toBe(201);
    const now = await coverage({ lapseDays: '7' });
    expect(now.body.notVisited).toBe(10);
    expect(now.body.notVisitedSample.map((f: { enterpriseId: string }) => f.enterpriseId)).not.toContain(
      firm,
    );
    t.clock.advance(8 * DAY);
    const later = await coverage({ lapseDays: '7' });
    expect(later.body.notVisited).toBe(11);
    // The longest unvisited (never visited) come first; the visited one last.
    expect(later.body.notVisitedSample.at(-1)).toMatchObject({ enterpriseId: firm, stewardName: '王立新' });
    expect((await coverage({ lapseDays: '30' })).body.notVisited).toBe(10);
  });

  it('when coverage is asked for one county, then only its firms count, and the sample names those without a steward', async () => {
    const res = await coverage({ regionCode: '330282' });
    expect(res.body).toMatchObject({ enterprises: 2, withoutSteward: 2, lapseDays: 14 });
    expect(res.body.withoutStewardSample.map((f: { name: string }) => f.name)).toEqual(['慈溪0', '慈溪1']);
    await assign(t, admin, cixi[0], s3.id);
    expect((await coverage({ regionCode: '330282' })).body.withoutSteward).toBe(1);
    // One firm given by hand is audited as well.
    expect((await auditOf('stewards.assign'))[0]).toMatchObject({ subjectId: cixi[0], actorId: admin.id });
  });

  it('when N is not a number of days from 1 to 90, then 400', async () => {
    for (const lapseDays of ['0', '91', 'abc', '2.5'])
      expect((await coverage({ lapseDays })).status).toBe(400);
  });
});
