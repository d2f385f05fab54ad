/**
 * Reading dotted field paths with MongoDB's array semantics: a path step on an array descends
 * into every embedded document of it (and into the element at a numeric step), so one path
 * can yield several values. Each value remembers the index of the first array it came
 * through, which the positional `$` update operator needs.
 */
import { ownField } from '../bson/ownField';
import { bsonTypeTag, type Doc, isDocument } from '../bson/values';
import { dbRefAsDocument } from '../bson/dbRef';

export interface PathValue {
  /** The value found; `undefined` means the field is missing along this branch. */
  value: unknown;
  /** Index within the first array the branch passed through, if any. */
  arrayIndex?: number;
}

const splitCache = new Map<string, string[]>();

/** Splits "a.b.c" into its parts (cached: filters reuse the same paths constantly). */
export function splitPath(path: string): string[] {
  let parts = splitCache.get(path);
  if (!parts) {
    parts = path.split('.');
    if (splitCache.size > 10_000) splitCache.clear();
    splitCache.set(path, parts);
  }
  return parts;
}

const indexPattern = /^(0|[1-9]\d*)$/;

/** True when a path step can address an array element. */
export function isArrayIndexStep(step: string): boolean {
  return indexPattern.test(step);
}

function walk(
  value: unknown,
  parts: string[],
  i: number,
  arrayIndex: number | undefined,
  out: PathValue[],
): void {
  if (i === parts.length) {
    out.push({ value, arrayIndex });
    return;
  }
  if (Array.isArray(value)) {
    const before = out.length;
    const step = parts[i];
    if (isArrayIndexStep(step)) {
      const idx = Number(step);
      if (idx < value.length) walk(value[idx], parts, i + 1, arrayIndex ?? idx, out);
    }
    for (let j = 0; j < value.length; j++) {
      const el = value[j];
      if (isDocument(el)) walk(el, parts, i, arrayIndex ?? j, out);
      else if (bsonTypeTag(el) === 'DBRef') walk(dbRefAsDocument(el), parts, i, arrayIndex ?? j, out);
    }
    if (out.length === before) out.push({ value: undefined, arrayIndex });
    return;
  }
  if (isDocument(value)) {
    walk(ownField(value, parts[i]), parts, i + 1, arrayIndex, out);
    return;
  }
  // A DBRef is stored as {$ref, $id, $db?}; queries such as {'ref.$id': id} address its fields.
  if (bsonTypeTag(value) === 'DBRef') {
    walk(ownField(dbRefAsDocument(value), parts[i]), parts, i + 1, arrayIndex, out);
    return;
  }
  out.push({ value: undefined, arrayIndex });
}

/** Every value reachable by the path in the document (at least one entry, maybe missing). */
export function collectValues(doc: Doc, parts: string[]): PathValue[] {
  if (parts.length === 1) {
    return [{ value: ownField(doc, parts[0]) }];
  }
  const out: PathValue[] = [];
  walk(doc, parts, 0, undefined, out);
  return out;
}

/** The value at a path without array traversal (undefined when any step is not a document). */
export function getPlainPath(doc: unknown, parts: string[]): unknown {
  let current: unknown = doc;
  for (const part of parts) {
    if (Array.isArray(current) && isArrayIndexStep(part)) current = current[Number(part)];
    else if (isDocument(current)) current = ownField(current, part);
    else return undefined;
  }
  return current;
}
