import { Schema, type Connection, type Model } from 'mongoose';
import type { RollupDoc } from './rollup.types';

export type { RollupDoc } from './rollup.types';

/** The current storage format of rollup documents (positional metrics plus slices). */
export const ROLLUP_FORMAT = 2;

const rollupSchema = new Schema<RollupDoc>(
  {
    _id: { type: String },
    g: { type: String, required: true },
    d: { type: String, required: true },
    c: { type: Schema.Types.Mixed, default: {} },
    s: { type: Schema.Types.Mixed, default: {} },
    v: { type: Number },
  },
  { versionKey: false, collection: 'dashboard_rollups', minimize: false },
);
// The dashboard's reads: the documents of one group over a day range (trend, window sums).
rollupSchema.index({ g: 1, d: 1 });

/**
 * What one source record (an enterprise, trip, issue or check-in) last added to the counters.
 * `seq` guards the compare-and-set that makes applying a record's state idempotent.
 */
export interface LedgerDoc {
  /** `<kind>:<record id>`, e.g. `trip:65f…`, `ci:<worker>:<day>`. */
  _id: string;
  seq: number;
  /** Contribution entries as [key, n] pairs (keys contain characters field names may not). */
  c: [string, number][];
  /** Check-in ledgers expire once their day can no longer change; null otherwise. */
  expireAt: Date | null;
}

const ledgerSchema = new Schema<LedgerDoc>(
  {
    _id: { type: String },
    seq: { type: Number, required: true },
    c: { type: Schema.Types.Mixed, default: [] },
    expireAt: { type: Date, default: null },
  },
  { versionKey: false, collection: 'dashboard_rollup_ledger', minimize: false },
);
// Drops check-in ledgers two days after their day: a check-in is only ever rewritten on its own
// day, so afterwards its contribution can never change again and the entry is dead weight.
ledgerSchema.index(
  { expireAt: 1 },
  { expireAfterSeconds: 0, partialFilterExpression: { expireAt: { $type: 'date' } } },
);

/** Registers the rollup model on a connection. */
export function rollupModel(conn: Connection): Model<RollupDoc> {
  return conn.models.DashboardRollup ?? conn.model<RollupDoc>('DashboardRollup', rollupSchema);
}

/** Registers the ledger model on a connection. */
export function rollupLedgerModel(conn: Connection): Model<LedgerDoc> {
  return conn.models.DashboardRollupLedger ?? conn.model<LedgerDoc>('DashboardRollupLedger', ledgerSchema);
}
