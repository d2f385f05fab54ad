import { daysInRange, type CalendarOverride } from '@fugong/domain';
import type { CalendarOverrideInput, CalendarStatus } from '@fugong/contracts';
import type { Actor } from '../../auth/actor';
import type { Clock } from '../../clock';
import { DomainError } from '../../errors';
import type { CalendarOverrideRepository } from './calendar-override.repository';
import type { CalendarProvider } from './calendar-provider';

/** What the calendar routes do: show its coverage, and let the command set local days. */
export class CalendarService {
  constructor(
    private readonly provider: CalendarProvider,
    private readonly repo: CalendarOverrideRepository,
    private readonly clock: Clock,
  ) {}

  status(): CalendarStatus {
    return {
      source: this.provider.source,
      lastCoveredYear: this.provider.lastCoveredYear,
      coversComingYear: this.provider.coversComingYear(),
      overrides: this.provider.listOverrides(),
    };
  }

  async setOverrides(actor: Actor, input: CalendarOverrideInput): Promise<CalendarStatus> {
    let days: string[];
    try {
      days = daysInRange(input.from, input.to);
    } catch (err) {
      throw new DomainError('VALIDATION_ERROR', '日期范围不正确（最多 62 天）', [
        { path: 'to', message: (err as Error).message, code: 'invalid_range' },
      ]);
    }
    const overrides: CalendarOverride[] = days.map((day) => ({ day, kind: input.kind, note: input.note }));
    await this.repo.set(overrides, actor.id, this.clock.now());
    await this.provider.refresh();
    return this.status();
  }

  async removeOverride(day: string): Promise<CalendarStatus> {
    if (!(await this.repo.remove(day))) throw new DomainError('NOT_FOUND', `${day} 没有本地调整`);
    await this.provider.refresh();
    return this.status();
  }
}
