/**
 * Renders values the way mongod prints them in error messages, e.g. the dup key part of
 * `E11000 duplicate key error ... dup key: { email: "a@b.c" }`.
 */
import {
  type Binary,
  bsonTypeTag,
  type Decimal128,
  type Doc,
  type Long,
  type ObjectId,
  type Timestamp,
} from './values';

/** mongod's shell-like rendering of a value inside error messages. */
export function formatValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[ ${value.map(formatValue).join(', ')} ]`;
  if (value instanceof Date) return `new Date(${value.getTime()})`;
  switch (bsonTypeTag(value)) {
    case undefined:
      return formatDoc(value as Doc);
    case 'ObjectId':
      return `ObjectId('${(value as ObjectId).toHexString()}')`;
    case 'Long':
      return (value as Long).toString();
    case 'Decimal128':
      return `${(value as Decimal128).toString()}`;
    case 'Binary':
      return `BinData(${(value as Binary).sub_type}, ${Buffer.from((value as Binary).buffer)
        .toString('hex')
        .toUpperCase()})`;
    case 'Timestamp':
      return `Timestamp(${(value as Timestamp).t}, ${(value as Timestamp).i})`;
    default:
      return String(value);
  }
}

/** Renders a document as `{ a: 1, b: "x" }`. */
export function formatDoc(doc: Doc): string {
  const keys = Object.keys(doc);
  if (keys.length === 0) return '{}';
  return `{ ${keys.map((k) => `${k}: ${formatValue(doc[k])}`).join(', ')} }`;
}
