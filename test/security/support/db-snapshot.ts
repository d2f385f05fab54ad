import mongoose, { type Connection } from 'mongoose';

const { EJSON } = mongoose.mongo.BSON;

/**
 * Every collection's documents as canonical EJSON, in _id order: two snapshots are equal exactly
 * when no document was inserted, changed or removed (types included: an Int32 is not a Double).
 */
export async function snapshotDatabase(conn: Connection): Promise<Record<string, string>> {
  const db = conn.db!;
  const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort();
  const dumps = await Promise.all(
    names.map(async (name) =>
      EJSON.stringify(await db.collection(name).find({}).sort({ _id: 1 }).toArray(), { relaxed: false }),
    ),
  );
  return Object.fromEntries(names.map((name, i) => [name, dumps[i]]));
}

/**
 * A snapshot taken once the app's scheduled background writes (coalesced dashboard syncs) have
 * landed: a write a request deferred is then counted as that request's, not the next one's.
 */
export async function settledSnapshot(t: {
  connection: Connection;
  settle(): Promise<void>;
}): Promise<Record<string, string>> {
  await t.settle();
  return snapshotDatabase(t.connection);
}

/** Names of the collections whose documents differ between two snapshots. */
export function changedCollections(a: Record<string, string>, b: Record<string, string>): string[] {
  const names = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...names].filter((n) => a[n] !== b[n] && !(isEmpty(a[n]) && isEmpty(b[n])));
}

const isEmpty = (s: string | undefined) => s === undefined || s === '[]';
