import { Types, type Model } from 'mongoose';
import type { RefreshTokenDoc } from './refresh-token.model';

export class RefreshTokenRepository {
  constructor(private readonly model: Model<RefreshTokenDoc>) {}

  async create(hash: string, userId: string, now: Date, expiresAt: Date): Promise<void> {
    await this.model.create({
      _id: hash,
      userId: new Types.ObjectId(userId),
      expiresAt,
      createdAt: now,
      revokedAt: null,
    });
  }

  /**
   * Spends a refresh token: marks it revoked and returns its user, atomically, so the same
   * token presented twice (a replay, or two tabs racing) yields at most one new session.
   */
  async spend(hash: string, now: Date): Promise<string | null> {
    const doc = await this.model
      .findOneAndUpdate({ _id: hash, revokedAt: null, expiresAt: { $gt: now } }, { $set: { revokedAt: now } })
      .lean<RefreshTokenDoc>();
    return doc ? doc.userId.toHexString() : null;
  }

  async revoke(hash: string, userId: string, now: Date): Promise<void> {
    await this.model.updateOne(
      { _id: hash, userId: new Types.ObjectId(userId), revokedAt: null },
      { $set: { revokedAt: now } },
    );
  }
}
