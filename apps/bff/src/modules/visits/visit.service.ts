import { checkVisitTime } from '@fugong/domain';
import type { Visit, VisitInput } from '@fugong/contracts';
import type { Actor } from '../../auth/actor';
import type { Clock } from '../../clock';
import { DomainError } from '../../errors';
import type { AssignmentRepository } from '../assignments';
import type { EnterpriseScope } from '../enterprises';
import type { IssueService } from '../issues';
import type { VisitRecord, VisitRepository } from './visit.repository';
import { NO_LISTENERS, type RecordEventPublisher } from '../../events';

const toView = (v: VisitRecord): Visit => ({
  ...v,
  visitedAt: v.visitedAt.toISOString(),
  createdAt: v.createdAt.toISOString(),
});

/** A steward's visit log: the readiness checklist, findings, and problems raised as issues in one go. */
export class VisitService {
  constructor(
    private readonly visits: VisitRepository,
    private readonly assignments: AssignmentRepository,
    private readonly scope: EnterpriseScope,
    private readonly issues: IssueService,
    private readonly clock: Clock,
    private readonly events: RecordEventPublisher = NO_LISTENERS,
  ) {}

  async create(actor: Actor, input: VisitInput): Promise<Visit> {
    const live = await this.assignments.liveForEnterprise(input.enterpriseId);
    if (live?.stewardId !== actor.id) throw new DomainError('FORBIDDEN', '只能为您服务的企业记录走访');
    const now = this.clock.now();
    const visitedAt = input.visitedAt ? new Date(input.visitedAt) : now;
    const check = checkVisitTime(visitedAt, now);
    if (!check.ok)
      throw new DomainError('VISIT_TIME_INVALID', check.message, [
        { path: 'visitedAt', message: check.message, code: check.reason },
      ]);
    const visit = await this.visits.create({
      enterpriseId: input.enterpriseId,
      stewardId: actor.id,
      visitedAt,
      place: input.place,
      location: input.location,
      checklist: input.checklist,
      findings: input.findings,
      createdAt: now,
    });
    await this.events.publish({
      type: 'visit.recorded',
      enterpriseId: visit.enterpriseId,
      stewardId: visit.stewardId,
      visitedAt: visit.visitedAt,
    });
    if (input.problems.length === 0) return toView(visit);
    const raised = [];
    // Each problem is keyed by (visit, index): if this request dies halfway, the idempotent retry
    // replays the stored answer, and a raise repeated by hand reuses the issue instead of a second one.
    for (const [index, problem] of input.problems.entries())
      raised.push(await this.issues.raiseFromVisit(actor, input.enterpriseId, visit.id, index, problem));
    const withIssues = await this.visits.addIssues(
      visit.id,
      raised.map((i) => i.id),
    );
    return toView(withIssues ?? visit);
  }

  async list(actor: Actor, enterpriseId: string) {
    await this.scope.assertAccess(actor, enterpriseId);
    return { items: (await this.visits.listForEnterprise(enterpriseId)).map(toView) };
  }

  async get(actor: Actor, id: string): Promise<Visit> {
    const visit = await this.visits.findById(id);
    if (!visit || !(await this.scope.canAccess(actor, visit.enterpriseId)))
      throw new DomainError('NOT_FOUND', '未找到该走访记录');
    return toView(visit);
  }
}
