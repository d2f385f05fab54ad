import { chinaDay } from '@fugong/domain';
import type { ReopeningReport, ReopeningReportInput } from '@fugong/contracts';
import type { Actor } from '../../auth/actor';
import type { Clock } from '../../clock';
import { DomainError } from '../../errors';
import type { EnterpriseScope } from '../enterprises';
import type { ReopeningRecord, ReopeningRepository } from './reopening.repository';
import { NO_LISTENERS, type RecordEventPublisher } from '../../events';

const toView = (r: ReopeningRecord): ReopeningReport => ({ ...r, reportedAt: r.reportedAt.toISOString() });

/** 复工进度直报: today's report (a resend corrects it) and the history of earlier days. */
export class ReopeningService {
  constructor(
    private readonly repo: ReopeningRepository,
    private readonly scope: EnterpriseScope,
    private readonly clock: Clock,
    private readonly events: RecordEventPublisher = NO_LISTENERS,
  ) {}

  async reportToday(
    actor: Actor,
    enterpriseId: string,
    input: ReopeningReportInput,
  ): Promise<ReopeningReport> {
    if (!(await this.scope.actsForEnterprise(actor, enterpriseId)))
      throw new DomainError('FORBIDDEN', '只能填报本企业的复工进度');
    const now = this.clock.now();
    const today = chinaDay(now);
    if (input.reopenedSince && input.reopenedSince > today) {
      throw new DomainError('VALIDATION_ERROR', '复工日期不能晚于今天', [
        { path: 'reopenedSince', message: '复工日期不能晚于今天', code: 'future_day' },
      ]);
    }
    const report = await this.repo.upsertDay(enterpriseId, today, input, actor.id, now);
    await this.events.publish({ type: 'enterprise.changed', enterpriseId });
    return toView(report);
  }

  async history(actor: Actor, enterpriseId: string, from?: string, to?: string) {
    await this.scope.assertAccess(actor, enterpriseId);
    return { items: (await this.repo.history(enterpriseId, from, to)).map(toView) };
  }
}
