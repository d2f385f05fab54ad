import { Schema, type Connection, type Model } from 'mongoose';

/** A local override of the national holiday data, one document per day. */
export interface CalendarOverrideDoc {
  /** The China day, YYYY-MM-DD: as _id, two admins setting the same day race on one document, never two. */
  _id: string;
  kind: 'holiday' | 'workday';
  note: string;
  setBy: string;
  setAt: Date;
}

const schema = new Schema<CalendarOverrideDoc>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true, enum: ['holiday', 'workday'] },
    note: { type: String, required: true },
    setBy: { type: String, required: true },
    setAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'calendar_overrides' },
);
// No secondary index: every read is the whole (small) collection, sorted by _id.

/** Registers the model on a connection. */
export function calendarOverrideModel(conn: Connection): Model<CalendarOverrideDoc> {
  return (
    (conn.models.CalendarOverride as Model<CalendarOverrideDoc> | undefined) ??
    conn.model<CalendarOverrideDoc>('CalendarOverride', schema)
  );
}
