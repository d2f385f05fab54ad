import type { Connection, Model } from 'mongoose';
import { incrementsByDoc, type Contribution } from '@fugong/domain';
import type { mongo } from 'mongoose';
import { Batcher } from '../../db/batcher';
import { insertEach } from '../../db/insert-each';
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

  /** Ledger reads of one turn (every check-in's sync reads one) as one query. */
  private readonly ledgerReads: Batcher<string, LedgerEntry | null>;
  /** New ledger entries of one turn as one unordered insert; each learns its own fate. */
  private readonly ledgerInserts: Batcher<LedgerDoc, boolean>;
  /**
   * Counter deltas of one turn summed into one `$inc` per rollup document: a check-in rush adds
   * to the same day's document hundreds of times a second. Only deltas whose ledger move
   * applied come here, so each is still counted exactly once.
   */
  private readonly increments: Batcher<Contribution, undefined>;

  constructor(
    private readonly rollups: Model<RollupDoc>,
    private readonly ledger: Model<LedgerDoc>,
  ) {
    this.ledgerReads = new Batcher(async (keys) => {
      const docs = await this.ledger
        .find({ _id: { $in: [...new Set(keys)] } })
        .batchSize(keys.length + 1)
        .lean<LedgerDoc[]>();
      const by = new Map(docs.map((d) => [d._id, { seq: d.seq, c: Object.fromEntries(d.c) }]));
      return keys.map((k) => by.get(k) ?? null);
    });
    const ledgerColl = ledger.collection as unknown as mongo.Collection<LedgerDoc>;
    this.ledgerInserts = new Batcher(async (docs) =>
      (await insertEach(ledgerColl, docs)).map((r) => (r instanceof Error ? r : r === 'inserted')),
    );
    this.increments = new Batcher(async (deltas) => {
      await this.applyIncrements(sumOf(deltas));
      return deltas.map(() => undefined);
    });
  }

  readLedger(key: string): Promise<LedgerEntry | null> {
    return this.ledgerReads.load(key);
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
    // Refused (false) when the key exists: someone else moved it first.
    if (expectedSeq === null) return this.ledgerInserts.load({ _id: key, seq: 1, c: pairs, expireAt });
    const res = await this.ledger.updateOne(
      { _id: key, seq: expectedSeq },
      { $set: { c: pairs, expireAt }, $inc: { seq: 1 } },
    );
    return res.modifiedCount === 1;
  }

  /** Applies a delta (with the others of the same turn: see `increments`). */
  increment(delta: Contribution): Promise<void> {
    return this.increments.load(delta);
  }

  /** One `$inc` upsert per rollup document (unordered: documents are independent). */
  private async applyIncrements(delta: Contribution): Promise<void> {
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

/** The deltas added up key by key. */
function sumOf(deltas: Contribution[]): Contribution {
  if (deltas.length === 1) return deltas[0];
  const out: Contribution = {};
  for (const d of deltas) for (const [k, n] of Object.entries(d)) out[k] = (out[k] ?? 0) + n;
  return out;
}
