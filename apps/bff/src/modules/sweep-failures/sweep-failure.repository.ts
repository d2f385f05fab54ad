import type { Model } from 'mongoose';
import type { SweepFailureDoc } from './sweep-failure.model';
import { isDuplicateKey } from '../../db/errors';
import type { Connection } from 'mongoose';
import { sweepFailureModel } from './sweep-failure.model';

export interface SweepFailureRecord {
  record: string;
  failures: number;
  lastError: string;
  quarantined: boolean;
}

const idOf = (job: string, record: string) => `${job}|${record}`;

/**
 * Failure counts of records a sweep could not process, in the database so that every instance
 * (and the next one to hold the job's lease) sees the same count.
 */
export class SweepFailureRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): SweepFailureRepository {
    return new SweepFailureRepository(sweepFailureModel(conn));
  }

  constructor(private readonly model: Model<SweepFailureDoc>) {}

  /** Every failing or quarantined record of a job (normally none or a handful). */
  async forJob(job: string): Promise<Map<string, SweepFailureRecord>> {
    const docs = await this.model.find({ job }).lean<SweepFailureDoc[]>();
    return new Map(
      docs.map((d) => [
        d.record,
        { record: d.record, failures: d.failures, lastError: d.lastError, quarantined: !!d.quarantinedAt },
      ]),
    );
  }

  /**
   * Counts one more failure; quarantines the record when the count reaches `quarantineAfter`.
   * Returns the record's state after this failure.
   */
  async recordFailure(
    job: string,
    record: string,
    error: string,
    now: Date,
    quarantineAfter: number,
  ): Promise<SweepFailureRecord> {
    const _id = idOf(job, record);
    let doc: SweepFailureDoc | null = null;
    for (let attempt = 0; !doc; attempt += 1) {
      try {
        doc = await this.model
          .findOneAndUpdate(
            { _id },
            {
              $inc: { failures: 1 },
              $set: { lastError: error.slice(0, 300), lastFailedAt: now },
              $setOnInsert: { job, record, firstFailedAt: now, quarantinedAt: null },
            },
            { upsert: true, returnDocument: 'after' },
          )
          .lean<SweepFailureDoc>();
      } catch (err) {
        // Two instances inserting the same new failure: the loser increments the winner's.
        if (!isDuplicateKey(err) || attempt >= 2) throw err;
      }
    }
    let quarantined = !!doc.quarantinedAt;
    if (!quarantined && doc.failures >= quarantineAfter) {
      await this.model.updateOne({ _id, quarantinedAt: null }, { $set: { quarantinedAt: now } });
      quarantined = true;
    }
    return { record, failures: doc.failures, lastError: doc.lastError, quarantined };
  }

  /** Forgets a record's failures once it has been processed (not a quarantined one: an operator releases those). */
  async clear(job: string, record: string): Promise<void> {
    await this.model.deleteOne({ _id: idOf(job, record), quarantinedAt: null });
  }

  /** Lets a quarantined record be tried again (after the bad data was repaired). */
  async release(job: string, record: string): Promise<boolean> {
    const res = await this.model.deleteOne({ _id: idOf(job, record) });
    return res.deletedCount === 1;
  }
}
