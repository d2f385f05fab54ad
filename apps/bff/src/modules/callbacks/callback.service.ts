import type { Actor } from '../../auth/actor';
import type { Clock } from '../../clock';
import { AppError } from '../../http/app-error';
import type { EnterpriseRepository } from '../enterprises/enterprise.repository';
import type { AssignmentRepository } from '../stewards/assignment.repository';
import type { CallbackRecord, CallbackRepository } from './callback.repository';
import type { RollupHooks } from '../rollups/rollup-hooks';

const toView = (c: CallbackRecord) => ({ ...c, calledAt: c.calledAt.toISOString() });

/** 电话回访 by the command/discipline supervisors; the rating is attributed to the firm's current steward. */
export class CallbackService {
  constructor(
    private readonly repo: CallbackRepository,
    private readonly enterprises: EnterpriseRepository,
    private readonly assignments: AssignmentRepository,
    private readonly clock: Clock,
    /** Dashboard rollups (call-back ratings). */
    private readonly rollups: RollupHooks | null = null,
  ) {}

  async record(
    actor: Actor,
    input: { enterpriseId: string; reached: boolean; satisfaction: number | null; remarks: string },
  ) {
    if (!(await this.enterprises.findById(input.enterpriseId)))
      throw new AppError('NOT_FOUND', '未找到该企业');
    const live = await this.assignments.liveForEnterprise(input.enterpriseId);
    const call = await this.repo.create({
      ...input,
      stewardId: live?.stewardId ?? null,
      callerId: actor.id,
      calledAt: this.clock.now(),
    });
    // Keeps the dashboard's rollups in step with this write (see rollups/rollup.service.ts).
    await this.rollups?.recordCallback(call);
    return toView(call);
  }

  async list(enterpriseId: string) {
    if (!(await this.enterprises.findById(enterpriseId))) throw new AppError('NOT_FOUND', '未找到该企业');
    return { items: (await this.repo.listForEnterprise(enterpriseId)).map(toView) };
  }
}
