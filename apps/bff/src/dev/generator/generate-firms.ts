import type { Types } from 'mongoose';
import { CHECKLIST_ITEMS, creditCodeCheckChar } from '@fugong/contracts';
import { addDays, daysBetween } from '@fugong/domain';
import type { StoredModels } from './stored-models';
import { BulkInserter, type Progress } from './bulk';
import { DEPARTMENT_OF, INDUSTRIES, ISSUE_MIX, TOWNS, firmName, type CityPlan } from './city-plan';
import { atChinaHour, generatedUser, HOUR } from './generated-user';
import { idFactory, type Rng } from './random';

/** What later stages need to know about each generated enterprise. */
export interface FirmFacts {
  id: Types.ObjectId;
  name: string;
  headcount: number;
  size: 'above' | 'below';
  /** Day it reopened, or null when still closed at the end of the window. */
  reopenDay: string | null;
}

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** A unique, checksum-valid 统一社会信用代码 for the n-th generated firm. */
function creditCode(seed: number, n: number): string {
  let body = '';
  for (let x = n + (seed % 1000) * 100_000, i = 0; i < 7; i += 1, x = Math.floor(x / ALPHABET.length))
    body = ALPHABET[x % ALPHABET.length] + body;
  const base = `91330281YY${body}`;
  return base + creditCodeCheckChar(base);
}

/**
 * Enterprises, stewards (one-to-one for every 规上 firm, the rest on small-firm clusters),
 * reopening reports ramping up to seed 001's rates, visits, call-backs and issues.
 */
export async function generateFirms(
  m: StoredModels,
  plan: CityPlan,
  r: Rng,
  seed: number,
  endDay: string,
  progress: Progress,
): Promise<FirmFacts[]> {
  const startDay = addDays(endDay, -(plan.days - 1));
  const ids = { firm: idFactory(seed, 1), user: idFactory(seed, 2), misc: idFactory(seed, 3) };
  const firms: FirmFacts[] = [];
  const ins = new BulkInserter(m.enterprises as never, '企业', plan.above + plan.below, progress);
  for (let n = 0; n < plan.above + plan.below; n += 1) {
    const size = n < plan.above ? 'above' : 'below';
    const town = r.pick(TOWNS);
    const industry = r.weighted(INDUSTRIES);
    const mean = plan.meanHeadcount[size];
    const headcount = Math.max(size === 'above' ? 20 : 1, Math.round(mean * Math.exp(r.normal(-0.18, 0.6))));
    const closed = size === 'below' && !r.chance(plan.belowReopened);
    const f: FirmFacts = {
      id: ids.firm(),
      name: firmName(r, town, industry, n + 1),
      headcount,
      size,
      reopenDay: closed ? null : addDays(startDay, r.int(0, plan.days - (size === 'above' ? 4 : 1))),
    };
    firms.push(f);
    await ins.add({
      _id: f.id,
      name: f.name,
      creditCode: creditCode(seed, n),
      industry,
      size,
      regionCode: '330281',
      address: `余姚市${town}工业区${r.int(1, 300)}号`,
      headcount,
      liaisonInviteCode: null,
      createdAt: atChinaHour(startDay, 0),
      updatedAt: atChinaHour(startDay, 0),
    });
  }
  await ins.flush();

  const stewards: Types.ObjectId[] = [];
  const users = new BulkInserter(m.users as never, '复工管家', plan.stewards, progress);
  for (let n = 0; n < plan.stewards; n += 1) {
    const id = ids.user();
    stewards.push(id);
    await users.add(
      generatedUser(r, { _id: id, roles: ['steward'], enterpriseId: null, homeRegion: null }, startDay),
    );
  }
  await users.flush();

  // One steward per 规上 firm; the stewards left over each look after one small firm.
  const commandId = ids.misc();
  const served: [FirmFacts, Types.ObjectId][] = stewards.map((s, i) => [
    i < plan.above ? firms[i] : firms[plan.above + r.int(0, plan.below - 1)],
    s,
  ]);
  const seen = new Set<string>();
  const assign = new BulkInserter(m.assignments as never, '管家分配', served.length, progress);
  for (const [f, s] of served) {
    if (seen.has(f.id.toHexString())) continue;
    seen.add(f.id.toHexString());
    await assign.add({
      enterpriseId: f.id,
      stewardId: s,
      assignedBy: commandId,
      from: atChinaHour(startDay, 9),
      to: null,
      live: true,
    });
  }
  await assign.flush();

  await reports(m, plan, r, firms, startDay, endDay, progress);
  await visitsAndCalls(m, plan, r, served, startDay, endDay, commandId, progress);
  await issues(m, plan, r, firms, startDay, endDay, seed, progress);
  return firms;
}

/** Reports: 规上 firms every other day, 规下 on the day they reopen and the last day; on-site staff ramp up. */
async function reports(
  m: StoredModels,
  plan: CityPlan,
  r: Rng,
  firms: FirmFacts[],
  startDay: string,
  endDay: string,
  progress: Progress,
) {
  const ins = new BulkInserter(m.reopening as never, '复工填报', firms.length * 3, progress);
  for (const f of firms) {
    const finalRate = Math.min(1, Math.max(0.3, r.normal(plan.returnRate[f.size], 0.08)));
    const days = new Set<string>([endDay]);
    if (f.reopenDay) days.add(f.reopenDay);
    if (f.size === 'above') for (let d = 0; d < plan.days; d += 2) days.add(addDays(startDay, d));
    for (const day of [...days].sort()) {
      const open = f.reopenDay !== null && f.reopenDay <= day;
      const ramp = open ? Math.min(1, 0.45 + 0.55 * (1 - daysBetween(day, endDay) / (plan.days - 1))) : 0;
      await ins.add({
        enterpriseId: f.id,
        day,
        reopened: open,
        reopenedSince: open ? f.reopenDay : null,
        staffOnSite: Math.round(f.headcount * finalRate * ramp),
        staffTotal: f.headcount,
        capacityPercent: open ? Math.round(60 + 40 * ramp) : 0,
        reportedBy: f.id,
        reportedAt: atChinaHour(day, 17),
        revision: 1,
      });
    }
  }
  await ins.flush();
}

