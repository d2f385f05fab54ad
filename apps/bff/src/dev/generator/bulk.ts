import type { Model } from 'mongoose';

/** Told how far a stage got: stage name, items done, items expected. */
export type Progress = (stage: string, done: number, total: number) => void;

/**
 * Buffers documents and inserts them in batches through the driver (`insertMany`, unordered),
 * skipping mongoose's per-document casting: the generator builds documents in stored shape.
 */
export class BulkInserter {
  private buf: Record<string, unknown>[] = [];
  inserted = 0;

  constructor(
    private readonly model: Model<never>,
    private readonly stage: string,
    private readonly total: number,
    private readonly progress: Progress,
    private readonly batch = 5000,
  ) {}

  async add(doc: Record<string, unknown>): Promise<void> {
    this.buf.push(doc);
    if (this.buf.length >= this.batch) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buf.length === 0) return;
    const docs = this.buf;
    this.buf = [];
    await this.model.collection.insertMany(docs, { ordered: false });
    this.inserted += docs.length;
    this.progress(this.stage, this.inserted, Math.max(this.total, this.inserted));
  }
}
