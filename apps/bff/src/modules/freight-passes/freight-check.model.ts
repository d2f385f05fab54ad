import { Schema, type Types, type Connection, type Model } from 'mongoose';
import { CARGO_CATEGORIES, CHECK_RESULTS, type CargoCategory, type CheckResult } from '@fugong/contracts';

/** One scan at a checkpoint, whatever it found (a forged or stale code too: passId null). */
export interface FreightCheckDoc {
  _id: Types.ObjectId;
  passId: Types.ObjectId | null;
  plate: string | null;
  cargo: CargoCategory | null;
  checkpointCode: string;
  checkpointName: string;
  checkerId: Types.ObjectId;
  at: Date;
  result: CheckResult;
}

const schema = new Schema<FreightCheckDoc>(
  {
    passId: { type: Schema.Types.ObjectId, default: null },
    plate: { type: String, default: null },
    cargo: { type: String, enum: CARGO_CATEGORIES, default: null },
    checkpointCode: { type: String, required: true },
    checkpointName: { type: String, required: true },
    checkerId: { type: Schema.Types.ObjectId, required: true },
    at: { type: Date, required: true },
    result: { type: String, enum: CHECK_RESULTS, required: true },
  },
  { versionKey: false, collection: 'freight_checks' },
);

// "Where was this lorry seen?" — a pass's checks in time order (tracing, disputes).
schema.index({ passId: 1, at: -1 });
// The command's figures are counters of their own (freight-figures.model.ts): no index here.

/** Registers the model on a connection. */
export function freightCheckModel(conn: Connection): Model<FreightCheckDoc> {
  return conn.models.FreightCheck ?? conn.model<FreightCheckDoc>('FreightCheck', schema);
}
