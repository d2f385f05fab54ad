import type { Model } from 'mongoose';
import type { IdempotencyDoc } from './idempotency.model';
import { isDuplicateKey } from '../../db/errors';

export type ClaimResult =
  | { kind: 'claimed' }
  | { kind: 'done'; requestHash: string; response: { status: number; body: unknown } }
  | { kind: 'pending'; requestHash: string };

/** Stores idempotency keys; every state change is one guarded atomic write. */
export class IdempotencyRepository {
  constructor(private readonly model: Model<IdempotencyDoc>) {}

  /**
   * Claims a key by inserting it. If it exists: returns its state, or re-claims it when the
   * previous holder has been pending longer than `staleBefore` (its process died mid-request).
   */
  async claim(id: string, requestHash: string, now: Date, staleBefore: Date): Promise<ClaimResult> {
    try {
      await this.model.create({ _id: id, requestHash, state: 'pending', lockedAt: now, createdAt: now });
      return { kind: 'claimed' };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    const taken = await this.model
      .findOneAndUpdate(
        { _id: id, state: 'pending', lockedAt: { $lt: staleBefore }, requestHash },
        { $set: { lockedAt: now } },
      )
      .lean();
    if (taken) return { kind: 'claimed' };
    const existing = await this.model.findById(id).lean();
    if (!existing) return this.claim(id, requestHash, now, staleBefore);
    if (existing.state === 'done' && existing.response) {
      return { kind: 'done', requestHash: existing.requestHash, response: existing.response };
    }
    return { kind: 'pending', requestHash: existing.requestHash };
  }

  async complete(id: string, response: { status: number; body: unknown }): Promise<void> {
    await this.model.updateOne({ _id: id, state: 'pending' }, { $set: { state: 'done', response } });
  }

  /** Forgets a key whose request failed, so a retry runs again (a failed request wrote nothing). */
  async release(id: string): Promise<void> {
    await this.model.deleteOne({ _id: id, state: 'pending' });
  }
}
