import { Types, type Model } from 'mongoose';
import type { RegistryImportDoc, RegistryImportRowDoc } from './registry-import.model';
import type { Connection } from 'mongoose';
import { registryImportModel, registryImportRowModel } from './registry-import.model';

export type RegistryImportRecord = Omit<RegistryImportDoc, '_id' | 'actorId'> & {
  id: string;
  actorId: string;
};
export type ReportLine = Omit<RegistryImportRowDoc, '_id' | 'importId'>;

/** The report lines read one at a time: `next()` gives null after the last; `close()` lets the cursor go. */
export interface ReportCursor {
  next(): Promise<ReportLine | null>;
  close(): Promise<void>;
}

/** Report lines fetched per round trip: what the download holds in memory at most. */
const REPORT_BATCH = 1000;

const toRecord = ({ _id, actorId, ...rest }: RegistryImportDoc): RegistryImportRecord => ({
  ...rest,
  id: _id.toHexString(),
  actorId: actorId.toHexString(),
});

export class RegistryImportRepository {
  /** Built on a connection: which models and collections it uses is this repository's business. */
  static on(conn: Connection): RegistryImportRepository {
    return new RegistryImportRepository(registryImportModel(conn), registryImportRowModel(conn));
  }

  constructor(
    private readonly imports: Model<RegistryImportDoc>,
    private readonly rows: Model<RegistryImportRowDoc>,
  ) {}

  async start(a: { actorId: string; filename: string; format: 'csv' | 'xlsx'; now: Date }): Promise<string> {
    const doc = await this.imports.create({
      actorId: new Types.ObjectId(a.actorId),
      filename: a.filename,
      format: a.format,
      encoding: null,
      status: 'running',
      startedAt: a.now,
    });
    return doc._id.toHexString();
  }

  /** Stores a batch's report lines and adds its figures to the running import (one $inc). */
  async recordBatch(
    id: string,
    lines: ReportLine[],
    counts: { totalRows: number; created: number; updated: number; refused: number },
  ): Promise<void> {
    const importId = new Types.ObjectId(id);
    if (lines.length)
      await this.rows.bulkWrite(
        lines.map((l) => ({
          updateOne: { filter: { importId, row: l.row }, update: { $setOnInsert: l }, upsert: true },
        })),
        { ordered: false },
      );
    await this.imports.updateOne({ _id: importId, status: 'running' }, { $inc: counts });
  }

  async setEncoding(id: string, encoding: string): Promise<void> {
    await this.imports.updateOne({ _id: new Types.ObjectId(id) }, { $set: { encoding } });
  }

  /** Ends a running import (guarded: a finished one stays as it ended). */
  async finish(id: string, status: 'done' | 'failed', error: string | null, now: Date): Promise<void> {
    await this.imports.updateOne(
      { _id: new Types.ObjectId(id), status: 'running' },
      { $set: { status, error, finishedAt: now } },
    );
  }

  async findById(id: string): Promise<RegistryImportRecord | null> {
    const doc = await this.imports.findById(id).lean<RegistryImportDoc>();
    return doc ? toRecord(doc) : null;
  }

  async recent(limit = 20): Promise<RegistryImportRecord[]> {
    const docs = await this.imports
      .find({})
      .sort({ startedAt: -1, _id: -1 })
      .limit(limit)
      .lean<RegistryImportDoc[]>();
    return docs.map(toRecord);
  }

  /** The report lines in file order, from a cursor (27,800 lines never sit in memory). */
  reportCursor(id: string): ReportCursor {
    return this.rows
      .find({ importId: new Types.ObjectId(id) }, { _id: 0, importId: 0 })
      .sort({ row: 1 })
      .lean<ReportLine>()
      .cursor({ batchSize: REPORT_BATCH });
  }
}
