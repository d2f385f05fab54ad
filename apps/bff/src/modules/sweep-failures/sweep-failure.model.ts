import { Schema, type Connection, type Model } from 'mongoose';

export interface SweepFailureDoc {
  /** `${job}|${record}` (record = kind:id, e.g. `trip:65f…`): one document per failing record. */
  _id: string;
  job: string;
  record: string;
  /** Consecutive runs in which this record threw; reset (document deleted) when it succeeds. */
  failures: number;
  lastError: string;
  firstFailedAt: Date;
  lastFailedAt: Date;
  /** Set once `failures` reached the quarantine threshold: later runs skip the record. */
  quarantinedAt: Date | null;
}

const schema = new Schema<SweepFailureDoc>(
  {
    _id: { type: String },
    job: { type: String, required: true },
    record: { type: String, required: true },
    failures: { type: Number, required: true },
    lastError: { type: String, required: true },
    firstFailedAt: { type: Date, required: true },
    lastFailedAt: { type: Date, required: true },
    quarantinedAt: { type: Date, default: null },
  },
  { versionKey: false, collection: 'sweep_failures' },
);

// Serves the one read each sweep run makes before it starts: "every failing or quarantined
// record of this job" (SweepFailureRepository.forJob). Counting a failure is an $inc upsert on
// _id, so two instances failing the same record at once (a lease lost mid-run) both count and
// neither overwrites the other.
schema.index({ job: 1 });

/** Registers the model on a connection. */
export function sweepFailureModel(conn: Connection): Model<SweepFailureDoc> {
  return conn.models.SweepFailure ?? conn.model<SweepFailureDoc>('SweepFailure', schema);
}
