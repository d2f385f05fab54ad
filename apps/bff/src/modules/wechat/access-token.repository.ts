import type { Model } from 'mongoose';
import type { AccessTokenDoc } from './access-token.model';
import { isDuplicateKey } from '../../db/errors';
import type { Connection } from 'mongoose';
import { accessTokenModel } from './access-token.model';

export interface StoredAccessToken {
  token: string | null;
  expiresAt: Date;
  version: number;
  leaseOwner: string | null;
  leaseUntil: Date;
}

const toRecord = (d: AccessTokenDoc): StoredAccessToken => ({
  token: d.token,
  expiresAt: d.expiresAt,
  version: d.version,
  leaseOwner: d.leaseOwner,
  leaseUntil: d.leaseUntil,
});

/** The shared token document: reads, the refresh lease and the guarded writes around it. */
export class AccessTokenRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): AccessTokenRepository {
    return new AccessTokenRepository(accessTokenModel(conn));
  }

  constructor(private readonly model: Model<AccessTokenDoc>) {}

  /** The stored token of an app, creating the empty document on first use. */
  async read(appid: string, now: Date): Promise<StoredAccessToken> {
    try {
      const doc = await this.model
        .findOneAndUpdate(
          { _id: appid },
          {
            $setOnInsert: {
              token: null,
              expiresAt: new Date(0),
              version: 0,
              leaseOwner: null,
              leaseUntil: new Date(0),
              updatedAt: now,
            },
          },
          { upsert: true, returnDocument: 'after' },
        )
        .lean<AccessTokenDoc>();
      return toRecord(doc!);
    } catch (err) {
      // Two instances creating the document at once: the loser reads the winner's.
      if (!isDuplicateKey(err)) throw err;
      return toRecord((await this.model.findById(appid).lean<AccessTokenDoc>())!);
    }
  }

  /**
   * Takes the refresh lease if the document is still at `version` and no live lease is held:
   * of instances racing to refresh, exactly one gets true.
   */
  async takeLease(appid: string, version: number, owner: string, now: Date, until: Date): Promise<boolean> {
    const res = await this.model.updateOne(
      { _id: appid, version, leaseUntil: { $lte: now } },
      { $set: { leaseOwner: owner, leaseUntil: until, updatedAt: now } },
    );
    return res.modifiedCount === 1;
  }

  /** Stores a fetched token, only while this owner still holds the lease it took at `version`. */
  async storeFetched(
    appid: string,
    version: number,
    owner: string,
    token: string,
    expiresAt: Date,
    now: Date,
  ): Promise<boolean> {
    const res = await this.model.updateOne(
      { _id: appid, version, leaseOwner: owner },
      {
        $set: { token, expiresAt, leaseOwner: null, leaseUntil: new Date(0), updatedAt: now },
        $inc: { version: 1 },
      },
    );
    return res.modifiedCount === 1;
  }

  /** Gives the lease back after a failed fetch so another instance may try at once. */
  async releaseLease(appid: string, version: number, owner: string): Promise<void> {
    await this.model.updateOne(
      { _id: appid, version, leaseOwner: owner },
      { $set: { leaseOwner: null, leaseUntil: new Date(0) } },
    );
  }

  /**
   * Forgets a token WeChat refused. Guarded on the token itself: a second instance reporting the
   * same dead token, or a report arriving after a newer token was stored, changes nothing.
   */
  async invalidate(appid: string, token: string, now: Date): Promise<boolean> {
    const res = await this.model.updateOne(
      { _id: appid, token },
      { $set: { token: null, expiresAt: new Date(0), updatedAt: now }, $inc: { version: 1 } },
    );
    return res.modifiedCount === 1;
  }
}
