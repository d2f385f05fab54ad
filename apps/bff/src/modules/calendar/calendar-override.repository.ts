import type { Model } from 'mongoose';
import type { CalendarOverride } from '@fugong/domain';
import type { CalendarOverrideDoc } from './calendar-override.model';
import type { Connection } from 'mongoose';
import { calendarOverrideModel } from './calendar-override.model';

/** Local calendar overrides: plain records in, plain records out. */
export class CalendarOverrideRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): CalendarOverrideRepository {
    return new CalendarOverrideRepository(calendarOverrideModel(conn));
  }

  constructor(private readonly model: Model<CalendarOverrideDoc>) {}

  async all(): Promise<CalendarOverride[]> {
    const docs = await this.model.find({}).sort({ _id: 1 }).lean<CalendarOverrideDoc[]>();
    return docs.map((d) => ({ day: d._id, kind: d.kind, note: d.note }));
  }

  /** One upsert per day in one bulkWrite: setting the same range twice leaves the same documents. */
  async set(days: CalendarOverride[], setBy: string, at: Date): Promise<void> {
    await this.model.bulkWrite(
      days.map((d) => ({
        updateOne: {
          filter: { _id: d.day },
          update: { $set: { kind: d.kind, note: d.note, setBy, setAt: at } },
          upsert: true,
        },
      })),
    );
  }

  async remove(day: string): Promise<boolean> {
    return (await this.model.deleteOne({ _id: day })).deletedCount === 1;
  }
}
