import type { Model } from 'mongoose';
import type { RateLimitDoc } from './rate-limit.model';
import { isDuplicateKey } from '../../db/errors';
import type { Connection } from 'mongoose';
import { rateLimitModel } from './rate-limit.model';

/** Fixed-window counters, one document per (bucket, window, key). */
export class RateLimitRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): RateLimitRepository {
    return new RateLimitRepository(rateLimitModel(conn));
  }

  constructor(private readonly model: Model<RateLimitDoc>) {}

  /**
   * Counts `by` hits (one, or the local stage's catch-up) and returns the window's count
   * including them. The upsert is atomic; two
   * instances inserting the same new window at once can collide on _id (E11000), and the loser
   * simply increments the winner's document.
   */
  async hit(id: string, bucket: string, expiresAt: Date, by = 1): Promise<number> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        const doc = await this.model
          .findOneAndUpdate(
            { _id: id },
            { $inc: { n: by }, $setOnInsert: { bucket, expiresAt } },
            { upsert: true, returnDocument: 'after' },
          )
          .lean<RateLimitDoc>();
        return doc!.n;
      } catch (err) {
        if (!isDuplicateKey(err) || attempt >= 2) throw err;
      }
    }
  }
}
