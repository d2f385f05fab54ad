import type { Model } from 'mongoose';
import type { OtpDoc } from './otp.model';
import { isDuplicateKey } from '../../db/errors';
import type { Connection } from 'mongoose';
import { otpModel } from './otp.model';

export class OtpRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): OtpRepository {
    return new OtpRepository(otpModel(conn));
  }

  constructor(private readonly model: Model<OtpDoc>) {}

  /**
   * Stores a new code for a phone unless one was sent after `resendAfter` (throttle).
   * One atomic upsert: the filter only matches an old code (replaced) or none (inserted);
   * a recent code makes the upsert collide on _id, which means "too soon".
   */
  async issue(
    phoneHash: string,
    codeHash: string,
    now: Date,
    expiresAt: Date,
    resendAfter: Date,
  ): Promise<boolean> {
    try {
      await this.model.updateOne(
        { _id: phoneHash, sentAt: { $lte: resendAfter } },
        { $set: { codeHash, attempts: 0, sentAt: now, expiresAt } },
        { upsert: true },
      );
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  /**
   * Counts one attempt against the live code and returns it, or null when there is no live
   * code or it has used up its attempts. The increment is atomic so parallel guesses all count.
   */
  async takeAttempt(phoneHash: string, now: Date, maxAttempts: number): Promise<OtpDoc | null> {
    return this.model
      .findOneAndUpdate(
        { _id: phoneHash, expiresAt: { $gt: now }, attempts: { $lt: maxAttempts } },
        { $inc: { attempts: 1 } },
        { returnDocument: 'after' },
      )
      .lean<OtpDoc>();
  }

  async exists(phoneHash: string): Promise<OtpDoc | null> {
    return this.model.findById(phoneHash).lean<OtpDoc>();
  }

  /** Burns the code after a successful sign-in so it cannot be replayed. */
  async consume(phoneHash: string, codeHash: string): Promise<boolean> {
    const res = await this.model.deleteOne({ _id: phoneHash, codeHash });
    return res.deletedCount === 1;
  }
}
