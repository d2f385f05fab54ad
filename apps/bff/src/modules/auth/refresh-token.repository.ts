import { Types, type Model } from 'mongoose';
import type { RefreshTokenDoc } from './refresh-token.model';
import type { Connection } from 'mongoose';
import { refreshTokenModel } from './refresh-token.model';

/**
 * How long a just-rotated refresh token still works. On a weak network the phone may send a
 * refresh, lose the answer, and retry: without this window the retry would sign the worker out.
 */
export const ROTATION_GRACE_MS = 60_000;

export class RefreshTokenRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): RefreshTokenRepository {
    return new RefreshTokenRepository(refreshTokenModel(conn));
  }

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
   * Spends a refresh token and returns its user. The first spend marks it rotated, atomically;
   * presenting it again is accepted only within the grace window after that (a lost answer
   * retried), never after a logout and never once the window has passed.
   */
  async spend(hash: string, now: Date): Promise<string | null> {
    const live = { _id: hash, expiresAt: { $gt: now } };
    const first = await this.model
      .findOneAndUpdate({ ...live, revokedAt: null }, { $set: { revokedAt: now, revokedReason: 'rotated' } })
      .lean<RefreshTokenDoc>();
    if (first) return first.userId.toHexString();
    const retry = await this.model
      .findOne({
        ...live,
        revokedReason: 'rotated',
        revokedAt: { $gt: new Date(now.getTime() - ROTATION_GRACE_MS) },
      })
      .lean<RefreshTokenDoc>();
    return retry ? retry.userId.toHexString() : null;
  }

  async revoke(hash: string, userId: string, now: Date): Promise<void> {
    await this.model.updateOne(
      { _id: hash, userId: new Types.ObjectId(userId), revokedAt: null },
      { $set: { revokedAt: now } },
    );
  }
}
