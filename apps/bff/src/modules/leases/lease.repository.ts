import type { Model } from 'mongoose';
import type { LeaseDoc } from './lease.model';
import { isDuplicateKey } from '../../db/errors';
import type { Connection } from 'mongoose';
import { leaseModel } from './lease.model';

/** Who holds a job's lease, as an operator sees it. */
export interface LeaseRecord {
  job: string;
  holder: string | null;
  expiresAt: Date;
  period: number;
}

/**
 * One lease document per background job. Every method is a single guarded atomic write on the
 * job's _id, never a read followed by a write: two instances deciding at the same moment are
 * ordered by the database, not by what either of them read earlier.
 */
export class LeaseRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): LeaseRepository {
    return new LeaseRepository(leaseModel(conn));
  }

  constructor(private readonly model: Model<LeaseDoc>) {}

  /**
   * Claims the job for `period` when the lease is free (expired or released) or already held by
   * `holder`, and the period has not been run yet. True when this call made `holder` the runner.
   */
  async claim(job: string, holder: string, period: number, now: Date, leaseMs: number): Promise<boolean> {
    try {
      const doc = await this.model
        .findOneAndUpdate(
          {
            _id: job,
            // Why the period guard: the lease alone says who may run, not how often. A holder
            // that released on shutdown, or whose lease lapsed between ticks, must not let a
            // second instance run the same period again.
            period: { $lt: period },
            $or: [{ expiresAt: { $lte: now } }, { holder }],
          },
          { $set: { holder, expiresAt: new Date(now.getTime() + leaseMs), period, claimedAt: now } },
          { upsert: true, returnDocument: 'after', projection: { holder: 1 } },
        )
        .lean<Pick<LeaseDoc, 'holder'>>();
      return doc?.holder === holder;
    } catch (err) {
      // The filter did not match an existing lease, so the upsert tried to insert the same _id:
      // someone else holds this job (or already ran this period).
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  /** Extends a lease still held by `holder`; false when it was lost (expired and claimed by another). */
  async renew(job: string, holder: string, now: Date, leaseMs: number): Promise<boolean> {
    const res = await this.model.updateOne(
      { _id: job, holder },
      { $set: { expiresAt: new Date(now.getTime() + leaseMs) } },
    );
    return res.matchedCount === 1;
  }

  /** Gives the lease up (graceful stop) so another instance takes the next period at once. */
  async release(job: string, holder: string, now: Date): Promise<void> {
    await this.model.updateOne({ _id: job, holder }, { $set: { holder: null, expiresAt: now } });
  }

  /** Every job's lease (a handful of documents). */
  async list(): Promise<LeaseRecord[]> {
    const docs = await this.model.find({}).lean<LeaseDoc[]>();
    return docs.map((d) => ({ job: d._id, holder: d.holder, expiresAt: d.expiresAt, period: d.period }));
  }
}
