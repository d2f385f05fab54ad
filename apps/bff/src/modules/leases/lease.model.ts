import { Schema, type Connection, type Model } from 'mongoose';

export interface LeaseDoc {
  /** The job's name: one document per job, so "who runs it" is a single-document question. */
  _id: string;
  /** The instance that holds the lease (host:pid:random), null once released. */
  holder: string | null;
  /** Until when the holder may run the job; another instance may claim it after this. */
  expiresAt: Date;
  /** The last period (floor(time / interval)) a run was claimed for: one run per period. */
  period: number;
  claimedAt: Date;
}

const schema = new Schema<LeaseDoc>(
  {
    _id: { type: String },
    holder: { type: String, default: null },
    expiresAt: { type: Date, required: true },
    period: { type: Number, required: true },
    claimedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'job_leases' },
);

// No secondary index: every claim, renewal and release is a findOneAndUpdate/updateOne on _id
// (the job name), whose unique index is what guards the race. Two instances claiming a job
// nobody holds yet both upsert the same _id: one inserts, the other gets E11000 and has lost;
// a claim of an existing lease matches only while it is expired or already ours, and the
// document-level atomicity of the update lets exactly one claimant flip the holder.

/** Registers the model on a connection. */
export function leaseModel(conn: Connection): Model<LeaseDoc> {
  return conn.models.JobLease ?? conn.model<LeaseDoc>('JobLease', schema);
}
