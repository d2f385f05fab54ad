import type { Connection, Model } from 'mongoose';
import { incrementsByDoc, type Contribution } from '@fugong/domain';
import { isDuplicateKey } from '../../db/errors';
import {
  ROLLUP_FORMAT,
  rollupLedgerModel,
  rollupModel,
  type LedgerDoc,
  type RollupDoc,
} from './rollup.model';
import { cellView, sliceView, type RollupView } from './rollup-view';

/** A source record's applied contribution and the sequence number guarding its next change. */
/** The stored shape's version, which the rebuild stamps on what it writes. */
export { ROLLUP_FORMAT, type LedgerDoc, type RollupDoc };

export interface LedgerEntry {
  seq: number;
  c: Contribution;
}

/** Rollup counters and the per-record ledger; the only code touching either collection. */
export class RollupRepository {
  /** Built on a connection: which model and collection it uses is this repository's business. */
  static on(conn: Connection): RollupRepository {
    return new RollupRepository(rollupModel(conn), rollupLedgerModel(conn));
  }

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
        updateOne: {
          filter: { _id: id },
          update: { $inc: inc, $setOnInsert: { g, d, v: ROLLUP_FORMAT } },
          upsert: true,
        },
      };
    });
    if (ops.length === 0) return;
    this.generation += 1;
    await this.rollups.bulkWrite(ops, { ordered: false });
  }

  /** Every cell of exactly these documents (breakdowns by region, industry or size need them). */
  async cells(ids: string[]): Promise<RollupView[]> {
    if (ids.length === 0) return [];
    const docs = await this.rollups.find({ _id: { $in: ids } }, { g: 1, d: 1, c: 1 }).lean<RollupDoc[]>();
    return docs.map(cellView);
  }

  /**
   * One filter slice of exactly these documents: the counters under the filter, already summed,
   * read by projection — a handful of numbers per document whatever the number of cells.
   */
  async slice(ids: string[], slice: string): Promise<RollupView[]> {
    if (ids.length === 0) return [];
    const docs = await this.rollups
      .find({ _id: { $in: ids } }, { g: 1, d: 1, [`s.${slice}`]: 1 })
      .lean<RollupDoc[]>();
    return docs.map((d) => sliceView(d, slice));
  }

  /** How many documents predate the current format (their slices are missing until a rebuild converts them). */
  async olderFormatDocuments(): Promise<number> {
    return this.rollups.countDocuments({ v: { $ne: ROLLUP_FORMAT } });
  }

  /** The cell counters of every rollup document (the rebuild compares them all; slices follow from cells). */
  async allDocs(): Promise<RollupDoc[]> {
    return this.rollups.find({}, { g: 1, d: 1, c: 1 }).lean<RollupDoc[]>();
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
