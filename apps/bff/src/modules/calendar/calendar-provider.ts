import type { Logger } from 'pino';
import {
  chinaDay,
  composeCalendar,
  type CalendarOverride,
  type ComposedCalendar,
  type HolidayData,
  type WorkCalendar,
} from '@fugong/domain';
import type { Clock } from '../../clock';
import type { CalendarOverrideRepository } from './calendar-override.repository';

/** How often an instance re-reads the overrides another instance may have changed. */
const REFRESH_MS = 60_000;

/**
 * The one working-day calendar of the BFF: the national data with the local overrides on top.
 * `calendar` is a live view handed to every deadline rule once at build time (issue clocks,
 * subsidy 公示 periods, deferral decisions); a refresh swaps the lists underneath, so nobody
 * holds a stale copy and the domain still sees two plain arrays.
 */
export class CalendarProvider {
  private current: ComposedCalendar;
  private overrides: CalendarOverride[] = [];
  private timer: NodeJS.Timeout | null = null;

  readonly calendar: WorkCalendar;

  constructor(
    private readonly data: HolidayData & { source: string },
    private readonly repo: CalendarOverrideRepository,
    private readonly clock: Clock,
  ) {
    this.current = composeCalendar(data, []);
    const current = () => this.current;
    this.calendar = {
      get holidays() {
        return current().holidays;
      },
      get extraWorkdays() {
        return current().extraWorkdays;
      },
    };
  }

  get source(): string {
    return this.data.source;
  }

  get lastCoveredYear(): number | null {
    return this.current.lastCoveredYear;
  }

  /** True when the national data has next year's notice (China time), so next year's deadlines are right. */
  coversComingYear(): boolean {
    const coming = Number(chinaDay(this.clock.now()).slice(0, 4)) + 1;
    return this.current.lastCoveredYear !== null && this.current.lastCoveredYear >= coming;
  }

  /** Logs a warning when next year is not covered: deadlines would count its holidays as working days. */
  warnIfUncovered(logger: Logger): void {
    if (this.coversComingYear()) return;
    logger.warn(
      {
        lastCoveredYear: this.current.lastCoveredYear,
        comingYear: Number(chinaDay(this.clock.now()).slice(0, 4)) + 1,
        source: this.data.source,
      },
      'calendar.coming_year_uncovered',
    );
  }

  listOverrides(): CalendarOverride[] {
    return [...this.overrides];
  }

  /** Re-reads the overrides and recomposes the calendar. */
  async refresh(): Promise<void> {
    const overrides = await this.repo.all();
    this.overrides = overrides;
    this.current = composeCalendar(this.data, overrides);
  }

  /** Loads the overrides, then keeps re-reading them in the background (several instances share them). */
  async start(logger: Logger): Promise<void> {
    await this.refresh();
    this.timer ??= setInterval(() => {
      this.refresh().catch((err) => logger.warn({ err }, 'calendar.refresh.failed'));
    }, REFRESH_MS);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
