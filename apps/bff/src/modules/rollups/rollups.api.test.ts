import { Types } from 'mongoose';
import { CHECKLIST_ITEMS, ISSUE_CATEGORIES, creditCodeCheckChar } from '@fugong/contracts';
import type { Actor } from '../../auth/actor';
import { DomainError } from '../../errors';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { enterpriseSideServices } from '../dashboard/testing/fixture';
import { rollupModel } from './rollup.model';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
  t.clock.set(new Date('2027-03-01T09:00:00+08:00'));
});
afterEach(() => t.close());

/** Deterministic PRNG (mulberry32), so a failing mix can be replayed from its seed. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const person = (roles: Actor['roles'], extra: Partial<Actor> = {}): Actor => ({
  id: new Types.ObjectId().toHexString(),
  roles,
  enterpriseId: null,
  departmentId: null,
  ...extra,
});
const TOWNS = ['阳明街道', '兰江街道', '凤山街道', '梁弄镇'];
const INDUSTRIES = ['光学仪器', '通用设备', '塑料制品'];

/** Runs `steps` random writes through the real services (errors a real user could hit are fine). */
async function randomMix(seed: number, steps: number): Promise<void> {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const s = enterpriseSideServices(t);
  const admin = person(['admin']);
  const stewards = await Promise.all(
    ['13900000001', '13900000002'].map(async (phone, i) => {
      const u = await t.container.repos.users.upsertStaffByPhone({
        phoneHash: t.container.pii.lookupHash(phone),
        phoneEnc: t.container.pii.encrypt(phone),
        name: `管家${i}`,
        roles: ['steward'],
      });
      return person(['steward'], { id: u.id });
    }),
  );
  const firms: string[] = [];
  const issues: { id: string; enterpriseId: string }[] = [];
  for (let step = 0; step < steps; step += 1) {
    const roll = r();
    try {
      if (firms.length < 3 || roll < 0.1) {
        const org = `MA3R${String(firms.length).padStart(5, '0')}`;
        const e = await s.enterprises.create({
          name: `随机企业${firms.length}`,
          creditCode: `91330281${org}` + creditCodeCheckChar(`91330281${org}`),
          industry: pick(INDUSTRIES),
          size: pick(['above', 'below'] as const),
          regionCode: '330281',
          address: `余姚市${pick(TOWNS)}某路`,
          headcount: 10 + Math.floor(r() * 200),
        });
        firms.push(e.id);
      } else if (roll < 0.3) {
        const total = 10 + Math.floor(r() * 100);
        const firm = pick(firms);
        await s.reopening.reportToday(person(['liaison'], { enterpriseId: firm }), firm, {
          reopened: r() < 0.7,
          reopenedSince: null,
          staffOnSite: Math.floor(r() * total),
          staffTotal: total,
          capacityPercent: 60,
        });
      } else if (roll < 0.42) {
        const firm = pick(firms);
        const i = await s.issues.create(person(['liaison'], { enterpriseId: firm }), {
          enterpriseId: firm,
          category: pick(ISSUE_CATEGORIES),
          urgency: pick(['urgent', 'normal'] as const),
          description: '随机问题描述',
          attachmentIds: [],
        });
        issues.push({ id: i.id, enterpriseId: firm });
      } else if (roll < 0.6 && issues.length > 0) {
        const i = pick(issues);
        const action = pick(['accept', 'dispatch', 'answer', 'confirm', 'reopen'] as const);
        const body = {
          departmentCode: 'rsj',
          answer: '已协调解决此问题',
          rating: 1 + Math.floor(r() * 5),
          reason: '仍未解决',
        };
        await s.issues
          .act(admin, i.id, action, body)
          .catch(() =>
            s.issues.act(person(['liaison'], { enterpriseId: i.enterpriseId }), i.id, action, body),
          );
      } else if (roll < 0.68) {
        await s.stewards.assign(admin, pick(firms), pick(stewards).id);
      } else if (roll < 0.78) {
        const steward = pick(stewards);
        const mine = await t.container.stewards.repos.assignments.enterpriseIdsOfSteward(steward.id);
        if (mine.length > 0)
          await s.visits.create(steward, {
            enterpriseId: pick(mine),
            place: '车间',
            location: null,
            checklist: CHECKLIST_ITEMS.map((c) => ({ key: c.key, status: 'met' as const, note: '' })),
            findings: '',
            problems:
              r() < 0.5
                ? [{ category: pick(ISSUE_CATEGORIES), urgency: 'normal', description: '走访发现的问题' }]
                : [],
          });
      } else if (roll < 0.85) {
        const reached = r() < 0.7;
        await s.callbacks.record(admin, {
          enterpriseId: pick(firms),
          reached,
          satisfaction: reached ? 1 + Math.floor(r() * 5) : null,
          remarks: '',
        });
      } else if (roll < 0.9) {
        await s.enterprises.update(pick(firms), { headcount: 10 + Math.floor(r() * 300) });
      } else {
        t.clock.advance(Math.floor(r() * 30) * 3_600_000);
        await s.sweep.run();
      }
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
    }
  }
}

describe('rollup rebuild', () => {
  it('when a random mix of writes went through the real services, then the rebuild finds zero drift (twice)', async () => {
    await randomMix(20270301, 160);
    const first = await t.container.rollups.rebuild();
    expect(first.drift).toEqual([]);
    expect(first.driftCount).toBe(0);
    expect(first.documents).toBeGreaterThan(3);
    expect((await t.container.rollups.rebuild()).driftCount).toBe(0);
  });

  it('when a counter was damaged behind the hooks’ back, then the rebuild reports exactly that drift and repairs it', async () => {
    await randomMix(7, 40);
    await rollupModel(t.connection).updateOne(
      { _id: 'reopen|*' },
      { $inc: { 'c.330281:阳明街道~光学仪器~above.enterprises': 5 } },
      { upsert: true },
    );
    const report = await t.container.rollups.rebuild();
    expect(report.driftCount).toBe(1);
    expect(report.drift[0]).toMatchObject({
      doc: 'reopen|*',
      field: '330281:阳明街道~光学仪器~above',
      metric: 'enterprises',
    });
    expect(report.drift[0].stored - report.drift[0].recount).toBe(5);
    expect((await t.container.rollups.rebuild()).driftCount).toBe(0);
  });

  it('when a hook runs again for an unchanged record, or many run at once, then nothing is counted twice', async () => {
    await randomMix(99, 30);
    const ids = (await t.container.enterprises.repos.enterprises.list({}, 1, 50)).items.map((e) => e.id);
    const rollups = t.container.rollups.service;
    await Promise.all([...ids, ...ids, ...ids].map((id) => rollups.syncEnterprise(id)));
    expect((await t.container.rollups.rebuild()).driftCount).toBe(0);
  });
});
