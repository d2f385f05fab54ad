import { createReadStream, createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import mongoose from 'mongoose';

type Db = NonNullable<mongoose.Connection['db']>;
type Doc = Record<string, unknown>;
const { EJSON } = mongoose.mongo.BSON;

/** What a backup directory holds besides the documents: enough to rebuild each collection exactly. */
export interface BackupManifest {
  format: 'fugong-backup/1';
  database: string;
  createdAt: string;
  collections: { name: string; file: string; count: number; options: Doc; indexes: Doc[] }[];
}

const BATCH = 1000;

/**
 * Writes every collection of `db` to `dir`: one canonical-EJSON document per line (types kept:
 * ObjectId, Date, Int32 vs Double, Decimal128) plus `manifest.json` with counts, collection
 * options and index specs. Streams, so a large collection never sits in memory.
 */
export async function backupDatabase(db: Db, dir: string): Promise<BackupManifest> {
  mkdirSync(dir, { recursive: true });
  const infos = (await db.listCollections({ type: 'collection' }).toArray()) as {
    name: string;
    options?: Doc;
  }[];
  const manifest: BackupManifest = {
    format: 'fugong-backup/1',
    database: db.databaseName,
    createdAt: new Date().toISOString(),
    collections: [],
  };
  for (const info of infos
    .filter((c) => !c.name.startsWith('system.'))
    .sort((a, b) => a.name.localeCompare(b.name))) {
    const file = `${info.name}.ejson`;
    const out = createWriteStream(path.join(dir, file));
    let count = 0;
    for await (const doc of db.collection(info.name).find({}).sort({ _id: 1 })) {
      if (!out.write(`${EJSON.stringify(doc, { relaxed: false })}\n`)) await once(out, 'drain');
      count += 1;
    }
    out.end();
    await once(out, 'finish');
    const indexes = (await db.collection(info.name).listIndexes().toArray()) as Doc[];
    manifest.collections.push({
      name: info.name,
      file,
      count,
      options: info.options ?? {},
      indexes: indexes.filter((i) => i.name !== '_id_').map(indexSpec),
    });
  }
  writeFileSync(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** An index as createIndex takes it back: everything listIndexes reports except the version. */
function indexSpec(index: Doc): Doc {
  const { v: _v, ns: _ns, ...spec } = index;
  return spec;
}

/**
 * Restores a backup into `db`. Refuses a database that already holds any of the collections
 * unless `drop` is set (then they are replaced), so a mistyped URI cannot merge two databases.
 */
export async function restoreDatabase(
  db: Db,
  dir: string,
  options: { drop?: boolean } = {},
): Promise<BackupManifest> {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
  if (manifest.format !== 'fugong-backup/1')
    throw new Error(`unknown backup format ${String(manifest.format)}`);
  const existing = new Set((await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name));
  const clash = manifest.collections.filter((c) => existing.has(c.name)).map((c) => c.name);
  if (clash.length && !options.drop)
    throw new Error(`target already has ${clash.join(', ')}; pass --drop to replace them`);
  for (const c of manifest.collections) {
    if (existing.has(c.name)) await db.collection(c.name).drop();
    await db.createCollection(c.name, c.options);
    const coll = db.collection(c.name);
    let batch: Doc[] = [];
    let count = 0;
    const lines = createInterface({ input: createReadStream(path.join(dir, c.file)), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line.trim()) continue;
      batch.push(EJSON.parse(line, { relaxed: false }) as Doc);
      if (batch.length === BATCH) {
        await coll.insertMany(batch, { ordered: true });
        count += batch.length;
        batch = [];
      }
    }
    if (batch.length) await coll.insertMany(batch, { ordered: true });
    count += batch.length;
    if (count !== c.count)
      throw new Error(`${c.name}: restored ${count} documents, the backup lists ${c.count}`);
    for (const { key, ...opts } of c.indexes) await coll.createIndex(key as Doc as Record<string, 1>, opts);
  }
  return manifest;
}

/** Reads `--name value` flags (and `--flag` booleans) from argv. */
export function flags(argv: string[]): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i += 1) {
    if (!argv[i].startsWith('--')) continue;
    const next = argv[i + 1];
    if (next === undefined || next.startsWith('--')) out[argv[i].slice(2)] = true;
    else out[argv[i++].slice(2)] = next;
  }
  return out;
}

/**
 * Connects to what the operator named: `--uri` (or MONGODB_URI) for a running MongoDB or
 * embedded server, or `--dbpath` to open an embedded database's files directly (BFF stopped).
 */
export async function openTarget(
  f: Record<string, string | true>,
): Promise<{ db: Db; close(): Promise<void> }> {
  let uri = typeof f.uri === 'string' ? f.uri : process.env.MONGODB_URI;
  let embedded: { uri: string; stop(): Promise<void> } | null = null;
  if (typeof f.dbpath === 'string') {
    const { startEmbeddedMongo } = await import('@fugong/embedded-mongo');
    embedded = await startEmbeddedMongo({ dbPath: path.resolve(f.dbpath) });
    uri = embedded.uri.replace(/\/(\?|$)/, '/fugong$1');
  }
  if (!uri) throw new Error('name the database: --uri mongodb://…/fugong, MONGODB_URI, or --dbpath DIR');
  const conn = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 10_000 }).asPromise();
  return {
    db: conn.db!,
    async close() {
      await conn.close();
      await embedded?.stop();
    },
  };
}
