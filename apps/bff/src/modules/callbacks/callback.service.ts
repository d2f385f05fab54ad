import type { CallbackFlag } from '@fugong/contracts';
import type { Actor } from '../../auth/actor';
import type { Clock } from '../../clock';
import { DomainError } from '../../errors';
import { NO_LISTENERS, type RecordEventPublisher } from '../../events';
import type { EnterpriseRepository, StaffRepository } from '../enterprises';
import type { AssignmentRepository } from '../assignments';
import type { VisitRepository } from '../visits';
import type { CallbackRecord, CallbackRepository } from './callback.repository';
import { dueForCallback, scorecardOrder } from './callback-console';

const DAY_MS = 86_400_000;
const toView = (c: CallbackRecord) => ({ ...c, calledAt: c.calledAt.toISOString() });

export interface CallbackServiceDeps {
  repo: CallbackRepository;
  enterprises: EnterpriseRepository;
  assignments: AssignmentRepository;
  staff: StaffRepository;
  visits: VisitRepository;
  clock: Clock;
  events?: RecordEventPublisher;
}

/** 电话回访 by the command/discipline supervisors; the rating is attributed to the firm's current steward. */
export class CallbackService {
  private readonly events: RecordEventPublisher;

  constructor(private readonly d: CallbackServiceDeps) {
    this.events = d.events ?? NO_LISTENERS;
  }

  async record(
    actor: Actor,
    input: {
      enterpriseId: string;
      reached: boolean;
      satisfaction: number | null;
      remarks: string;
      flags?: CallbackFlag[];
    },
  ) {
    const enterprise = await this.d.enterprises.findById(input.enterpriseId);
    if (!enterprise) throw new DomainError('NOT_FOUND', '未找到该企业');
    const live = await this.d.assignments.liveForEnterprise(input.enterpriseId);
    const call = await this.d.repo.create({
      ...input,
      flags: input.flags ?? [],
      stewardId: live?.stewardId ?? null,
      callerId: actor.id,
      calledAt: this.d.clock.now(),
    });
    await this.events.publish({
      type: 'callback.recorded',
      callId: call.id,
      enterpriseId: call.enterpriseId,
      enterpriseName: enterprise.name,
      stewardId: call.stewardId,
      callerId: call.callerId,
      calledAt: call.calledAt,
      reached: call.reached,
      satisfaction: call.satisfaction,
      flags: call.flags,
    });
    return toView(call);
  }

  async list(enterpriseId: string) {
    if (!(await this.d.enterprises.findById(enterpriseId)))
      throw new DomainError('NOT_FOUND', '未找到该企业');
    return { items: (await this.d.repo.listForEnterprise(enterpriseId)).map(toView) };
  }

  /** Firms with a steward not called back for `days` days (never-called first), cut at `limit`. */
  async due(query: { days: number; limit: number }) {
    const now = this.d.clock.now();
    const live = await this.d.assignments.allLive();
    const last = await this.d.repo.lastCalledAt(live.map((a) => a.enterpriseId));
    const due = dueForCallback(live, last, now, query.days);
    const page = due.slice(0, query.limit);
    const [firms, stewards] = await Promise.all([
      this.d.enterprises.listByIds(page.map((p) => p.enterpriseId)),
      this.d.staff.findByIds([...new Set(page.map((p) => p.stewardId))]),
    ]);
    const firmName = new Map(firms.map((f) => [f.id, f.name]));
    const stewardName = new Map(stewards.map((s) => [s.id, s.name]));
    return {
      days: query.days,
      total: due.length,
      items: page.map((p) => ({
        enterpriseId: p.enterpriseId,
        enterpriseName: firmName.get(p.enterpriseId) ?? '（企业已移除）',
        stewardId: p.stewardId,
        stewardName: stewardName.get(p.stewardId) ?? null,
        lastCalledAt: p.lastCalledAt?.toISOString() ?? null,
        daysSinceCall: p.lastCalledAt
          ? Math.floor((now.getTime() - p.lastCalledAt.getTime()) / DAY_MS)
          : null,
      })),
    };
  }

  /** Every steward's visits, issues raised, call-backs, ratings and findings over the last `days` days. */
  async scorecard(query: { days: number }) {
    const since = new Date(this.d.clock.now().getTime() - query.days * DAY_MS);
    const [stewards, live] = await Promise.all([
      this.d.staff.listByRole('steward'),
      this.d.assignments.allLive(),
    ]);
    const ids = stewards.map((s) => s.id);
    const [calls, visits] = await Promise.all([
      this.d.repo.statsBySteward(ids, since),
      this.d.visits.countsBySteward(ids, since),
    ]);
    const firms = new Map<string, number>();
    for (const a of live) firms.set(a.stewardId, (firms.get(a.stewardId) ?? 0) + 1);
    const items = stewards.map((s) => {
      const c = calls.get(s.id);
      const v = visits.get(s.id);
      return {
        stewardId: s.id,
        stewardName: s.name,
        enterprises: firms.get(s.id) ?? 0,
        visits: v?.visits ?? 0,
        issuesRaised: v?.issuesRaised ?? 0,
        calls: c?.calls ?? 0,
        reached: c?.reached ?? 0,
        averageSatisfaction: c && c.rated > 0 ? Math.round((c.satisfactionSum / c.rated) * 10) / 10 : null,
        flags: c?.flags ?? { inaction: 0, obstruction: 0, slow: 0, misconduct: 0 },
      };
    });
    return { days: query.days, items: items.sort(scorecardOrder) };
  }
}
