import { Schema, type Types, type Connection, type Model } from 'mongoose';
import { ROLE_GRANT_OUTCOMES, type RoleGrantOutcome } from '@fugong/contracts';

/** One row's outcome as the console showed it; the phone is stored masked only. */
export interface RoleGrantLineDoc {
  row: number;
  phoneMasked: string;
  role: string;
  scope: string;
  outcome: RoleGrantOutcome;
  reason: string;
}

/**
 * One bulk grant from a sheet, kept whole for its report download: at most 5,000 short lines
 * (well under a document's 16 MB), written once after every row was applied.
 */
export interface RoleGrantImportDoc {
  _id: Types.ObjectId;
  actorId: Types.ObjectId;
  filename: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  at: Date;
  granted: number;
  already: number;
  refused: number;
  lines: RoleGrantLineDoc[];
}

const lineSchema = new Schema<RoleGrantLineDoc>(
  {
    row: { type: Number, required: true },
    phoneMasked: { type: String, default: '' },
    role: { type: String, default: '' },
    scope: { type: String, default: '' },
    outcome: { type: String, enum: ROLE_GRANT_OUTCOMES, required: true },
    reason: { type: String, default: '' },
  },
  { _id: false },
);

const schema = new Schema<RoleGrantImportDoc>(
  {
    actorId: { type: Schema.Types.ObjectId, required: true },
    filename: { type: String, required: true },
    format: { type: String, enum: ['csv', 'xlsx'], required: true },
    encoding: { type: String, default: null },
    at: { type: Date, required: true },
    granted: { type: Number, required: true },
    already: { type: Number, required: true },
    refused: { type: Number, required: true },
    lines: { type: [lineSchema], default: [] },
  },
  { versionKey: false, collection: 'role_grant_imports' },
);
// No secondary index: the report is read by _id only.

/** Registers the model on a connection. */
export function roleGrantImportModel(conn: Connection): Model<RoleGrantImportDoc> {
  return conn.models.RoleGrantImport ?? conn.model<RoleGrantImportDoc>('RoleGrantImport', schema);
}
