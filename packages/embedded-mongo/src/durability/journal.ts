/**
 * The write-ahead journal with group commit. Records appended during one event-loop turn are
 * written together and share one fdatasync; records appended while a sync is in flight form
 * the next group. Every append resolves only after its bytes are on disk.
 *
 * The journal is a sequence of files `journal-<seq>.wal`. rotate() makes later appends go to
 * the next file so a snapshot can cover exactly the files before it.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { type Doc } from '../bson/values';
import { encodeRecord } from './records';

interface PendingRecord {
  seq: number;
  buffers: Buffer[];
  bytes: number;
  resolve: () => void;
  reject: (err: Error) => void;
}

/** File name of journal number `seq`. */
export function journalFileName(seq: number): string {
  return `journal-${String(seq).padStart(8, '0')}.wal`;
}

/** Sequence number of a journal file name, or undefined for other files. */
export function journalSeqOf(name: string): number | undefined {
  const m = /^journal-(\d+)\.wal$/.exec(name);
  return m ? Number(m[1]) : undefined;
}

/** fsyncs a directory so created/renamed/removed entries are durable. */
export async function syncDirectory(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export class Journal {
  private pending: PendingRecord[] = [];
  private scheduled = false;
  private flushing: Promise<void> | undefined;
  private file: { seq: number; handle: fs.FileHandle } | undefined;
  private failure: Error | undefined;
  /** Sequence number new appends are tagged with. */
  private appendSeq: number;
  /** Bytes appended since the last rotation (drives compaction). */
  bytesSinceRotation = 0;

  constructor(
    private readonly dir: string,
    startSeq: number,
  ) {
    this.appendSeq = startSeq;
  }

  get currentSeq(): number {
    return this.appendSeq;
  }

  /** Appends one record of documents; resolves once it is durable. */
  append(docs: Doc[]): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const buffers = encodeRecord(docs);
    const bytes = buffers.reduce((n, b) => n + b.length, 0);
    this.bytesSinceRotation += bytes;
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ seq: this.appendSeq, buffers, bytes, resolve, reject });
      this.schedule();
    });
  }

  /**
   * Starts a new journal file for later appends. Returns its sequence number and a promise that
   * resolves once every record of the earlier files is durable (an empty barrier record is
   * appended to the old file; groups are written in order).
   */
  rotate(): { seq: number; olderDurable: Promise<void> } {
    const olderDurable = this.append([]);
    this.appendSeq++;
    this.bytesSinceRotation = 0;
    return { seq: this.appendSeq, olderDurable };
  }

  private schedule(): void {
    if (this.scheduled || this.flushing) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.flushing = this.flushLoop().finally(() => {
        this.flushing = undefined;
        if (this.pending.length > 0) this.schedule();
      });
    });
  }

  private async flushLoop(): Promise<void> {
    while (this.pending.length > 0) {
      const group = this.pending;
      this.pending = [];
      try {
        await this.writeGroup(group);
        for (const rec of group) rec.resolve();
      } catch (err) {
        this.failure = err instanceof Error ? err : new Error(String(err));
        for (const rec of group) rec.reject(this.failure);
        for (const rec of this.pending.splice(0)) rec.reject(this.failure);
      }
    }
  }

  private async writeGroup(group: PendingRecord[]): Promise<void> {
    let i = 0;
    while (i < group.length) {
      const seq = group[i].seq;
      const buffers: Buffer[] = [];
      while (i < group.length && group[i].seq === seq) buffers.push(...group[i++].buffers);
      const handle = await this.fileFor(seq);
      await writeAll(handle, buffers);
      await handle.datasync();
    }
  }

  private async fileFor(seq: number): Promise<fs.FileHandle> {
    if (this.file?.seq === seq) return this.file.handle;
    if (this.file) await this.file.handle.close();
    const handle = await fs.open(path.join(this.dir, journalFileName(seq)), 'a');
    await syncDirectory(this.dir);
    this.file = { seq, handle };
    return handle;
  }

  /** Waits until every appended record is durable. */
  async drain(): Promise<void> {
    while (this.flushing || this.scheduled || this.pending.length > 0) {
      if (this.flushing) await this.flushing.catch(() => undefined);
      else await new Promise((r) => setImmediate(r));
    }
  }

  /** Drains and closes the current file. */
  async close(): Promise<void> {
    await this.drain();
    if (this.file) await this.file.handle.close();
    this.file = undefined;
  }
}

async function writeAll(handle: fs.FileHandle, buffers: Buffer[]): Promise<void> {
  let remaining = buffers;
  while (remaining.length > 0) {
    const { bytesWritten } = await handle.writev(remaining);
    let skip = bytesWritten;
    const rest: Buffer[] = [];
    for (const b of remaining) {
      if (skip >= b.length) skip -= b.length;
      else {
        rest.push(skip > 0 ? b.subarray(skip) : b);
        skip = 0;
      }
    }
    remaining = rest;
  }
}
