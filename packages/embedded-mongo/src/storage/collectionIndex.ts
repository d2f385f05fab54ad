/**
 * One index of a collection: a hash map from canonical key tuples to record ids (equality and
 * uniqueness) plus an ordered list of (key tuple, id) entries (ranges and sorted scans).
 * Missing fields index as null, array fields index every element (multikey).
 */
import { type Collation, parseCollation } from '../bson/collation';
import { compareValues } from '../bson/compare';
import { formatDoc } from '../bson/format';
import { ownField } from '../bson/ownField';
import { canonicalKey, flatKey, tupleKey } from '../bson/keys';
import { type Doc, isDocument, toNumber } from '../bson/values';
import { fail, MongoServerError } from '../errors';
import { compileFilter, type Matcher } from '../query/matcher';
import { collectValues, splitPath } from '../query/paths';
import { GeoGrid } from '../geo/geoGrid';
import { isLngLat } from '../geo/geometry';
import { type TextIndexSpec } from '../query/textSearch';
import { SortedList } from './sortedList';

export interface IndexSpec extends Doc {
  v: number;
  key: Doc;
  name: string;
}

export interface IndexField {
  path: string;
  parts: string[];
  direction: 1 | -1;
}

/**
 * An entry of an index's ordered list: the key tuple's values followed by the record id, in one
 * array of exactly that length (no wrapper object: the list holds one entry per key of every
 * record, so each wrapper would cost about 60 bytes times records times indexes).
 */
export type IndexEntry = readonly unknown[];

/** The record id an entry points to. */
export function entryId(entry: IndexEntry): string {
  return entry[entry.length - 1] as string;
}

function entryOf(values: readonly unknown[], id: string): IndexEntry {
  const entry = new Array<unknown>(values.length + 1);
  for (let i = 0; i < values.length; i++) entry[i] = values[i];
  entry[values.length] = id;
  return entry;
}

const metadataOnlyTypes = new Set(['text', '2dsphere', '2d', 'geoHaystack']);

/** The default index name for a key pattern, e.g. {a: 1, b: -1} → "a_1_b_-1". */
export function defaultIndexName(key: Doc): string {
  return Object.keys(key)
    .map((k) => {
      const v = key[k];
      return `${k}_${String(typeof v === 'object' && v !== null ? toNumber(v) : v)}`;
    })
    .join('_');
}

export class CollectionIndex {
  readonly name: string;
  readonly fields: IndexField[];
  readonly unique: boolean;
  readonly sparse: boolean;
  readonly partial: Matcher | undefined;
  /** The partialFilterExpression the planner checks queries against (see impliesPartialFilter). */
  readonly partialFilter: Doc | undefined;
  /** Text/geo indexes are accepted and listed but not maintained or used. */
  readonly metadataOnly: boolean;
  multikey = false;
  /** The index's collation: its order and key equality for strings (undefined: simple). */
  readonly collation: Collation | undefined;
  /** The grid of a 2dsphere/2d index (its other fields are not indexed). */
  readonly geo: GeoGrid | undefined;
  /** The indexed geo field. */
  readonly geoField: IndexField | undefined;
  private readonly hash = new Map<string, string | Set<string>>();
  readonly ordered: SortedList<IndexEntry>;
  /**
   * The top-level fields this index's entries depend on (its key paths' and its partial
   * filter's first steps); undefined when that cannot be told (an operator of the filter).
   */
  private readonly dependsOn: string[] | undefined;

  constructor(
    readonly spec: IndexSpec,
    private readonly ns: string,
  ) {
    this.name = spec.name;
    this.collation = parseCollation(spec.collation);
    this.unique = spec.unique === true;
    this.sparse = spec.sparse === true;
    this.metadataOnly = Object.values(spec.key).some(
      (v) => typeof v === 'string' && metadataOnlyTypes.has(v),
    );
    this.partialFilter = isDocument(spec.partialFilterExpression) ? spec.partialFilterExpression : undefined;
    this.partial = this.partialFilter ? compileFilter(this.partialFilter) : undefined;
    this.fields = Object.keys(spec.key).map((path) => {
      const raw = spec.key[path];
      return { path, parts: splitPath(path), direction: typeof raw === 'number' && raw < 0 ? -1 : 1 };
    });
    this.ordered = new SortedList<IndexEntry>((a, b) => this.compareEntries(a, b));
    this.dependsOn = topLevelFields(this.fields, this.partialFilter);
    const geoPath = Object.keys(spec.key).find((k) => spec.key[k] === '2dsphere' || spec.key[k] === '2d');
    if (geoPath !== undefined) {
      const kind = spec.key[geoPath] as '2d' | '2dsphere';
      const min = toNumber(spec.min) ?? -180;
      const max = toNumber(spec.max) ?? 180;
      this.geo = new GeoGrid(kind, { min, max });
      this.geoField = this.fields.find((f) => f.path === geoPath);
    }
  }

