import {
  isIssueOverdue,
  OPEN_ISSUE_STATES,
  VISIT_LAPSE_DAYS,
  rankByNeed,
  stewardsNeedingAttention,
} from '@fugong/domain';
import type { Actor } from '../../auth/actor';
import type { AuditRepository } from '../../audit/audit.repository';
import type { Clock } from '../../clock';
import { DomainError } from '../../errors';
import type { EnterpriseRepository, EnterpriseScope, StaffRepository } from '../enterprises';
import type { VisitRepository } from '../visits';
import type { IssueRepository } from '../issues';
import type { ReopeningRepository } from '../reopening';
import type { CallbackRepository } from '../callbacks';
import type { AssignmentRecord, AssignmentRepository } from '../assignments';
import { NO_LISTENERS, type RecordEventPublisher } from '../../events';

export interface StewardServiceDeps {
  assignments: AssignmentRepository;
  enterprises: EnterpriseRepository;
  staff: StaffRepository;
  scope: EnterpriseScope;
  visits: VisitRepository;
  issues: IssueRepository;
  reopening: ReopeningRepository;
  callbacks: CallbackRepository;
  /** Who gave which firm to which steward (absent in unit set-ups that audit nothing). */
  audit?: AuditRepository;
  clock: Clock;
  /** Where an assignment is announced (the dashboard counts firms with a steward). */
  events?: RecordEventPublisher;
}

const DAY_MS = 86_400_000;

/** Steward assignments, a steward's enterprises by need, call-backs and the attention list. */
export class StewardService {
  constructor(private readonly d: StewardServiceDeps) {}

  async assign(actor: Actor, enterpriseId: string, stewardId: string, requestId: string | null = null) {
    const [enterprise, steward] = await Promise.all([
      this.d.enterprises.findById(enterpriseId),
      this.d.staff.findByIds([stewardId]),
    ]);
    if (!enterprise) throw new DomainError('NOT_FOUND', '未找到该企业');
    if (!steward[0]?.roles.includes('steward')) {
      throw new DomainError('VALIDATION_ERROR', '该人员不是复工管家', [
        { path: 'stewardId', message: '该人员不是复工管家', code: 'not_steward' },
      ]);
    }
    const rec = await this.d.assignments.reassign(enterpriseId, stewardId, actor.id, this.d.clock.now());
    await this.d.audit?.append({
      at: this.d.clock.now(),
      actorId: actor.id,
      action: 'stewards.assign',
      subjectType: 'enterprise',
      subjectId: enterpriseId,
      fields: [`stewardId=${stewardId}`],
      requestId,
    });
    await (this.d.events ?? NO_LISTENERS).publish({ type: 'enterprise.changed', enterpriseId });
    return this.view(rec, steward[0].name);
  }

  async history(actor: Actor, enterpriseId: string) {
    await this.d.scope.assertAccess(actor, enterpriseId);
    const items = await this.d.assignments.history(enterpriseId);
    const names = new Map(
      (await this.d.staff.findByIds(items.map((i) => i.stewardId))).map((s) => [s.id, s.name]),
    );
    return { items: items.map((i) => this.view(i, names.get(i.stewardId) ?? null)) };
  }

  async roster() {
    const [stewards, live] = await Promise.all([
      this.d.staff.listByRole('steward'),
      this.d.assignments.allLive(),
    ]);
    const counts = new Map<string, number>();
    for (const a of live) counts.set(a.stewardId, (counts.get(a.stewardId) ?? 0) + 1);
    return { items: stewards.map((s) => ({ id: s.id, name: s.name, enterprises: counts.get(s.id) ?? 0 })) };
  }

  /** The steward's own enterprises, most in need of a visit first. */
  async mine(actor: Actor) {
    const ids = await this.d.assignments.enterpriseIdsOfSteward(actor.id);
    const now = this.d.clock.now();
    const [enterprises, lastVisits, issues, reports] = await Promise.all([
      this.d.enterprises.listByIds(ids),
      this.d.visits.lastVisitAt(ids),
      this.d.issues.listForEnterprises(ids, OPEN_ISSUE_STATES),
      this.d.reopening.latestFor(ids),
    ]);
    const ranked = rankByNeed(
      enterprises.map((e) => {
        const own = issues.filter((i) => i.enterpriseId === e.id);
        return {
          enterpriseId: e.id,
          name: e.name,
          lastVisitAt: lastVisits.get(e.id) ?? null,
          openIssues: own.length,
          overdueIssues: own.filter((i) => isIssueOverdue(i, now)).length,
          reopened: reports.get(e.id)?.reopened ?? false,
        };
      }),
      now,
    );
    const byId = new Map(enterprises.map((e) => [e.id, e]));
    return {
      items: ranked.map((r) => ({
        enterpriseId: r.enterpriseId,
        name: r.name,
        regionCode: byId.get(r.enterpriseId)!.regionCode,
        size: byId.get(r.enterpriseId)!.size,
        lastVisitAt: r.lastVisitAt ? r.lastVisitAt.toISOString() : null,
        daysSinceVisit: r.daysSinceVisit,
        openIssues: r.openIssues,
        overdueIssues: r.overdueIssues,
        reopened: r.reopened,
        needScore: r.needScore,
        reasons: r.reasons,
      })),
    };
  }

  /** Stewards with low call-back ratings or enterprises left unvisited for VISIT_LAPSE_DAYS. */
  async attention() {
    const live = await this.d.assignments.allLive();
    const now = this.d.clock.now();
    const lastVisits = await this.d.visits.lastVisitAt(live.map((a) => a.enterpriseId));
    const bySteward = new Map<string, AssignmentRecord[]>();
    for (const a of live) bySteward.set(a.stewardId, [...(bySteward.get(a.stewardId) ?? []), a]);
    const ratings = await this.d.callbacks.recentRatings([...bySteward.keys()]);
    const flagged = stewardsNeedingAttention(
      [...bySteward.entries()].map(([stewardId, list]) => ({
        stewardId,
        enterprises: list.length,
        // A firm assigned recently is not lapsed yet: count from the later of assignment and last visit.
        lapsedEnterprises: list.filter((a) => {
          const since = Math.max(a.from.getTime(), lastVisits.get(a.enterpriseId)?.getTime() ?? 0);
          return now.getTime() - since > VISIT_LAPSE_DAYS * DAY_MS;
        }).length,
        ratings: ratings.get(stewardId) ?? [],
      })),
    );
    const names = new Map(
      (await this.d.staff.findByIds(flagged.map((f) => f.stewardId))).map((s) => [s.id, s.name]),
    );
    return { items: flagged.map((f) => ({ ...f, stewardName: names.get(f.stewardId) ?? null })) };
  }

  private view(a: AssignmentRecord, name: string | null) {
    return {
      id: a.id,
      enterpriseId: a.enterpriseId,
      stewardId: a.stewardId,
      stewardName: name,
      from: a.from.toISOString(),
      to: a.to ? a.to.toISOString() : null,
    };
  }
}
