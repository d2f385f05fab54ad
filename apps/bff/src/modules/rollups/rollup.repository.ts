import type { Model } from 'mongoose';
import { incrementsByDoc, type Contribution } from '@fugong/domain';
import { isDuplicateKey } from '../../db/errors';
import type { LedgerDoc, RollupDoc } from './rollup.model';

/** A source record's applied contribution and the sequence number guarding its next change. */
export interface LedgerEntry {
  seq: number;
  c: Contribution;
}

/** Rollup counters and the per-record ledger; the only code touching either collection. */
export class RollupRepository {
  /** Bumped by every counter write this process makes; readers use it to drop cached reads. */
  generation = 0;
  /** Bumped by every rebuild (the only writer of days already settled). */
  rebuilds = 0;

  constructor(
    private readonly rollups: Model<RollupDoc>,
    private readonly ledger: Model<LedgerDoc>,
  ) {}

  async readLedger(key: string): Promise<LedgerEntry | null> {
    const doc = await this.ledger.findById(key).lean<LedgerDoc>();
    return doc ? { seq: doc.seq, c: Object.fromEntries(doc.c) } : null;
  }

  /**
   * Moves a ledger entry from `expectedSeq` (null: absent) to the new contribution. False when
   * someone else moved it first; the caller then re-reads the record and tries again.
   */
  async casLedger(
    key: string,
    expectedSeq: number | null,
    c: Contribution,
    expireAt: Date | null,
  ): Promise<boolean> {
    const pairs = Object.entries(c);
    if (expectedSeq === null) {
      try {
        await this.ledger.create({ _id: key, seq: 1, c: pairs, expireAt });
        return true;
      } catch (err) {
        if (isDuplicateKey(err)) return false;
        throw err;
      }
    }
    const res = await this.ledger.updateOne(
      { _id: key, seq: expectedSeq },
      { $set: { c: pairs, expireAt }, $inc: { seq: 1 } },
    );
    return res.modifiedCount === 1;
  }

  /** Applies a delta with one `$inc` upsert per rollup document (unordered: documents are independent). */
  async increment(delta: Contribution): Promise<void> {
    const ops = [...incrementsByDoc(delta)].map(([id, inc]) => {
      const [g, d] = id.split('|');
      return {
        updateOne: { filter: { _id: id }, update: { $inc: inc, $setOnInsert: { g, d } }, upsert: true },
      };
    });
    if (ops.length === 0) return;
    this.generation += 1;
    await this.rollups.bulkWrite(ops, { ordered: false });
  }

  /** The documents of a group whose day is in [from, to] (`*` is read with from = to = '*'). */
  async docs(group: string, from: string, to: string): Promise<RollupDoc[]> {
    return this.rollups.find({ g: group, d: { $gte: from, $lte: to } }).lean<RollupDoc[]>();
  }

  /** Exactly these documents (a summary knows every id it needs: one round trip). */
  async byIds(ids: string[]): Promise<RollupDoc[]> {
    return this.rollups.find({ _id: { $in: ids } }).lean<RollupDoc[]>();
  }

  /** Documents of a group after a day (deltas to roll back when looking at an earlier date). */
  async docsAfter(group: string, day: string): Promise<RollupDoc[]> {
    return this.rollups.find({ g: group, d: { $gt: day, $ne: '*' } }).lean<RollupDoc[]>();
  }

  /** Every rollup document (the rebuild compares them all). */
  async allDocs(): Promise<RollupDoc[]> {
    return this.rollups.find({}).lean<RollupDoc[]>();
  }

  /** Replaces every counter and ledger entry with a recount (the rebuild's last step). */
  async replaceAll(docs: RollupDoc[], ledgers: LedgerDoc[]): Promise<void> {
    this.generation += 1;
    this.rebuilds += 1;
    await this.rollups.deleteMany({});
    for (let i = 0; i < docs.length; i += 500)
      await this.rollups.insertMany(docs.slice(i, i + 500), { ordered: false });
    await this.ledger.deleteMany({});
    for (let i = 0; i < ledgers.length; i += 5000)
      await this.ledger.insertMany(ledgers.slice(i, i + 5000), { ordered: false, lean: true } as never);
  }
}
