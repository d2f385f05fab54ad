/**
 * Classifying deserialized BSON values. Documents are deserialized with promoted Int32/Double
 * (plain JS numbers), Longs kept as `Long`, regexes kept as `BSONRegExp`, so every value falls
 * in exactly one of the classes below.
 */
import { BSONRegExp, Binary, Decimal128, Long, ObjectId, Timestamp } from 'bson';
import { setOwnField } from './ownField';

export type Doc = Record<string, unknown>;

/** The `_bsontype` tag of a bson class instance, or undefined for plain JS values. */
export function bsonTypeTag(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const tag = (value as { _bsontype?: unknown })._bsontype;
  return typeof tag === 'string' ? tag : undefined;
}

/** True for a plain embedded document (not an array, Date or bson class instance). */
export function isDocument(value: unknown): value is Doc {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value) || value instanceof Date || value instanceof Uint8Array) return false;
  return bsonTypeTag(value) === undefined;
}

/** True for any numeric BSON value: int, double, long or decimal. */
export function isNumeric(value: unknown): boolean {
  if (typeof value === 'number') return true;
  const tag = bsonTypeTag(value);
  return tag === 'Long' || tag === 'Decimal128' || tag === 'Int32' || tag === 'Double';
}

/**
 * MongoDB's canonical type order used for sorting and comparisons:
 * MinKey < null < numbers < strings < objects < arrays < binData < ObjectId < bool < Date
 * < Timestamp < RegExp < MaxKey.
 */
export function typeRank(value: unknown): number {
  if (value === undefined || value === null) return 2;
  switch (typeof value) {
    case 'number':
    case 'bigint':
      return 3;
    case 'string':
      return 4;
    case 'boolean':
      return 9;
    case 'object':
      break;
    default:
      return 14;
  }
  if (Array.isArray(value)) return 6;
  if (value instanceof Date) return 10;
  if (value instanceof Uint8Array) return 7;
  switch (bsonTypeTag(value)) {
    case undefined:
      return 5;
    case 'MinKey':
      return 1;
    case 'Long':
    case 'Decimal128':
    case 'Int32':
    case 'Double':
      return 3;
    case 'BSONSymbol':
      return 4;
    case 'Binary':
      return 7;
    case 'ObjectId':
      return 8;
    case 'Timestamp':
      return 11;
    case 'BSONRegExp':
      return 12;
    case 'MaxKey':
      return 15;
    default:
      return 13;
  }
}

/** MongoDB's `$type` alias for a value ("double", "string", "objectId", ...). */
export function bsonTypeName(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (typeof value === 'number')
    return Number.isInteger(value) && Math.abs(value) <= 0x7fffffff ? 'int' : 'double';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  switch (bsonTypeTag(value)) {
    case undefined:
      return 'object';
    case 'ObjectId':
      return 'objectId';
    case 'Long':
      return 'long';
    case 'Decimal128':
      return 'decimal';
    case 'Int32':
      return 'int';
    case 'Double':
      return 'double';
    case 'Binary':
      return 'binData';
    case 'Timestamp':
      return 'timestamp';
    case 'BSONRegExp':
      return 'regex';
    case 'MinKey':
      return 'minKey';
    case 'MaxKey':
      return 'maxKey';
    case 'Code':
      return 'javascript';
    case 'BSONSymbol':
      return 'symbol';
    case 'DBRef':
      return 'object';
    default:
      return 'object';
  }
}

const typeNumbers: Record<string, number> = {
  double: 1,
  string: 2,
  object: 3,
  array: 4,
  binData: 5,
  undefined: 6,
  objectId: 7,
  bool: 8,
  date: 9,
  null: 10,
  regex: 11,
  dbPointer: 12,
  javascript: 13,
  symbol: 14,
  int: 16,
  timestamp: 17,
  long: 18,
  decimal: 19,
  minKey: -1,
  maxKey: 127,
};

/** The alias for a numeric `$type` code, or undefined when the code is unknown. */
export function typeAliasForNumber(code: number): string | undefined {
  return Object.keys(typeNumbers).find((name) => typeNumbers[name] === code);
}

/** True when `name` is a `$type` alias MongoDB accepts. */
export function isKnownTypeAlias(name: string): boolean {
  return name === 'number' || name in typeNumbers;
}

/** A deep copy that keeps bson class instances (they are immutable) and copies containers. */
export function deepClone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => deepClone(v)) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (bsonTypeTag(value) !== undefined) return value;
  const out: Doc = {};
  for (const key of Object.keys(value as Doc)) setOwnField(out, key, deepClone((value as Doc)[key]));
  return out as T;
}

/** Reads a command's numeric argument that may arrive as int, double or Long. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (value instanceof Long) return value.toNumber();
  if (value instanceof Decimal128) return Number(value.toString());
  const tag = bsonTypeTag(value);
  if (tag === 'Int32' || tag === 'Double') return (value as { value: number }).value;
  return undefined;
}

export { BSONRegExp, Binary, Decimal128, Long, ObjectId, Timestamp };