  /** The location(s) a document holds at the geo field (undefined when it has none). */
  geoValue(doc: Doc): unknown {
    const values = collectValues(doc, this.geoField!.parts)
      .map((pv) => pv.value)
      .filter((v) => v !== undefined && v !== null);
    return values.length <= 1 ? values[0] : values;
  }

  /** Refuses a document whose geo field holds something the index cannot extract, as mongod does. */
  private checkGeo(doc: Doc): void {
    const value = this.geoValue(doc);
    if (value === undefined) return;
    const { points, other } = GeoGrid.locationsOf(value);
    const sphere = this.geo!.kind === '2dsphere';
    const ok =
      (points.length > 0 || (sphere && other !== undefined && other.length > 0)) &&
      (!sphere || [...points, ...(other ?? [])].every(isLngLat));
    if (!ok)
      fail(
        sphere ? 'Location16755' : 'Location16804',
        sphere
          ? `Can't extract geo keys: ${formatDoc({ _id: doc._id, [this.geoField!.path]: value })}  invalid GeoJSON or longitude/latitude is out of bounds`
          : `geo values must be 'legacy coordinate pairs' for 2d indexes`,
      );
  }

  /** The fields, weights and languages a text index searches (undefined for other indexes). */
  get text(): TextIndexSpec | undefined {
    if (this.spec.key._fts !== 'text') return undefined;
    const weights: Record<string, number> = {};
    for (const [path, w] of Object.entries(isDocument(this.spec.weights) ? this.spec.weights : {}))
      weights[path] = toNumber(w) ?? 1;
    return {
      weights,
      defaultLanguage: String(this.spec.default_language ?? 'english'),
      languageOverride: String(this.spec.language_override ?? 'language'),
    };
  }

  /** Usable by any query (a partial index only by queries implying its filter: see the planner). */
  get usableForQueries(): boolean {
    return !this.metadataOnly && this.partial === undefined;
  }

  private compareEntries(a: IndexEntry, b: IndexEntry): number {
    for (let i = 0; i < this.fields.length; i++) {
      const c = compareValues(a[i], b[i], this.collation);
      if (c !== 0) return c * this.fields[i].direction;
    }
    const idA = entryId(a);
    const idB = entryId(b);
    return idA < idB ? -1 : idA > idB ? 1 : 0;
  }

  /**
   * Admits a document to this index: throws when the index cannot hold it (parallel arrays, a bad
   * geo value), marks the index multikey once an array is indexed, and returns the key tuples
   * the document contributes (undefined when the index skips it). Not a pure read: call it for a
   * document about to be written, or to check that one could be.
   */
  admit(doc: Doc): unknown[][] | undefined {
    if (this.metadataOnly) {
      if (this.geo) this.checkGeo(doc);
      return undefined;
    }
    if (this.partial && !this.partial(doc)) return undefined;
    let allMissing = true;
    let arrayFields = 0;
    const perField = this.fields.map((field) => {
      const values: unknown[] = [];
      let fromArray = false;
      for (const pv of collectValues(doc, field.parts)) {
        if (pv.arrayIndex !== undefined) fromArray = true;
        if (pv.value !== undefined) allMissing = false;
        if (Array.isArray(pv.value)) {
          fromArray = true;
          if (pv.value.length === 0) values.push([]);
          else values.push(...pv.value);
        } else {
          values.push(pv.value === undefined ? null : pv.value);
        }
      }
      if (fromArray) arrayFields++;
      return dedupe(values, this.collation);
    });
    if (this.sparse && allMissing) return undefined;
    if (arrayFields > 0) {
      if (arrayFields > 1)
        fail(
          'CannotIndexParallelArrays',
          `cannot index parallel arrays [${this.fields.map((f) => f.path).join('] [')}]`,
        );
      this.multikey = true;
    }
    return cartesian(perField);
  }

  /** The hash key of a key tuple under this index's collation (equal keys = same entry). */
  keyOf(values: readonly unknown[]): string {
    return tupleKey(values, this.collation);
  }

  /** Throws DuplicateKey if the document's keys are already taken by another record. */
  checkUnique(doc: Doc, id: string, keys = this.admit(doc)): void {
    if (!this.unique || !keys) return;
    for (const values of keys) {
      const owner = this.hash.get(this.keyOf(values));
      if (owner === undefined) continue;
      const other = typeof owner === 'string' ? owner : [...owner].find((o) => o !== id);
      if (other !== undefined && other !== id) throw this.duplicateError(values);
    }
  }

  /** The E11000 error for a key tuple, with keyPattern and keyValue as mongod reports them. */
  duplicateError(values: unknown[]): MongoServerError {
    const keyValue: Doc = {};
    this.fields.forEach((f, i) => {
      keyValue[f.path] = values[i];
    });
    return new MongoServerError(
      'DuplicateKey',
      `E11000 duplicate key error collection: ${this.ns} index: ${this.name} dup key: ${formatDoc(keyValue)}`,
      { keyPattern: { ...this.spec.key }, keyValue },
    );
  }

