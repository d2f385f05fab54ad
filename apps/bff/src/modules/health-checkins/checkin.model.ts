import { Schema, type Types, type Connection, type Model } from 'mongoose';
import { HEALTH_CODE_COLORS, SYMPTOMS, type HealthCodeColor, type Symptom } from '@fugong/contracts';

export interface CheckinDoc {
  _id: Types.ObjectId;
  workerId: Types.ObjectId;
  /** China-time calendar day (YYYY-MM-DD) the check-in counts for. */
  day: string;
  at: Date;
  temperature: number;
  symptoms: Symptom[];
  healthCode: HealthCodeColor;
  places: string[];
  arrivedFromOutsideProvince: boolean;
  arrivalDate: string | null;
  /**
   * The Idempotency-Keys of the day's latest submissions with a hash of what each sent: a retry
   * is recognised in the same write that saves the check-in (no key record of its own).
   */
  keys?: SubmissionKey[];
}

export interface SubmissionKey {
  k: string;
  h: string;
}

const schema = new Schema<CheckinDoc>(
  {
    workerId: { type: Schema.Types.ObjectId, required: true },
    day: { type: String, required: true },
    at: { type: Date, required: true },
    temperature: { type: Number, required: true },
    symptoms: { type: [String], enum: SYMPTOMS, default: [] },
    healthCode: { type: String, enum: HEALTH_CODE_COLORS, required: true },
    places: { type: [String], default: [] },
    arrivedFromOutsideProvince: { type: Boolean, required: true },
    arrivalDate: { type: String, default: null },
    keys: { type: [{ _id: false, k: String, h: String }], default: undefined },
  },
  { versionKey: false, collection: 'health_checkins' },
);

// One check-in per worker per China day: the submit is an upsert on this key, so a retry on a
// weak network (or two taps racing) updates the day's check-in and never creates a second.
// Also serves "latest check-in of a worker" (sort day desc) and the batch pass lookups
// ({workerId: {$in}, day: {$gte}}) of the manifest and the flag sweep.
schema.index({ workerId: 1, day: -1 }, { unique: true });

/** Registers the model on a connection. */
export function checkinModel(conn: Connection): Model<CheckinDoc> {
  return conn.models.HealthCheckin ?? conn.model<CheckinDoc>('HealthCheckin', schema);
}
