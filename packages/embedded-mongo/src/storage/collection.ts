/**
 * A collection's committed state: records by canonical _id key, its indexes, and the older
 * versions that open transactions may still need to read (multi-version history, kept only
 * while some transaction is open).
 */
import { canonicalKey, flatKey } from '../bson/keys';
import { type Doc } from '../bson/values';
import { fail } from '../errors';
import { type TextIndexSpec } from '../query/textSearch';
import { CollectionIndex, type IndexSpec } from './collectionIndex';

export interface RecordVersion {
  doc: Doc;
  /** Logical time of the write that produced this version. */
  ts: number;
}

export interface HistoricVersion {
  doc: Doc | null;
  from: number;
  until: number;
}

export const ID_INDEX_NAME = '_id_';

/** The canonical record id of a document's _id. */
export function recordId(id: unknown): string {
  return canonicalKey(id);
}

export class Collection {
  readonly records = new Map<string, RecordVersion>();
  readonly indexes = new Map<string, CollectionIndex>();
  readonly history = new Map<string, HistoricVersion[]>();
  /** Logical time of the last committed write, for cheap "changed since" checks. */
  lastWriteTs = 0;
  /** Documents the reader has tested against a filter (like mongod's docsExamined): scan vs index. */
  docsExamined = 0;

  constructor(
    readonly db: string,
    readonly name: string,
    public options: Doc = {},
  ) {
    // The _id index takes the collection's default collation, as in mongod.
    const idSpec: IndexSpec = { v: 2, key: { _id: 1 }, name: ID_INDEX_NAME };
    if (options.collation) idSpec.collation = options.collation;
    this.indexes.set(ID_INDEX_NAME, new CollectionIndex(idSpec, this.ns));
  }

  get ns(): string {
    return `${this.db}.${this.name}`;
  }

  /** The collection's text index (mongod allows one), which `$text` searches. */
  get textIndex(): TextIndexSpec | undefined {
    for (const index of this.indexes.values()) if (index.text) return index.text;
    return undefined;
  }

  get size(): number {
    return this.records.size;
  }

  get(id: string): Doc | undefined {
    return this.records.get(id)?.doc;
  }

  /** The version of a record visible to a snapshot taken at logical time `ts`. */
  getAt(id: string, ts: number): Doc | undefined {
    const current = this.records.get(id);
    if (current && current.ts <= ts) return current.doc;
    const versions = this.history.get(id);
    if (versions) {
      for (const v of versions) if (v.from <= ts && ts < v.until) return v.doc ?? undefined;
    }
    return undefined;
  }

  /** True when the record was written (inserted, updated or deleted) after `ts`. */
  changedSince(id: string, ts: number): boolean {
    const current = this.records.get(id);
    if (current && current.ts > ts) return true;
    return this.history.get(id)?.some((v) => v.until > ts) ?? false;
  }

  private remember(id: string, ts: number): void {
    const current = this.records.get(id);
    const version: HistoricVersion = { doc: current?.doc ?? null, from: current?.ts ?? 0, until: ts };
    const list = this.history.get(id);
    if (list) list.push(version);
    else this.history.set(id, [version]);
  }

  /** Checks every unique index for the document (as record `id`) without changing anything. */
  checkUnique(doc: Doc, id: string): void {
    for (const index of this.indexes.values()) index.checkUnique(doc, id);
  }

  /** Inserts a record; `trusted` skips unique checks (recovery, pre-validated commits). */
  insert(doc: Doc, inserted: string, ts: number, keepHistory: boolean, trusted = false): void {
    // Kept by the record map and by every index entry of the record, so stored flat once.
    const id = flatKey(inserted);
    if (!trusted && this.records.has(id)) throw this.indexes.get(ID_INDEX_NAME)!.duplicateError([doc._id]);
    const keys = [...this.indexes.values()].map((index) => index.admit(doc));
    let i = 0;
    if (!trusted) for (const index of this.indexes.values()) index.checkUnique(doc, id, keys[i++]);
    if (keepHistory) this.remember(id, ts);
    i = 0;
    for (const index of this.indexes.values()) {
      index.add(doc, id, keys[i++]);
      if (index.geo) index.geo.add(id, index.geoValue(doc));
    }
    this.records.set(id, { doc, ts });
    this.lastWriteTs = ts;
  }

  /** Replaces a record's document; `trusted` skips unique checks. */
  replace(id: string, doc: Doc, ts: number, keepHistory: boolean, trusted = false): void {
    const current = this.records.get(id);
    if (!current) fail('InternalError', `record ${id} vanished during update`);
    // Indexes whose fields the update left as they were keep their entries (and their keys
    // stay this record's, so uniqueness holds); only the others are checked and re-indexed.
    const moved = [...this.indexes.values()].filter((index) => !index.sameEntries(current.doc, doc));
    const keys = moved.map((index) => index.admit(doc));
    if (!trusted) moved.forEach((index, i) => index.checkUnique(doc, id, keys[i]));
    if (keepHistory) this.remember(id, ts);
    moved.forEach((index, i) => {
      index.update(current.doc, id, keys[i]);
      if (index.geo) {
        index.geo.remove(id);
        index.geo.add(id, index.geoValue(doc));
      }
    });
    this.records.set(id, { doc, ts });
    this.lastWriteTs = ts;
  }

  remove(id: string, ts: number, keepHistory: boolean): void {
    const current = this.records.get(id);
    if (!current) return;
    if (keepHistory) this.remember(id, ts);
    for (const index of this.indexes.values()) {
      index.remove(current.doc, id);
      index.geo?.remove(id);
    }
    this.records.delete(id);
    this.lastWriteTs = ts;
  }

  /** Builds a new index over the existing records; fails without side effects on duplicates. */
  addIndex(spec: IndexSpec): CollectionIndex {
    const index = new CollectionIndex(spec, this.ns);
    try {
      for (const [id, rec] of this.records) {
        const keys = index.admit(rec.doc);
        index.checkUnique(rec.doc, id, keys);
        index.add(rec.doc, id, keys);
        if (index.geo) index.geo.add(id, index.geoValue(rec.doc));
      }
    } catch (err) {
      index.clear();
      throw err;
    }
    this.indexes.set(spec.name, index);
    return index;
  }

  dropIndex(name: string): void {
    this.indexes.delete(name);
  }

  /** Forgets history no snapshot at or after `oldestSnapshot` can need (all of it if none). */
  pruneHistory(oldestSnapshot: number | undefined): void {
    if (oldestSnapshot === undefined) {
      this.history.clear();
      return;
    }
    for (const [id, versions] of this.history) {
      const kept = versions.filter((v) => v.until > oldestSnapshot);
      if (kept.length === 0) this.history.delete(id);
      else if (kept.length !== versions.length) this.history.set(id, kept);
    }
  }

  /** Removes every record (used by drop); indexes are emptied but kept. */
  clear(): void {
    this.records.clear();
    this.history.clear();
    for (const index of this.indexes.values()) index.clear();
  }
}
