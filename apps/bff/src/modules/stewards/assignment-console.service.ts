import {
  BULK_ASSIGN_MAX,
  type AssignmentPreview,
  type BulkAssign,
  type BulkAssignResult,
  type Coverage,
  type FirmFilter,
  type Rebalance,
  type RebalanceResult,
} from '@fugong/contracts';
import { shareFirms } from '@fugong/domain';
import type { Actor } from '../../auth/actor';
import type { AuditRepository } from '../../audit/audit.repository';
import type { Clock } from '../../clock';
import { DomainError } from '../../errors';
import { NO_LISTENERS, type RecordEventPublisher } from '../../events';
import type { EnterpriseBrief, EnterpriseRepository, StaffRepository } from '../enterprises';
import type { VisitRepository } from '../visits';
import type { AssignmentRepository } from '../assignments';

export interface AssignmentConsoleDeps {
  assignments: AssignmentRepository;
  enterprises: EnterpriseRepository;
  staff: StaffRepository;
  visits: VisitRepository;
  audit: AuditRepository;
  clock: Clock;
  /** Each firm whose steward changed is announced (the dashboard counts firms with a steward). */
  events?: RecordEventPublisher;
}

const DAY_MS = 86_400_000;
/** How many firms of each coverage list the page shows by name. */
const SAMPLE = 20;

