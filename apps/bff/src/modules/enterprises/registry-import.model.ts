import { Schema, type Types, type Connection, type Model } from 'mongoose';

/** One registry upload as it streams through: its figures grow batch by batch. */
export interface RegistryImportDoc {
  _id: Types.ObjectId;
  actorId: Types.ObjectId;
  filename: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  status: 'running' | 'done' | 'failed';
  totalRows: number;
  created: number;
  updated: number;
  refused: number;
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

const importSchema = new Schema<RegistryImportDoc>(
  {
    actorId: { type: Schema.Types.ObjectId, required: true },
    filename: { type: String, required: true },
    format: { type: String, enum: ['csv', 'xlsx'], required: true },
    encoding: { type: String, default: null },
    status: { type: String, enum: ['running', 'done', 'failed'], required: true },
    totalRows: { type: Number, default: 0 },
    created: { type: Number, default: 0 },
    updated: { type: Number, default: 0 },
    refused: { type: Number, default: 0 },
    error: { type: String, default: null },
    startedAt: { type: Date, required: true },
    finishedAt: { type: Date, default: null },
  },
  { versionKey: false, collection: 'registry_imports' },
);
// The console's list of imports, newest first.
importSchema.index({ startedAt: -1 });

/** The per-row report line of an import: what happened to row N and why. */
export interface RegistryImportRowDoc {
  _id: Types.ObjectId;
  importId: Types.ObjectId;
  row: number;
  creditCode: string;
  name: string;
  outcome: 'created' | 'updated' | 'refused';
  reason: string;
}

const rowSchema = new Schema<RegistryImportRowDoc>(
  {
    importId: { type: Schema.Types.ObjectId, required: true },
    row: { type: Number, required: true },
    creditCode: { type: String, default: '' },
    name: { type: String, default: '' },
    outcome: { type: String, enum: ['created', 'updated', 'refused'], required: true },
    reason: { type: String, default: '' },
  },
  { versionKey: false, collection: 'registry_import_rows' },
);
// The downloadable report: one import's rows in file order (streamed from a cursor). Unique, so a
// retried batch cannot report a row twice.
rowSchema.index({ importId: 1, row: 1 }, { unique: true });

export function registryImportModel(conn: Connection): Model<RegistryImportDoc> {
  return conn.models.RegistryImport ?? conn.model<RegistryImportDoc>('RegistryImport', importSchema);
}

export function registryImportRowModel(conn: Connection): Model<RegistryImportRowDoc> {
  return conn.models.RegistryImportRow ?? conn.model<RegistryImportRowDoc>('RegistryImportRow', rowSchema);
}
