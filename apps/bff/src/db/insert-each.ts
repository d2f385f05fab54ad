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
  const out: InsertOutcome[] = docs.map(() => 'inserted');
  try {
    await coll.insertMany(docs as mongo.OptionalUnlessRequiredId<T>[], { ordered: false });
    return out;
  } catch (err) {
    const e = err as { name?: string; writeErrors?: unknown; writeConcernError?: unknown; err?: unknown };
    if (e?.name !== 'MongoBulkWriteError' || e.writeConcernError || e.err) throw err;
    const failed = (Array.isArray(e.writeErrors) ? e.writeErrors : [e.writeErrors]) as {
      index: number;
      code: number;
      errmsg?: string;
    }[];
    if (failed.length === 0) throw err;
    for (const w of failed)
      out[w.index] = w.code === 11000 ? 'duplicate' : new Error(w.errmsg ?? 'insert failed');
    return out;
  }
}