/** What the audit entry says of a filter: the fields that narrowed it. */
const filterFields = (f: FirmFilter) =>
  Object.entries(f)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${String(v)}`);

/**
 * The command's steward console: bulk assignment by region, industry and size (preview, then
 * assign), hand-over when a steward leaves, and coverage (firms without a steward, firms not
 * visited for N days). Every write is audited and announced per firm.
 */
export class AssignmentConsoleService {
  constructor(private readonly d: AssignmentConsoleDeps) {}

  async preview(filter: FirmFilter, onlyUnassigned: boolean): Promise<AssignmentPreview> {
    const firms = await this.d.enterprises.brief(filter);
    const withSteward = await this.d.assignments.countLive(firms.map((f) => f.id));
    const withoutSteward = firms.length - withSteward;
    const candidates = onlyUnassigned ? withoutSteward : firms.length;
    return { matched: firms.length, withoutSteward, wouldAssign: Math.min(candidates, BULK_ASSIGN_MAX) };
  }

  async bulkAssign(actor: Actor, body: BulkAssign, requestId: string): Promise<BulkAssignResult> {
    const steward = await this.stewardNamed(body.stewardId, 'stewardId');
    const onlyUnassigned = body.onlyUnassigned ?? true;
    const firms = await this.d.enterprises.brief(body.filter);
    const live = new Map(
      (await this.d.assignments.liveForEnterprises(firms.map((f) => f.id))).map((a) => [
        a.enterpriseId,
        a.stewardId,
      ]),
    );
    const candidates = firms
      .filter((f) => (onlyUnassigned ? !live.has(f.id) : live.get(f.id) !== body.stewardId))
      .map((f) => f.id);
    if (!body.limit && candidates.length > BULK_ASSIGN_MAX) {
      throw new DomainError(
        'VALIDATION_ERROR',
        `筛选出 ${candidates.length} 家企业，一次最多指派 ${BULK_ASSIGN_MAX} 家`,
        [{ path: 'limit', message: '请缩小筛选范围，或填写本次指派的数量', code: 'too_many' }],
      );
    }
    const chosen = candidates.slice(0, body.limit ?? BULK_ASSIGN_MAX);
    const now = this.d.clock.now();
    const assigned = onlyUnassigned
      ? await this.d.assignments.assignWhereNone(chosen, steward.id, actor.id, now)
      : await this.d.assignments.moveMany(new Map([[steward.id, chosen]]), actor.id, now);
    await this.audit(actor, 'stewards.assign.bulk', steward.id, requestId, [
      ...filterFields(body.filter),
      `onlyUnassigned=${onlyUnassigned}`,
      `assigned=${assigned.length}`,
    ]);
    await this.announce(assigned);
    return {
      stewardId: steward.id,
      stewardName: steward.name,
      assigned: assigned.length,
      skipped: chosen.length - assigned.length,
    };
  }

  /** A leaving steward's firms, all of them, shared among the takers by load, in one transaction. */
  async rebalance(actor: Actor, body: Rebalance, requestId: string): Promise<RebalanceResult> {
    const takers = await this.d.staff.findByIds(body.toStewardIds);
    const byId = new Map(takers.map((t) => [t.id, t]));
    body.toStewardIds.forEach((id, i) => {
      if (!byId.get(id)?.roles.includes('steward')) {
        throw new DomainError('VALIDATION_ERROR', '接手的人员不是复工管家', [
          { path: `toStewardIds.${i}`, message: '该人员不是复工管家', code: 'not_steward' },
        ]);
      }
    });
    const firmIds = await this.d.assignments.enterpriseIdsOfSteward(body.fromStewardId);
    if (firmIds.length === 0) throw new DomainError('NOT_FOUND', '该管家目前没有服务的企业');
    // Firms in name order, so a town's firms tend to go to the same taker.
    const ordered = (await this.d.enterprises.listByIds(firmIds)).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    const loads = await Promise.all(
      body.toStewardIds.map(async (id) => ({
        stewardId: id,
        current: (await this.d.assignments.enterpriseIdsOfSteward(id)).length,
      })),
    );
    const plan = shareFirms(
      ordered.map((e) => e.id),
      loads,
    );
    const moved = await this.d.assignments.moveMany(plan, actor.id, this.d.clock.now(), body.fromStewardId);
    await this.audit(actor, 'stewards.rebalance', body.fromStewardId, requestId, [
      `moved=${moved.length}`,
      ...[...plan].map(([id, firms]) => `to=${id}:${firms.length}`),
    ]);
    await this.announce(moved);
    return {
      fromStewardId: body.fromStewardId,
      moved: moved.length,
      to: [...plan].map(([id, firms]) => ({
        stewardId: id,
        name: byId.get(id)?.name ?? null,
        received: firms.length,
      })),
    };
  }

  async coverage(filter: FirmFilter, lapseDays: number): Promise<Coverage> {
    const firms = await this.d.enterprises.brief(filter);
    const ids = firms.map((f) => f.id);
    const [live, lastVisits] = await Promise.all([
      this.d.assignments.liveForEnterprises(ids),
      this.d.visits.lastVisitAt(ids),
    ]);
    const stewardOf = new Map(live.map((a) => [a.enterpriseId, a.stewardId]));
    const cutoff = this.d.clock.now().getTime() - lapseDays * DAY_MS;
    const without = firms.filter((f) => !stewardOf.has(f.id));
    const lapsed = firms
      .filter((f) => (lastVisits.get(f.id)?.getTime() ?? 0) < cutoff)
      // Never visited first, then the longest unvisited.
      .sort((a, b) => (lastVisits.get(a.id)?.getTime() ?? 0) - (lastVisits.get(b.id)?.getTime() ?? 0));
    const sampled = [...without.slice(0, SAMPLE), ...lapsed.slice(0, SAMPLE)];
    const names = new Map(
      (
        await this.d.staff.findByIds([
          ...new Set(sampled.map((f) => stewardOf.get(f.id)).filter((x) => !!x)),
        ] as string[])
      ).map((s) => [s.id, s.name]),
    );
    const view = (f: EnterpriseBrief) => {
      const steward = stewardOf.get(f.id);
      return {
        enterpriseId: f.id,
        name: f.name,
        regionCode: f.regionCode,
        stewardName: steward ? (names.get(steward) ?? null) : null,
        lastVisitAt: lastVisits.get(f.id)?.toISOString() ?? null,
      };
    };
    return {
      lapseDays,
      enterprises: firms.length,
      withoutSteward: without.length,
      notVisited: lapsed.length,
      withoutStewardSample: without.slice(0, SAMPLE).map(view),
      notVisitedSample: lapsed.slice(0, SAMPLE).map(view),
    };
  }

  private async stewardNamed(id: string, path: string) {
    const [person] = await this.d.staff.findByIds([id]);
    if (!person?.roles.includes('steward')) {
      throw new DomainError('VALIDATION_ERROR', '该人员不是复工管家', [
        { path, message: '该人员不是复工管家', code: 'not_steward' },
      ]);
    }
    return person;
  }

  private audit(actor: Actor, action: string, subjectId: string, requestId: string, fields: string[]) {
    return this.d.audit.append({
      at: this.d.clock.now(),
      actorId: actor.id,
      action,
      subjectType: 'steward',
      subjectId,
      fields,
      requestId,
    });
  }

  private async announce(enterpriseIds: string[]) {
    const events = this.d.events ?? NO_LISTENERS;
    for (const enterpriseId of enterpriseIds)
      await events.publish({ type: 'enterprise.changed', enterpriseId });
  }
}
