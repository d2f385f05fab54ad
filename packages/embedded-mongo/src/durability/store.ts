/**
 * The durable store of one dbPath: lock, recovery (snapshot + journal replay with torn-tail
 * truncation), journaling of committed operations, and compaction into a new snapshot.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { type Doc } from '../bson/values';
import { type Durability, type Engine } from '../engine/engine';
import { type JournalOp, replayOp } from '../engine/journalOps';
import { Journal, journalFileName, journalSeqOf, syncDirectory } from './journal';
import { lockDbPath } from './lockFile';
import { decodeRecords } from './records';
import { captureCatalog, loadSnapshot, SNAPSHOT_FILE, writeSnapshot } from './snapshot';

/**
 * Journal growth that triggers a background compaction: at least this much, and at least the
 * size of the last snapshot, so bulk loads do not rewrite a large snapshot over and over.
 */
const COMPACT_AFTER_BYTES = 64 * 1024 * 1024;

export interface DurableStore extends Durability {
  /** Starts a compaction if the journal has grown enough (no-op while one runs). */
  maybeCompact(): void;
  /** Writes a snapshot now and drops the journal files it covers. */
  compact(): Promise<void>;
  /** Flushes, compacts if anything was journaled, and releases files and the lock. */
  close(): Promise<void>;
  /** Journal and compaction state for serverStatus. */
  status(): StorageStatus;
}

export interface StorageStatus {
  compacting: boolean;
  journalBytes: number;
  snapshotBytes: number;
}

export interface RecoveryReport {
  journalFiles: number;
  records: number;
  /** Bytes cut from torn or corrupt journal tails. */
  truncatedBytes: number;
}

async function listJournals(dir: string): Promise<number[]> {
  const names = await fs.readdir(dir);
  return names
    .map(journalSeqOf)
    .filter((s): s is number => s !== undefined)
    .sort((a, b) => a - b);
}

/** Replays journals at or after `fromSeq` onto the engine's catalog, truncating torn tails. */
export async function replayJournals(
  dir: string,
  engine: Engine,
  fromSeq: number,
): Promise<RecoveryReport & { lastSeq: number }> {
  const report = { journalFiles: 0, records: 0, truncatedBytes: 0, lastSeq: fromSeq - 1 };
  for (const seq of await listJournals(dir)) {
    const file = path.join(dir, journalFileName(seq));
    if (seq < fromSeq) {
      await fs.rm(file, { force: true });
      continue;
    }
    report.lastSeq = seq;
    report.journalFiles++;
    const buf = await fs.readFile(file);
    const { records, validLength, damaged } = decodeRecords(buf);
    for (const ops of records) {
      for (const op of ops) replayOp(engine, op as JournalOp);
      report.records++;
    }
    if (damaged) {
      report.truncatedBytes += buf.length - validLength;
      const handle = await fs.open(file, 'r+');
      await handle.truncate(validLength);
      await handle.sync();
      await handle.close();
    }
  }
  return report;
}

/** Opens (creating if needed) and recovers a dbPath; the engine's catalog must be empty. */
export async function openDurableStore(
  dbPath: string,
  engine: Engine,
): Promise<DurableStore & { recovery: RecoveryReport }> {
  await fs.mkdir(dbPath, { recursive: true });
  const lock = await lockDbPath(dbPath);
  let journal: Journal;
  let recovery: RecoveryReport;
  try {
    await fs.rm(path.join(dbPath, `${SNAPSHOT_FILE}.tmp`), { force: true });
    const snapshotSeq = await loadSnapshot(dbPath, engine);
    const replay = await replayJournals(dbPath, engine, snapshotSeq);
    recovery = {
      journalFiles: replay.journalFiles,
      records: replay.records,
      truncatedBytes: replay.truncatedBytes,
    };
    journal = new Journal(dbPath, Math.max(replay.lastSeq + 1, snapshotSeq, 1));
    journal.bytesSinceRotation = replay.records > 0 ? COMPACT_AFTER_BYTES : 0;
    await syncDirectory(dbPath);
  } catch (err) {
    await lock.release();
    throw err;
  }
  let compacting: Promise<void> | undefined;
  let journaledSinceSnapshot = recovery.records > 0;
  let snapshotBytes = await fs.stat(path.join(dbPath, SNAPSHOT_FILE)).then(
    (st) => st.size,
    () => 0,
  );

  const compact = (): Promise<void> => {
    compacting ??= (async () => {
      const { seq, olderDurable } = journal.rotate();
      const captured = captureCatalog(engine);
      journaledSinceSnapshot = false;
      await writeSnapshot(dbPath, captured, seq);
      await olderDurable;
      snapshotBytes = (await fs.stat(path.join(dbPath, SNAPSHOT_FILE))).size;
      for (const old of await listJournals(dbPath)) {
        if (old < seq) await fs.rm(path.join(dbPath, journalFileName(old)), { force: true });
      }
      await syncDirectory(dbPath);
    })().finally(() => {
      compacting = undefined;
    });
    return compacting;
  };

  return {
    recovery,
    append(ops: JournalOp[]): Promise<void> {
      journaledSinceSnapshot = true;
      return journal.append(ops as unknown as Doc[]);
    },
    maybeCompact() {
      const threshold = Math.max(COMPACT_AFTER_BYTES, snapshotBytes);
      if (!compacting && journal.bytesSinceRotation >= threshold) compact().catch(() => undefined);
    },
    status: () => ({
      compacting: compacting !== undefined,
      journalBytes: journal.bytesSinceRotation,
      snapshotBytes,
    }),
    compact,
    async close() {
      await compacting?.catch(() => undefined);
      await journal.drain();
      if (journaledSinceSnapshot) await compact();
      await journal.close();
      await lock.release();
    },
  };
}
