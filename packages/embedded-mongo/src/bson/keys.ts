/**
 * Canonical string keys for BSON values: two values get the same key exactly when MongoDB
 * considers them equal (1, 1.0, Long(1) and Decimal128("1.0") all map to "n1"). Used for the
 * hash side of indexes and for the _id map.
 */
import { type Collation } from './collation';
import { canonicalNumber } from './numbers';
import { type Binary, type BSONRegExp, bsonTypeTag, type Doc, type ObjectId, type Timestamp } from './values';

/**
 * The canonical hash key of a value; `undefined` (missing) keys like null. Under a collation,
 * strings key by the collation's key, so strings it finds equal share one key.
 */
export function canonicalKey(value: unknown, collation?: Collation): string {
  switch (typeof value) {
    case 'string':
      return collation ? `s${collation.key(value)}` : `s${value}`;
    case 'number':
      return `n${canonicalNumber(value)}`;
    case 'boolean':
      return value ? 'bt' : 'bf';
    case 'undefined':
      return 'z';
    case 'object':
      break;
    default:
      return `x${String(value)}`;
  }
  if (value === null) return 'z';
  if (Array.isArray(value)) return `a${JSON.stringify(value.map((v) => canonicalKey(v, collation)))}`;
  if (value instanceof Date) return `d${value.getTime()}`;
  switch (bsonTypeTag(value)) {
    case undefined: {
      const doc = value as Doc;
      return `o${JSON.stringify(Object.keys(doc).flatMap((k) => [k, canonicalKey(doc[k], collation)]))}`;
    }
    case 'ObjectId':
      return `i${(value as ObjectId).toHexString()}`;
    case 'Long':
    case 'Decimal128':
    case 'Int32':
    case 'Double':
      return `n${canonicalNumber(value)}`;
    case 'Binary': {
      const bin = value as Binary;
      return `B${bin.sub_type}:${Buffer.from(bin.buffer.subarray(0, bin.position)).toString('base64')}`;
    }
    case 'Timestamp':
      return `T${(value as Timestamp).toString()}`;
    case 'BSONRegExp':
      return `r${JSON.stringify([(value as BSONRegExp).pattern, (value as BSONRegExp).options])}`;
    case 'MinKey':
      return '<';
    case 'MaxKey':
      return '>';
    case 'BSONSymbol':
      return `s${String(value)}`;
    default:
      return `c${JSON.stringify(value)}`;
  }
}

/** The canonical key of an index key tuple (compound keys). */
export function tupleKey(values: readonly unknown[], collation?: Collation): string {
  if (values.length === 1) return canonicalKey(values[0], collation);
  let out = '';
  for (const v of values) {
    const k = canonicalKey(v, collation);
    out += `${k.length}:${k}`;
  }
  return out;
}

/**
 * The same string, stored flat. V8 makes a concatenation of 13 or more characters a rope (a
 * tree of its pieces, about 32 bytes a node), and keys of 13 or more characters are most of them
 * (an ObjectId's is 25, a compound key's longer); an index holds its keys as long as its
 * records live, and at 20,000 workers the database's ropes were 44 MB. Joining copies the
 * characters into one string; only keys about to be stored pay for it, never probes.
 */
export function flatKey(key: string): string {
  return key.length < 13 ? key : [key.slice(0, 1), key.slice(1)].join('');
}