  /** The record id holding a key tuple in a unique index, if any. */
  ownerOf(values: unknown[]): string | undefined {
    const owner = this.hash.get(this.keyOf(values));
    if (owner === undefined) return undefined;
    return typeof owner === 'string' ? owner : owner.values().next().value;
  }

  add(doc: Doc, id: string, keys = this.admit(doc)): void {
    if (!keys) return;
    for (const values of keys) {
      const k = this.keyOf(values);
      const existing = this.hash.get(k);
      // The _id index's key is the record id itself: one string, not two.
      if (existing === undefined) this.hash.set(k === id ? id : flatKey(k), id);
      else if (typeof existing === 'string') {
        if (existing !== id) this.hash.set(k, new Set([existing, id]));
      } else existing.add(id);
      this.ordered.insert(entryOf(values, id));
    }
  }

  /**
   * True when two versions of a document hold the very same values (by identity) in every
   * top-level field the index depends on, so their entries are the same. Stored documents are
   * never changed in place and an update shares the fields it did not write, so this settles
   * most updates without computing any key.
   */
  sameEntries(before: Doc, after: Doc): boolean {
    const fields = this.dependsOn;
    if (fields === undefined) return false;
    for (let i = 0; i < fields.length; i++)
      if (ownField(before, fields[i]) !== ownField(after, fields[i])) return false;
    return true;
  }

  /**
   * Re-indexes a record whose document changed from `before` to a document with key tuples
   * `after`; when the tuples are the same (the update touched no indexed field) nothing moves.
   */
  update(before: Doc, id: string, after: unknown[][] | undefined): void {
    const old = this.keysForRemoval(before);
    if (old && after && old.length === after.length && old.every((v, i) => this.sameTuple(v, after[i])))
      return;
    this.removeKeys(old, id);
    if (after) this.add({}, id, after);
  }

  /**
   * Whether two key tuples are the same entry. An update copies the document but keeps its
   * unchanged primitives and bson instances (ObjectId, Long…), so identical components settle
   * most tuples without building their hash keys.
   */
  private sameTuple(a: readonly unknown[], b: readonly unknown[]): boolean {
    if (a.length === b.length && a.every((v, i) => v === b[i])) return true;
    return this.keyOf(a) === this.keyOf(b);
  }

  remove(doc: Doc, id: string): void {
    this.removeKeys(this.keysForRemoval(doc), id);
  }

  private removeKeys(keys: unknown[][] | undefined, id: string): void {
    if (!keys) return;
    for (const values of keys) {
      const k = this.keyOf(values);
      const existing = this.hash.get(k);
      if (existing === id) this.hash.delete(k);
      else if (existing instanceof Set) {
        existing.delete(id);
        if (existing.size === 1) this.hash.set(k, existing.values().next().value as string);
      }
      this.ordered.remove(entryOf(values, id));
    }
  }

  private keysForRemoval(doc: Doc): unknown[][] | undefined {
    try {
      return this.admit(doc);
    } catch {
      return undefined;
    }
  }

  /** Record ids whose full key tuple equals `values`. */
  lookup(values: unknown[]): string[] {
    const owner = this.hash.get(this.keyOf(values));
    if (owner === undefined) return [];
    return typeof owner === 'string' ? [owner] : [...owner];
  }

  /** Number of records with this exact key tuple (cheap, for the planner). */
  countEqual(values: unknown[]): number {
    const owner = this.hash.get(this.keyOf(values));
    return owner === undefined ? 0 : typeof owner === 'string' ? 1 : owner.size;
  }

  clear(): void {
    this.hash.clear();
    this.ordered.clear();
    this.geo?.clear();
  }
}

function topLevelFields(fields: IndexField[], partialFilter: Doc | undefined): string[] | undefined {
  const out = new Set(fields.map((f) => f.parts[0]));
  const visit = (filter: Doc): boolean => {
    for (const key of Object.keys(filter)) {
      if (!key.startsWith('$')) {
        out.add(splitPath(key)[0]);
        continue;
      }
      const clauses = filter[key];
      if ((key !== '$and' && key !== '$or' && key !== '$nor') || !Array.isArray(clauses)) return false;
      for (const clause of clauses) if (!isDocument(clause) || !visit(clause)) return false;
    }
    return true;
  };
  if (partialFilter && !visit(partialFilter)) return undefined;
  return [...out];
}

function dedupe(values: unknown[], collation: Collation | undefined): unknown[] {
  if (values.length <= 1) return values;
  const seen = new Set<string>();
  return values.filter((v) => {
    const k = canonicalKey(v, collation);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function cartesian(lists: unknown[][]): unknown[][] {
  let out: unknown[][] = [[]];
  for (const list of lists) {
    const next: unknown[][] = [];
    for (const prefix of out) for (const v of list) next.push([...prefix, v]);
    out = next;
  }
  return out;
}
