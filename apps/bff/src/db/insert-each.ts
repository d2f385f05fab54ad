import type { mongo } from 'mongoose';

/** What became of one document of an unordered insert. */
export type InsertOutcome = 'inserted' | 'duplicate' | Error;

/**
 * Inserts documents with one unordered command and reports each one's fate: inserted, refused
 * by a unique index (E11000), or failed otherwise. A failure of the command as a whole (the
 * database unreachable, a write-concern error) is thrown, as for a single insert.
 */
export async function insertEach<T extends mongo.Document>(
  coll: mongo.Collection<T>,
  docs: T[],
): Promise<InsertOutcome[]> {
  try {
    await coll.insertMany(docs as mongo.OptionalUnlessRequiredId<T>[], { ordered: false });
    return docs.map(() => 'inserted');
  } catch (err) {
    return fatesOf(err, docs.length, 'inserted');
  }
}

/**
 * What became of one upsert of an unordered bulk: it updated the document its filter matched,
 * inserted a new one (its `_id`), was refused by a unique index, or failed.
 */
export type UpsertOutcome = 'updated' | { inserted: unknown } | 'duplicate' | Error;

/**
 * Runs single-document upserts with one unordered command and reports each one's fate. An upsert
 * whose filter matched nothing inserts; when a unique index holds a document it did not match
 * (its guard said no), that upsert is refused as a duplicate and the others still apply.
 */
export async function upsertEach<T extends mongo.Document>(
  coll: mongo.Collection<T>,
  ops: { filter: mongo.Filter<T>; update: mongo.UpdateFilter<T> }[],
): Promise<UpsertOutcome[]> {
  const fates = (upsertedIds: Record<number, unknown> | undefined, failed: (UpsertOutcome | null)[]) =>
    failed.map((f, i) => f ?? (upsertedIds?.[i] !== undefined ? { inserted: upsertedIds[i] } : 'updated'));
  try {
    const result = await coll.bulkWrite(
      ops.map((o) => ({ updateOne: { filter: o.filter, update: o.update, upsert: true } })),
      { ordered: false },
    );
    return fates(
      result.upsertedIds,
      ops.map(() => null),
    );
  } catch (err) {
    const failed = fatesOf(err, ops.length, null);
    return fates((err as { result?: { upsertedIds?: Record<number, unknown> } }).result?.upsertedIds, failed);
  }
}

/** Each operation's fate from an unordered bulk's error; rethrows a failure of the command as a whole. */
function fatesOf<OK extends string | null>(err: unknown, n: number, ok: OK): (OK | 'duplicate' | Error)[] {
  const e = err as { name?: string; writeErrors?: unknown; writeConcernError?: unknown; err?: unknown };
  if (e?.name !== 'MongoBulkWriteError' || e.writeConcernError || e.err) throw err;
  const failed = (Array.isArray(e.writeErrors) ? e.writeErrors : [e.writeErrors]) as {
    index: number;
    code: number;
    errmsg?: string;
  }[];
  if (failed.length === 0) throw err;
  const out: (OK | 'duplicate' | Error)[] = Array.from({ length: n }, () => ok);
  for (const w of failed)
    out[w.index] = w.code === 11000 ? 'duplicate' : new Error(w.errmsg ?? 'write failed');
  return out;
}
