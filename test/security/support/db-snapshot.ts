import mongoose, { type Connection, type mongo } from 'mongoose';

const { EJSON } = mongoose.mongo.BSON;

/**
 * Every collection's documents as canonical EJSON, in _id order: two snapshots are equal exactly
 * when no document was inserted, changed or removed (types included: an Int32 is not a Double).
 */
export async function snapshotDatabase(conn: Connection): Promise<Record<string, string>> {
  const db = conn.db!;
  const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name).sort();
  const dumps = await Promise.all(
    names.map(async (name) => {
      const collection = db.collection(name);
      const [docs, ttl] = await Promise.all([
        collection.find({}).sort({ _id: 1 }).toArray(),
        ttlFields(db, collection),
      ]);
      return EJSON.stringify(
        docs.filter((doc) => !ttlDue(doc, ttl)),
        { relaxed: false },
      );
    }),
  );
  return Object.fromEntries(names.map((name, i) => [name, dumps[i]]));
}

/**
 * The date fields a TTL index expires documents by, with that index's delay in seconds. Read once
 * per collection: the harness takes two snapshots per attack and the indexes never change in between.
 */
const ttlByCollection = new WeakMap<mongo.Db, Map<string, Promise<[string, number][]>>>();
function ttlFields(db: mongo.Db, collection: mongo.Collection): Promise<[string, number][]> {
  let known = ttlByCollection.get(db);
  if (!known) ttlByCollection.set(db, (known = new Map()));
  let fields = known.get(collection.collectionName);
  if (!fields) {
    fields = collection
      .listIndexes()
      .toArray()
      .then((indexes) =>
        indexes
          .filter((ix) => typeof ix.expireAfterSeconds === 'number')
          .map((ix): [string, number] => [Object.keys(ix.key as object)[0], ix.expireAfterSeconds as number]),
      );
    known.set(collection.collectionName, fields);
  }
  return fields;
}

/**
 * A document whose TTL has passed (by the real clock the database's TTL monitor uses, not the
 * test world's) may be removed by the database at any moment, in MongoDB as in the embedded one;
 * whether it is still there says nothing about the request under test, so snapshots leave it out.
 */
function ttlDue(doc: mongo.Document, ttl: [string, number][]): boolean {
  const now = Date.now();
  return ttl.some(([field, delaySec]) => {
    const at = doc[field];
    return at instanceof Date && at.getTime() + delaySec * 1000 <= now;
  });
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
