import type { Model } from 'mongoose';
import type { SubscribeDecision } from '@fugong/contracts';
import type { ConsentDoc } from './consent.model';
import { isDuplicateKey } from '../../db/errors';
import type { Connection } from 'mongoose';
import { consentModel } from './consent.model';

const key = (openid: string, templateId: string) => `${openid}:${templateId}`;

/** Per-template subscribe consent; every change is one atomic update by _id. */
export class ConsentRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): ConsentRepository {
    return new ConsentRepository(consentModel(conn));
  }

  constructor(private readonly model: Model<ConsentDoc>) {}

  /**
   * Records one answer of `wx.requestSubscribeMessage`: an acceptance adds one allowed message;
   * reject keeps earlier acceptances (WeChat does too); ban/filter mean WeChat will refuse every
   * message of the template, so nothing is left to use.
   */
  async record(openid: string, templateId: string, decision: SubscribeDecision, now: Date): Promise<number> {
    const update =
      decision === 'accept'
        ? { $set: { decision, updatedAt: now }, $inc: { remaining: 1 }, $setOnInsert: { openid, templateId } }
        : decision === 'reject'
          ? { $set: { decision, updatedAt: now }, $setOnInsert: { openid, templateId, remaining: 0 } }
          : { $set: { decision, updatedAt: now, remaining: 0 }, $setOnInsert: { openid, templateId } };
    for (let attempt = 0; ; attempt += 1) {
      try {
        const doc = await this.model
          .findOneAndUpdate({ _id: key(openid, templateId) }, update, {
            upsert: true,
            returnDocument: 'after',
          })
          .lean<ConsentDoc>();
        return doc!.remaining;
      } catch (err) {
        // Two first answers racing on the upsert: the loser retries as an update.
        if (!isDuplicateKey(err) || attempt >= 2) throw err;
      }
    }
  }

  /** Uses one allowed message; false when none is left (the person did not accept, or used it). */
  async consume(openid: string, templateId: string): Promise<boolean> {
    const res = await this.model.updateOne(
      { _id: key(openid, templateId), remaining: { $gt: 0 } },
      { $inc: { remaining: -1 } },
    );
    return res.modifiedCount === 1;
  }

  /** Gives back an allowed message a send did not use (WeChat unreachable: the retry needs it). */
  async refund(openid: string, templateId: string): Promise<void> {
    await this.model.updateOne({ _id: key(openid, templateId) }, { $inc: { remaining: 1 } });
  }

  async remaining(openid: string, templateId: string): Promise<number> {
    const doc = await this.model.findById(key(openid, templateId)).lean<ConsentDoc>();
    return doc?.remaining ?? 0;
  }
}