async function visitsAndCalls(
  m: StoredModels,
  plan: CityPlan,
  r: Rng,
  served: [FirmFacts, Types.ObjectId][],
  startDay: string,
  endDay: string,
  commandId: Types.ObjectId,
  progress: Progress,
) {
  const visits = new BulkInserter(m.visits as never, '管家走访', served.length * 3, progress);
  const calls = new BulkInserter(m.callbacks as never, '电话回访', served.length / 5, progress);
  const checklist = CHECKLIST_ITEMS.map((i) => ({ key: i.key, status: 'met', note: '' }));
  for (const [f, steward] of served) {
    // Most stewards visit every 3–5 days; about one in twelve has let it slip for over a week.
    const lax = r.chance(1 / 12);
    for (let d = r.int(0, 2); d < plan.days - (lax ? 8 : 0); d += r.int(3, 5)) {
      const when = atChinaHour(addDays(startDay, d), r.int(9, 16));
      await visits.add({
        enterpriseId: f.id,
        stewardId: steward,
        visitedAt: when,
        place: '企业车间',
        location: null,
        checklist,
        findings: '',
        issueIds: [],
        createdAt: when,
      });
    }
    if (r.chance(0.2)) {
      const reached = r.chance(0.85);
      const rating = lax
        ? r.int(1, 3)
        : r.weighted([
            [5, 60],
            [4, 30],
            [3, 8],
            [2, 2],
          ] as const);
      await calls.add({
        enterpriseId: f.id,
        stewardId: steward,
        callerId: commandId,
        calledAt: atChinaHour(addDays(endDay, -r.int(0, plan.days - 1)), 15),
        reached,
        satisfaction: reached ? rating : null,
        remarks: '',
      });
    }
  }
  await visits.flush();
  await calls.flush();
}

/** Issues at about one in ten firms (every closed firm has some), most already answered and confirmed. */
async function issues(
  m: StoredModels,
  plan: CityPlan,
  r: Rng,
  firms: FirmFacts[],
  startDay: string,
  endDay: string,
  seed: number,
  progress: Progress,
) {
  const ins = new BulkInserter(m.issues as never, '问题申报', firms.length / 9, progress);
  let seq = 0;
  for (const f of firms) {
    const count =
      f.reopenDay === null ? r.int(1, 3) : r.chance(f.size === 'above' ? 0.5 : 0.08) ? r.int(1, 2) : 0;
    for (let k = 0; k < count; k += 1) {
      const category = r.weighted(ISSUE_MIX);
      const day = addDays(startDay, r.int(0, plan.days - 1));
      const reportedAt = atChinaHour(day, r.int(8, 18));
      const age = daysBetween(day, endDay);
      const state =
        f.reopenDay === null
          ? r.pick(['submitted', 'accepted', 'dispatched'] as const)
          : age < 2
            ? r.pick(['submitted', 'accepted', 'dispatched', 'answered'] as const)
            : r.weighted([
                ['confirmed', 70],
                ['answered', 15],
                ['dispatched', 10],
                ['reopened', 5],
              ] as const);
      const dept = state === 'submitted' || state === 'accepted' ? null : DEPARTMENT_OF[category];
      const dueAt = dept ? new Date(reportedAt.getTime() + 50 * HOUR) : null;
      const answered = state === 'answered' || state === 'confirmed';
      const metAt =
        answered && dueAt
          ? new Date(dueAt.getTime() + (r.chance(0.85) ? -r.int(2, 40) : r.int(2, 30)) * HOUR)
          : null;
      const clock = (due: Date | null, met: Date | null) => ({
        dueAt: due,
        metAt: met,
        remindedAt: null,
        escalatedAt: null,
      });
      await ins.add({
        number: `${day.replace(/-/g, '')}${String((seed % 10) * 100_000 + seq++).padStart(6, '0')}`,
        enterpriseId: f.id,
        enterpriseName: f.name,
        category,
        urgency: r.chance(0.3) ? 'urgent' : 'normal',
        description: '企业复工遇到的困难，请协调解决',
        attachmentIds: [],
        source: 'liaison',
        visitId: null,
        visitProblemIndex: null,
        reportedBy: f.id,
        reportedAt,
        state,
        departmentCode: dept,
        answer: answered ? '已协调解决' : null,
        rating:
          state === 'confirmed'
            ? r.weighted([
                [5, 55],
                [4, 30],
                [3, 10],
                [2, 5],
              ] as const)
            : null,
        escalated: !answered && age > 3 && r.chance(0.4),
        clocks: {
          firstResponse: clock(
            new Date(reportedAt.getTime() + 4 * HOUR),
            state === 'submitted' ? null : new Date(reportedAt.getTime() + 2 * HOUR),
          ),
          progress: clock(dueAt, metAt),
          resolution: clock(
            new Date(reportedAt.getTime() + 120 * HOUR),
            state === 'confirmed' ? metAt : null,
          ),
        },
        timeline: [
          {
            at: reportedAt,
            type: 'submitted',
            actorId: f.id,
            actorRole: 'liaison',
            fromState: null,
            toState: 'submitted',
            departmentCode: null,
            note: '',
          },
        ],
      });
    }
  }
  await ins.flush();
}
