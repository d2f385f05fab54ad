/** The working-day calendar: what other modules may use. */
import type { Connection } from 'mongoose';
import type { Clock } from '../../clock';
import { CalendarOverrideRepository } from './calendar-override.repository';
import { CalendarProvider } from './calendar-provider';
import { CalendarService } from './calendar.service';
import { nationalHolidayData } from './holiday-data';

export { CalendarProvider } from './calendar-provider';
export { calendarRoutesFor } from './calendar.routes';
export { nationalHolidayData } from './holiday-data';

/** Builds the provider (national data from chinese-days + overrides) and its service. */
export function buildCalendar(conn: Connection, clock: Clock) {
  const repo = CalendarOverrideRepository.on(conn);
  const provider = new CalendarProvider(nationalHolidayData(), repo, clock);
  return { provider, service: new CalendarService(provider, repo, clock) };
}

export type CalendarFeature = ReturnType<typeof buildCalendar>;
