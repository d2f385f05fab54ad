/**
 * MongoDB's total order over BSON values: first by canonical type (see typeRank), then within
 * the type. Numbers of all four numeric types compare by value.
 */
import { type Collation } from './collation';
import { compareNumbers } from './numbers';
import { Binary, type BSONRegExp, type Doc, ObjectId, type Timestamp, typeRank } from './values';

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length - b.length < 0 ? -1 : a.length > b.length ? 1 : 0;
}

function compareDocs(a: Doc, b: Doc, collation?: Collation): number {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const n = Math.min(ka.length, kb.length);
  for (let i = 0; i < n; i++) {
    const va = a[ka[i]];
    const vb = b[kb[i]];
    const byType = typeRank(va) - typeRank(vb);
    if (byType !== 0) return byType < 0 ? -1 : 1;
    const byName = compareStrings(ka[i], kb[i]);
    if (byName !== 0) return byName;
    const byValue = compareValues(va, vb, collation);
    if (byValue !== 0) return byValue;
  }
  return ka.length === kb.length ? 0 : ka.length < kb.length ? -1 : 1;
}

function compareArrays(a: unknown[], b: unknown[], collation?: Collation): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareValues(a[i], b[i], collation);
    if (c !== 0) return c;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

function compareBinary(a: Binary, b: Binary): number {
  if (a.position !== b.position) return a.position < b.position ? -1 : 1;
  if (a.sub_type !== b.sub_type) return a.sub_type < b.sub_type ? -1 : 1;
  return compareBytes(a.buffer.subarray(0, a.position), b.buffer.subarray(0, b.position));
}

function compareSameRank(rank: number, a: unknown, b: unknown, collation?: Collation): number {
  switch (rank) {
    case 1:
    case 2:
    case 15:
      return 0;
    case 3:
      return compareNumbers(a, b);
    case 4:
      return collation ? collation.compare(String(a), String(b)) : compareStrings(String(a), String(b));
    // The same container is equal to itself: an update's new version shares what it did not touch.
    case 5:
      return a === b ? 0 : compareDocs(a as Doc, b as Doc, collation);
    case 6:
      return a === b ? 0 : compareArrays(a as unknown[], b as unknown[], collation);
    case 7:
      if (a instanceof Binary && b instanceof Binary) return compareBinary(a, b);
      return compareBytes(toBytes(a), toBytes(b));
    case 8:
      return compareBytes((a as ObjectId).id, (b as ObjectId).id);
    case 9:
      return a === b ? 0 : a ? 1 : -1;
    case 10:
      return Math.sign((a as Date).getTime() - (b as Date).getTime());
    case 11:
      return (a as Timestamp).compare(b as Timestamp);
    case 12: {
      const ra = a as BSONRegExp;
      const rb = b as BSONRegExp;
      return compareStrings(ra.pattern, rb.pattern) || compareStrings(ra.options, rb.options);
    }
    default:
      return compareStrings(String(a), String(b));
  }
}

function toBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (value instanceof Binary) return value.buffer.subarray(0, value.position);
  return new Uint8Array();
}

/**
 * Compares two BSON values in MongoDB's order; returns -1, 0 or 1. Strings (also inside
 * documents and arrays, never field names) compare by the collation when one is given.
 */
export function compareValues(a: unknown, b: unknown, collation?: Collation): number {
  if (typeof a === 'number' && typeof b === 'number') return compareNumbers(a, b);
  if (typeof a === 'string' && typeof b === 'string')
    return collation ? collation.compare(a, b) : compareStrings(a, b);
  // Ids and dates are most of what index entries hold: skip the two type-rank lookups.
  if (a instanceof ObjectId && b instanceof ObjectId) return compareBytes(a.id, b.id);
  if (a instanceof Date && b instanceof Date) return Math.sign(a.getTime() - b.getTime());
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  return compareSameRank(ra, a, b, collation);
}

/** MongoDB equality: same canonical type and same value (1 equals 1.0 equals Long(1)). */
export function valuesEqual(a: unknown, b: unknown, collation?: Collation): boolean {
  if (a === b) return true;
  return compareValues(a, b, collation) === 0;
}

/** True when the two values are comparable by $gt/$lt (same type bracket, or Min/MaxKey). */
export function sameTypeBracket(a: unknown, b: unknown): boolean {
  const ra = typeRank(a);
  const rb = typeRank(b);
  return ra === rb || ra === 1 || rb === 1 || ra === 15 || rb === 15;
}
