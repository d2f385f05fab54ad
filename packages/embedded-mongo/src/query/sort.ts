/**
 * Sorting documents by a MongoDB sort specification. Array-valued fields sort by their smallest
 * element ascending and their largest element descending, as MongoDB does.
 */
import { type Collation } from '../bson/collation';
import { compareValues } from '../bson/compare';
import { type Doc, isDocument, Long } from '../bson/values';
import { fail } from '../errors';
import { collectValues, splitPath } from './paths';

export interface SortField {
  path: string;
  parts: string[];
  direction: 1 | -1;
  /** {$meta: 'textScore'}: by the `$text` score, highest first. */
  textScore?: boolean;
  /** {$natural: ±1}: insertion order (capped collections' order), read by queryDocuments. */
  natural?: boolean;
}

/** Validates a sort specification and returns its fields in order. */
export function parseSort(spec: unknown): SortField[] {
  if (spec === undefined || spec === null) return [];
  if (!isDocument(spec)) fail('BadValue', 'sort must be an object');
  return Object.keys(spec).map((path) => {
    const raw = spec[path];
    const n = raw instanceof Long ? raw.toNumber() : raw;
    if (path === '$natural' && (n === 1 || n === -1)) return { path, parts: [], direction: n, natural: true };
    if (isDocument(raw) && Object.keys(raw).length === 1 && raw.$meta === 'textScore')
      return { path, parts: splitPath(path), direction: -1 as const, textScore: true };
    if (isDocument(raw))
      fail('CommandNotSupported', `sort by ${JSON.stringify(raw)} is not supported by embedded-mongo`);
    if (n !== 1 && n !== -1)
      fail('BadValue', '$sort key ordering must be 1 (for ascending) or -1 (for descending)');
    return { path, parts: splitPath(path), direction: n };
  });
}

/** The value a document sorts by for one field (min element ascending, max descending). */
export function sortKeyOf(doc: Doc, field: SortField, collation?: Collation): unknown {
  let best: unknown;
  let found = false;
  const consider = (v: unknown): void => {
    if (v === undefined) v = null;
    if (!found) {
      best = v;
      found = true;
      return;
    }
    const c = compareValues(v, best, collation);
    if (field.direction === 1 ? c < 0 : c > 0) best = v;
  };
  for (const pv of collectValues(doc, field.parts)) {
    if (Array.isArray(pv.value)) {
      if (pv.value.length === 0) consider(undefined);
      for (const el of pv.value) consider(el);
    } else {
      consider(pv.value);
    }
  }
  return found ? best : null;
}

/** Sorts a copy of the items by the specification (stable for equal keys), strings by the collation. */
export function sortDocuments<T>(
  items: readonly T[],
  fields: SortField[],
  docOf: (item: T) => Doc = (item) => item as Doc,
  collation?: Collation,
  textScoreOf: (item: T) => number | undefined = () => undefined,
): T[] {
  if (fields.length === 0) return items.slice();
  const keyed = items.map((item, index) => ({
    item,
    index,
    keys: fields.map((f) => (f.textScore ? (textScoreOf(item) ?? 0) : sortKeyOf(docOf(item), f, collation))),
  }));
  keyed.sort((a, b) => {
    for (let i = 0; i < fields.length; i++) {
      const c = compareValues(a.keys[i], b.keys[i], collation);
      if (c !== 0) return c * fields[i].direction;
    }
    return a.index - b.index;
  });
  return keyed.map((k) => k.item);
}
