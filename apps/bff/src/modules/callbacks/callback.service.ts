import type { Actor } from '../../auth/actor';
import type { Clock } from '../../clock';
import { DomainError } from '../../errors';
import type { EnterpriseRepository } from '../enterprises';
import type { AssignmentRepository } from '../stewards';
import type { CallbackRecord, CallbackRepository } from './callback.repository';
import { NO_LISTENERS, type RecordEventPublisher } from '../../events';

const toView = (c: CallbackRecord) => ({ ...c, calledAt: c.calledAt.toISOString() });

/** 电话回访 by the command/discipline supervisors; the rating is attributed to the firm's current steward. */
export class CallbackService {
  constructor(
    private readonly repo: CallbackRepository,
    private readonly enterprises: EnterpriseRepository,
    private readonly assignments: AssignmentRepository,
    private readonly clock: Clock,
    private readonly events: RecordEventPublisher = NO_LISTENERS,
  ) {}

  async record(
    actor: Actor,
    input: { enterpriseId: string; reached: boolean; satisfaction: number | null; remarks: string },
  ) {
    if (!(await this.enterprises.findById(input.enterpriseId)))
      throw new DomainError('NOT_FOUND', '未找到该企业');
    const live = await this.assignments.liveForEnterprise(input.enterpriseId);
    const call = await this.repo.create({
      ...input,
      stewardId: live?.stewardId ?? null,
      callerId: actor.id,
      calledAt: this.clock.now(),
    });
    await this.events.publish({
      type: 'callback.recorded',
      enterpriseId: call.enterpriseId,
      stewardId: call.stewardId,
      calledAt: call.calledAt,
      reached: call.reached,
      satisfaction: call.satisfaction,
    });
    return toView(call);
  }

  async list(enterpriseId: string) {
    if (!(await this.enterprises.findById(enterpriseId))) throw new DomainError('NOT_FOUND', '未找到该企业');
    return { items: (await this.repo.listForEnterprise(enterpriseId)).map(toView) };
  }
}
