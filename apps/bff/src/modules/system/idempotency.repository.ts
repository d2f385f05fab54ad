import type { Model, mongo } from 'mongoose';
import type { IdempotencyDoc } from './idempotency.model';
import { isDuplicateKey } from '../../db/errors';
import type { Connection } from 'mongoose';
import { idempotencyModel } from './idempotency.model';

export type ClaimResult =
  | { kind: 'claimed' }
  | { kind: 'done'; requestHash: string; response: { status: number; body: unknown } }
  | { kind: 'pending'; requestHash: string };

/** Stores idempotency keys; every state change is one guarded atomic write. */
export class IdempotencyRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): IdempotencyRepository {
    return new IdempotencyRepository(idempotencyModel(conn));
  }

  /** The driver's collection, typed: string _ids, no mongoose casting. */
  private readonly coll: mongo.Collection<IdempotencyDoc>;

  constructor(model: Model<IdempotencyDoc>) {
    this.coll = model.collection as unknown as mongo.Collection<IdempotencyDoc>;
  }

  /**
   * Claims a key by inserting it. If it exists: returns its state, or re-claims it when the
   * previous holder has been pending longer than `staleBefore` (its process died mid-request).
   * Driver calls (no mongoose documents): this runs twice on every idempotent request.
   */
  async claim(id: string, requestHash: string, now: Date, staleBefore: Date): Promise<ClaimResult> {
    try {
      await this.coll.insertOne({ _id: id, requestHash, state: 'pending', lockedAt: now, createdAt: now });
      return { kind: 'claimed' };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    // Read first (one round trip in the common case: a retry meeting a done or live key); only a
    // stale pending key is taken over, by a compare-and-set on its lockedAt that one claimer wins.
    const existing = await this.coll.findOne({ _id: id });
    if (!existing) return this.claim(id, requestHash, now, staleBefore);
    if (existing.state === 'done' && existing.response) {
      return { kind: 'done', requestHash: existing.requestHash, response: existing.response };
    }
    if (
      existing.state === 'pending' &&
      existing.requestHash === requestHash &&
      existing.lockedAt < staleBefore
    ) {
      const taken = await this.coll.findOneAndUpdate(
        { _id: id, state: 'pending', lockedAt: existing.lockedAt, requestHash },
        { $set: { lockedAt: now } },
      );
      if (taken) return { kind: 'claimed' };
      return this.claim(id, requestHash, now, staleBefore);
    }
    return { kind: 'pending', requestHash: existing.requestHash };
  }

  async complete(id: string, response: { status: number; body: unknown }): Promise<void> {
    await this.coll.updateOne({ _id: id, state: 'pending' }, { $set: { state: 'done', response } });
  }

  /** Forgets a key whose request failed, so a retry runs again (a failed request wrote nothing). */
  async release(id: string): Promise<void> {
    await this.coll.deleteOne({ _id: id, state: 'pending' });
  }
}
