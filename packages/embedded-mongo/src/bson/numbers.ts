/**
 * Exact numeric comparison and arithmetic across JS numbers (int32/double), Long and Decimal128.
 * Mixed comparisons go through a decimal representation {sign, coefficient, exponent} so a Long
 * beyond 2^53 or a Decimal128 compares exactly against other numbers.
 */
import { Decimal128, Long } from 'bson';
import { bsonTypeTag } from './values';

interface Finite {
  kind: 'finite';
  coefficient: bigint; // signed
  exponent: number;
}
type DecimalValue = Finite | { kind: 'nan' } | { kind: 'inf'; negative: boolean };

const decimalPattern = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** Parses a decimal string ("1.5", "-2E+3", "NaN", "Infinity") into an exact value. */
function parseDecimal(text: string): DecimalValue {
  if (text === 'NaN' || text === '-NaN') return { kind: 'nan' };
  if (text === 'Infinity' || text === '+Infinity') return { kind: 'inf', negative: false };
  if (text === '-Infinity') return { kind: 'inf', negative: true };
  const m = decimalPattern.exec(text);
  if (!m) return { kind: 'nan' };
  const fraction = m[3] ?? '';
  const digits = `${m[2] || '0'}${fraction}`;
  const coefficient = BigInt(digits) * (m[1] === '-' ? -1n : 1n);
  return { kind: 'finite', coefficient, exponent: Number(m[4] ?? 0) - fraction.length };
}

/** The exact decimal value of any numeric bson value. */
export function toDecimalValue(value: unknown): DecimalValue {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return { kind: 'nan' };
    if (!Number.isFinite(value)) return { kind: 'inf', negative: value < 0 };
    if (Number.isInteger(value)) return { kind: 'finite', coefficient: BigInt(value), exponent: 0 };
    return parseDecimal(String(value));
  }
  if (value instanceof Long) return { kind: 'finite', coefficient: value.toBigInt(), exponent: 0 };
  if (value instanceof Decimal128) return parseDecimal(value.toString());
  const tag = bsonTypeTag(value);
  if (tag === 'Int32' || tag === 'Double') return toDecimalValue((value as { value: number }).value);
  return { kind: 'nan' };
}

function compareFinite(a: Finite, b: Finite): number {
  let ca = a.coefficient;
  let cb = b.coefficient;
  if (a.exponent > b.exponent) ca *= 10n ** BigInt(a.exponent - b.exponent);
  else if (b.exponent > a.exponent) cb *= 10n ** BigInt(b.exponent - a.exponent);
  return ca < cb ? -1 : ca > cb ? 1 : 0;
}

function rankSpecial(v: DecimalValue): number {
  if (v.kind === 'nan') return 0;
  if (v.kind === 'inf') return v.negative ? 1 : 3;
  return 2;
}

/** Compares two numeric bson values exactly; NaN sorts below every other number and equals NaN. */
export function compareNumbers(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') {
    if (a < b) return -1;
    if (a > b) return 1;
    if (a === b) return 0;
    const an = Number.isNaN(a);
    const bn = Number.isNaN(b);
    return an && bn ? 0 : an ? -1 : 1;
  }
  if (a instanceof Long && b instanceof Long) return a.compare(b);
  const da = toDecimalValue(a);
  const db = toDecimalValue(b);
  const ra = rankSpecial(da);
  const rb = rankSpecial(db);
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (da.kind === 'finite' && db.kind === 'finite') return compareFinite(da, db);
  return 0;
}

/** A canonical string for a number so equal values of different types hash alike. */
export function canonicalNumber(value: unknown): string {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value === 0 ? '0' : String(value);
  const d = toDecimalValue(value);
  if (d.kind === 'nan') return 'NaN';
  if (d.kind === 'inf') return d.negative ? '-Inf' : 'Inf';
  let { coefficient, exponent } = d;
  if (coefficient === 0n) return '0';
  if (exponent >= 0) return (coefficient * 10n ** BigInt(exponent)).toString();
  while (exponent < 0 && coefficient % 10n === 0n) {
    coefficient /= 10n;
    exponent += 1;
  }
  return exponent === 0 ? coefficient.toString() : `${coefficient}e${exponent}`;
}

const INT32_MAX = 0x7fffffff;
const INT32_MIN = -0x80000000;

function isIntegral(value: unknown): boolean {
  return (typeof value === 'number' && Number.isInteger(value)) || value instanceof Long;
}

/**
 * MongoDB-style arithmetic for $inc/$mul/$sum: Decimal128 if either side is decimal, double if
 * either side is a non-integral double, Long when the result leaves int32 range or a side is Long.
 */
export function arithmetic(a: unknown, b: unknown, op: 'add' | 'multiply'): unknown {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = op === 'add' ? a + b : a * b;
    if (!Number.isInteger(a) || !Number.isInteger(b) || !isInt32(a) || !isInt32(b)) return r;
    if (r >= INT32_MIN && r <= INT32_MAX) return r;
    if (Number.isSafeInteger(r)) return Long.fromNumber(r);
  }
  if (a instanceof Decimal128 || b instanceof Decimal128) {
    const da = toDecimalValue(a);
    const db = toDecimalValue(b);
    if (da.kind !== 'finite' || db.kind !== 'finite') {
      return Decimal128.fromString(
        String(op === 'add' ? toJsNumber(a) + toJsNumber(b) : toJsNumber(a) * toJsNumber(b)),
      );
    }
    if (op === 'multiply') {
      return decimalFromParts(da.coefficient * db.coefficient, da.exponent + db.exponent);
    }
    const exp = Math.min(da.exponent, db.exponent);
    const ca = da.coefficient * 10n ** BigInt(da.exponent - exp);
    const cb = db.coefficient * 10n ** BigInt(db.exponent - exp);
    return decimalFromParts(ca + cb, exp);
  }
  if (
    isIntegral(a) &&
    isIntegral(b) &&
    (a instanceof Long || b instanceof Long || (isInt32(a) && isInt32(b)))
  ) {
    const ba = a instanceof Long ? a.toBigInt() : BigInt(a as number);
    const bb = b instanceof Long ? b.toBigInt() : BigInt(b as number);
    const result = op === 'add' ? ba + bb : ba * bb;
    const anyLong = a instanceof Long || b instanceof Long;
    if (!anyLong && result >= BigInt(INT32_MIN) && result <= BigInt(INT32_MAX)) return Number(result);
    return Long.fromBigInt(BigInt.asIntN(64, result));
  }
  const x = toJsNumber(a);
  const y = toJsNumber(b);
  return op === 'add' ? x + y : x * y;
}

function isInt32(value: unknown): boolean {
  return typeof value === 'number' && value >= INT32_MIN && value <= INT32_MAX;
}

function decimalFromParts(coefficient: bigint, exponent: number): Decimal128 {
  const negative = coefficient < 0n;
  const digits = (negative ? -coefficient : coefficient).toString();
  return Decimal128.fromString(`${negative ? '-' : ''}${digits}E${exponent}`);
}

/** Converts any numeric bson value to a JS number (possibly losing precision). */
export function toJsNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (value instanceof Long) return value.toNumber();
  if (value instanceof Decimal128) return Number(value.toString());
  const tag = bsonTypeTag(value);
  if (tag === 'Int32' || tag === 'Double') return (value as { value: number }).value;
  return Number.NaN;
}
