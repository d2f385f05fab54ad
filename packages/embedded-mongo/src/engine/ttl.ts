/**
 * The TTL monitor: like mongod's, it periodically deletes documents whose indexed date field
 * (or earliest date in an array) is older than the index's expireAfterSeconds.
 */
import { toNumber, typeRank } from '../bson/values';
import { entryId, type IndexEntry } from '../storage/collectionIndex';
import { recordLockKey, type Engine } from './engine';
import { DirectWriter } from './writers';

const DATE_RANK = 10;

export interface TtlMonitor {
  stop(): void;
  /** Runs one sweep now (also used by tests); resolves when deletions are durable. */
  sweep(): Promise<number>;
}

/** Deletes expired documents once; documents held by open transactions are skipped. */
export async function sweepExpired(engine: Engine, now = Date.now()): Promise<number> {
  const writer = new DirectWriter(engine);
  let removed = 0;
  for (const coll of engine.catalog.allCollections()) {
    for (const index of coll.indexes.values()) {
      const seconds = toNumber(index.spec.expireAfterSeconds);
      if (seconds === undefined || index.fields.length !== 1) continue;
      const cutoff = now - seconds * 1000;
      const expired = new Set<string>();
      // Dates form one contiguous run in index order; walk it from the oldest end only.
      const rank = (e: IndexEntry) => typeRank(e[0]);
      const entries =
        index.fields[0].direction === 1
          ? index.ordered.forward(index.ordered.seek((e) => (rank(e) < DATE_RANK ? -1 : 0)))
          : index.ordered.backward(index.ordered.seekAfter((e) => (rank(e) >= DATE_RANK ? -1 : 1)));
      for (const entry of entries) {
        const value = entry[0];
        if (!(value instanceof Date) || value.getTime() > cutoff) break;
        expired.add(entryId(entry));
      }
      for (const id of expired) {
        if (!coll.records.has(id) || engine.recordLocks.has(recordLockKey(coll, id))) continue;
        writer.remove(coll, id);
        removed++;
      }
    }
  }
  await engine.journal(writer.ops);
  return removed;
}

/** Starts sweeping every `intervalMs`. */
export function startTtlMonitor(engine: Engine, intervalMs: number): TtlMonitor {
  let running: Promise<number> | undefined;
  const sweep = (): Promise<number> => {
    running ??= sweepExpired(engine).finally(() => {
      running = undefined;
    });
    return running;
  };
  const timer = setInterval(
    () => {
      sweep().catch(() => undefined);
    },
    Math.max(10, intervalMs),
  );
  timer.unref();
  return { stop: () => clearInterval(timer), sweep };
}
