import { Schema, type Connection, type Model } from 'mongoose';

/**
 * The command's freight figures, kept as counters beside the passes and checks they count: one
 * document per figure cell (issued passes by cargo and approval path, passes by status, checks by
 * checkpoint, cargo and result) and one `built` marker. Every pass or check write bumps its cells
 * in the same transaction, so reading the figures costs a few dozen small documents however many
 * passes and checks a season piles up, instead of grouping both collections on every view.
 */
export type FreightFigureKind = 'issued' | 'status' | 'check' | 'marker';

export interface FreightFigureDoc {
  /** The cell's key, e.g. `["check","G92-YY01","components","valid"]` (see freightFigureKey). */
  _id: string;
  kind: FreightFigureKind;
  cargo?: string | null;
  approvalPath?: string;
  status?: string;
  checkpointCode?: string;
  checkpointName?: string;
  result?: string;
  count: number;
}

const schema = new Schema<FreightFigureDoc>(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: ['issued', 'status', 'check', 'marker'], required: true },
    cargo: { type: String, default: undefined },
    approvalPath: { type: String, default: undefined },
    status: { type: String, default: undefined },
    checkpointCode: { type: String, default: undefined },
    checkpointName: { type: String, default: undefined },
    result: { type: String, default: undefined },
    count: { type: Number, required: true, default: 0 },
  },
  { versionKey: false, collection: 'freight_figures' },
);
// No secondary index: the figures read the whole (small) collection, every write goes by _id.

/** Registers the model on a connection. */
export function freightFigureModel(conn: Connection): Model<FreightFigureDoc> {
  return conn.models.FreightFigure ?? conn.model<FreightFigureDoc>('FreightFigure', schema);
}
