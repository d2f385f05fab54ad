/**
 * Snapshot files: the whole catalog at one instant, written to a temp file, fsynced and
 * atomically renamed over `snapshot.bson`. The header names the first journal file NOT
 * contained in the snapshot; recovery replays that file and later ones.
 *
 * Records: {t:'header', version, journalSeq} · per collection {t:'coll', ns, options, indexes}
 * followed by {t:'docs', ns} records whose payload carries up to DOCS_PER_RECORD documents ·
 * {t:'retries'} with the retryable-write replies · {t:'end', collections, documents}.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { type Doc, Long } from '../bson/values';
import { type Catalog } from '../engine/catalog';
import { type Engine } from '../engine/engine';
import { splitNamespace } from '../engine/journalOps';
import { type IndexSpec } from '../storage/collectionIndex';
import { ID_INDEX_NAME, recordId } from '../storage/collection';
import { syncDirectory } from './journal';
import { decodeRecords, encodeRecord } from './records';

export const SNAPSHOT_FILE = 'snapshot.bson';
const DOCS_PER_RECORD = 1000;
const FORMAT_VERSION = 1;

/** An immutable view of one collection at capture time (documents are never mutated). */
export interface CapturedCollection {
  ns: string;
  options: Doc;
  indexes: IndexSpec[];
  docs: Doc[];
}

export interface CapturedState {
  collections: CapturedCollection[];
  retries: Doc[];
}

/** Captures catalog and retry table synchronously; cheap because it copies references only. */
export function captureCatalog(engine: Engine): CapturedState {
  const retries = [...engine.retryTable].map(([session, e]) => ({
    session,
    txnNumber: Long.fromBigInt(e.txnNumber),
    reply: e.reply,
    at: new Date(e.at),
  }));
  return { collections: captureCollections(engine.catalog), retries };
}

function captureCollections(catalog: Catalog): CapturedCollection[] {
  return catalog.allCollections().map((coll) => ({
    ns: coll.ns,
    options: coll.options,
    indexes: [...coll.indexes.values()].filter((i) => i.name !== ID_INDEX_NAME).map((i) => i.spec),
    docs: [...coll.records.values()].map((r) => r.doc),
  }));
}

/** Writes a snapshot atomically (temp + fsync + rename + directory fsync), yielding as it goes. */
export async function writeSnapshot(dir: string, state: CapturedState, journalSeq: number): Promise<void> {
  const captured = state.collections;
  const finalPath = path.join(dir, SNAPSHOT_FILE);
  const tempPath = `${finalPath}.tmp`;
  const handle = await fs.open(tempPath, 'w');
  try {
    const write = async (docs: Doc[]) => {
      await handle.write(Buffer.concat(encodeRecord(docs)));
    };
    await write([{ t: 'header', version: FORMAT_VERSION, journalSeq, createdAt: new Date() }]);
    let documents = 0;
    for (const coll of captured) {
      await write([{ t: 'coll', ns: coll.ns, options: coll.options, indexes: coll.indexes }]);
      for (let i = 0; i < coll.docs.length; i += DOCS_PER_RECORD) {
        const chunk = coll.docs.slice(i, i + DOCS_PER_RECORD);
        await write([{ t: 'docs', ns: coll.ns }, ...chunk]);
        documents += chunk.length;
      }
    }
    await write([{ t: 'retries' }, ...state.retries]);
    await write([{ t: 'end', collections: captured.length, documents }]);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(tempPath, finalPath);
  await syncDirectory(dir);
}

/** Loads `snapshot.bson` into the engine; returns its journalSeq (0 when there is none). */
export async function loadSnapshot(dir: string, engine: Engine): Promise<number> {
  const catalog = engine.catalog;
  let buf: Buffer;
  try {
    buf = await fs.readFile(path.join(dir, SNAPSHOT_FILE));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw err;
  }
  const { records, damaged } = decodeRecords(buf);
  const header = records[0]?.[0];
  const trailer = records[records.length - 1]?.[0];
  if (damaged || header?.t !== 'header' || trailer?.t !== 'end') {
    throw new Error(
      `embedded-mongo: snapshot ${path.join(dir, SNAPSHOT_FILE)} is damaged; refusing to start`,
    );
  }
  const pendingIndexes: Array<[string, IndexSpec[]]> = [];
  for (const [meta, ...docs] of records) {
    if (meta.t === 'coll') {
      const [db, name] = splitNamespace(String(meta.ns));
      catalog.create(db, name, (meta.options as Doc) ?? {});
      pendingIndexes.push([String(meta.ns), (meta.indexes as IndexSpec[]) ?? []]);
    } else if (meta.t === 'docs') {
      const [db, name] = splitNamespace(String(meta.ns));
      const coll = catalog.get(db, name)!;
      for (const doc of docs) coll.insert(doc, recordId(doc._id), 0, false, true);
    } else if (meta.t === 'retries') {
      for (const r of docs)
        engine.retryTable.set(String(r.session), {
          txnNumber: (r.txnNumber as Long).toBigInt(),
          reply: r.reply as Doc,
          at: (r.at as Date).getTime(),
        });
    }
  }
  for (const [ns, specs] of pendingIndexes) {
    const [db, name] = splitNamespace(ns);
    for (const spec of specs) catalog.get(db, name)!.addIndex(spec);
  }
  return Number(header.journalSeq);
}
