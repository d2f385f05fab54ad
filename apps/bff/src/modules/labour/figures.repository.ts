import type { Connection, Model, PipelineStage } from 'mongoose';
import type { ApplicationDoc } from './application.model';
import { applicationModel } from './application.model';
import type { SeekerDoc } from './seeker.model';
import { seekerModel } from './seeker.model';
import type { VacancyDoc } from './vacancy.model';
import { vacancyModel } from './vacancy.model';

/** One group of vacancies: how many are open, and the places their live ones offer and have filled. */
export interface VacancyGroup {
  key: string;
  open: number;
  full: number;
  withdrawn: number;
  stale: number;
  headcount: number;
  filled: number;
}
export interface FirmGroup {
  enterpriseId: string;
  open: number;
  headcount: number;
  filled: number;
  gap: number;
}
export interface FirmGap {
  enterpriseId: string;
  enterpriseName: string;
  gap: number;
}
type DayKey = 'applied' | 'offered' | 'accepted' | 'arrived';

/** Counts for 人社局's 用工缺口 picture, grouped in the database so no list is read whole. */
export class LabourFiguresRepository {
  static on(conn: Connection): LabourFiguresRepository {
    return new LabourFiguresRepository(vacancyModel(conn), applicationModel(conn), seekerModel(conn));
  }

  constructor(
    private readonly vacancies: Model<VacancyDoc>,
    private readonly applications: Model<ApplicationDoc>,
    private readonly seekers: Model<SeekerDoc>,
  ) {}

  /** Vacancies grouped by `field` (regionCode, industry, or '' for all); stale = open but unconfirmed. */
  async vacancyGroups(field: 'regionCode' | 'industry' | null, freshSince: Date): Promise<VacancyGroup[]> {
    const is = (status: string) => ({ $cond: [{ $eq: ['$status', status] }, 1, 0] });
    const live = { $in: ['$status', ['open', 'full']] };
    const pipeline: PipelineStage[] = [
      {
        $group: {
          _id: field ? `$${field}` : '',
          open: { $sum: is('open') },
          full: { $sum: is('full') },
          withdrawn: { $sum: is('withdrawn') },
          stale: {
            $sum: {
              $cond: [{ $and: [{ $eq: ['$status', 'open'] }, { $lte: ['$confirmedAt', freshSince] }] }, 1, 0],
            },
          },
          // Places offered and places filled both count live vacancies only (open or full): a
          // withdrawn vacancy's hires stay in the hire count, but not against places it no longer offers.
          headcount: { $sum: { $cond: [live, '$headcount', 0] } },
          filled: { $sum: { $cond: [live, '$filled', 0] } },
        },
      },
      { $sort: { _id: 1 } },
    ];
    const rows = await this.vacancies.aggregate<VacancyGroup & { _id: string }>(pipeline);
    return rows.map(({ _id, ...r }) => ({ ...r, key: _id }));
  }

  /**
   * Each firm with live vacancies: open and confirmed since `freshSince` (a full, withdrawn or
   * stale one offers no place a worker could take, so it never counts a firm as hiring). One row
   * per firm, for grouping by the firm's size and flag; gap = places not yet filled.
   */
  async firmGroups(freshSince: Date): Promise<FirmGroup[]> {
    const rows = await this.vacancies.aggregate<Omit<FirmGroup, 'enterpriseId'> & { _id: unknown }>([
      // Served by { status, confirmedAt, … }: the leading equality and range of the search index.
      { $match: { status: 'open', confirmedAt: { $gt: freshSince } } },
      {
        $group: {
          _id: '$enterpriseId',
          open: { $sum: 1 },
          headcount: { $sum: '$headcount' },
          filled: { $sum: '$filled' },
          gap: { $sum: { $subtract: ['$headcount', '$filled'] } },
        },
      },
    ]);
    return rows.map(({ _id, ...r }) => ({ ...r, enterpriseId: String(_id) }));
  }

  /**
   * Firms whose live vacancies lack the most people (places not yet filled), largest gap first.
   * Live means open and confirmed since `freshSince`: a stale vacancy is hidden from seekers, so
   * its places are no shortage a worker could fill (full and withdrawn ones offer none).
   */
  async largestGaps(limit: number, freshSince: Date): Promise<FirmGap[]> {
    const rows = await this.vacancies.aggregate<{ _id: unknown; name: string; gap: number }>([
      // Served by { status, confirmedAt, … }: the leading equality and range of the search index.
      { $match: { status: 'open', confirmedAt: { $gt: freshSince } } },
      {
        $group: {
          _id: '$enterpriseId',
          name: { $first: '$enterpriseName' },
          gap: { $sum: { $subtract: ['$headcount', '$filled'] } },
        },
      },
      { $match: { gap: { $gt: 0 } } },
      { $sort: { gap: -1, _id: 1 } },
      { $limit: limit },
    ]);
    return rows.map((r) => ({ enterpriseId: String(r._id), enterpriseName: r.name, gap: r.gap }));
  }

  /** Applications per region or industry of the vacancy they went to. */
  async applicationsBy(field: 'regionCode' | 'industry'): Promise<Map<string, number>> {
    const rows = await this.applications.aggregate<{ _id: string; n: number }>([
      { $group: { _id: '$vacancyId', n: { $sum: 1 } } },
      { $lookup: { from: 'labour_vacancies', localField: '_id', foreignField: '_id', as: 'v' } },
      { $unwind: '$v' },
      { $group: { _id: `$v.${field}`, n: { $sum: '$n' } } },
    ]);
    return new Map(rows.map((r) => [r._id, r.n]));
  }

  /** How many applications reached each step, in all and per China day. */
  async steps(): Promise<{ totals: Record<DayKey, number>; byDay: Map<string, Record<DayKey, number>> }> {
    const keys: DayKey[] = ['applied', 'offered', 'accepted', 'arrived'];
    const totals = { applied: 0, offered: 0, accepted: 0, arrived: 0 };
    const byDay = new Map<string, Record<DayKey, number>>();
    for (const k of keys) {
      const rows = await this.applications.aggregate<{ _id: string; n: number }>([
        { $match: { [`days.${k}`]: { $type: 'string' } } },
        { $group: { _id: `$days.${k}`, n: { $sum: 1 } } },
      ]);
      for (const r of rows) {
        totals[k] += r.n;
        const day = byDay.get(r._id) ?? { applied: 0, offered: 0, accepted: 0, arrived: 0 };
        day[k] = r.n;
        byDay.set(r._id, day);
      }
    }
    return { totals, byDay };
  }

  async seekerCount(): Promise<number> {
    return this.seekers.countDocuments();
  }
}
