import type { HolidayData } from '@fugong/domain';
// The package's own JSON (State Council notices 2004 onwards, including 2020's 春节 extension to
// 02-02). Read here, on the server: the mini never bundles it, and the domain gets plain lists.
import data from 'chinese-days/dist/chinese-days.json';
import pkg from 'chinese-days/package.json';

/** The national holiday data the BFF counts working days with, and where it came from. */
export function nationalHolidayData(): HolidayData & { source: string } {
  const d = data as { holidays: Record<string, string>; workdays: Record<string, string> };
  return {
    holidays: Object.keys(d.holidays).sort(),
    workdays: Object.keys(d.workdays).sort(),
    source: `chinese-days@${(pkg as { version: string }).version}`,
  };
}
