/**
 * The mingo operator context used for aggregation. mingo's defaults mishandle bson types:
 * Decimal128 and Long are skipped by $sum/$avg, sorted as strings, and ObjectIds cannot be
 * converted with $toString/$toObjectId/$toDate/$type. Those operators are replaced here with
 * versions built on this package's bson comparison and arithmetic.
 */
import { Context } from 'mingo';
import { evalExpr } from 'mingo/core';
import type { Options } from 'mingo/types';
import { type Iterator, Lazy } from 'mingo/lazy';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import { type Collation } from '../bson/collation';
import { compareValues } from '../bson/compare';
import { arithmetic, toJsNumber } from '../bson/numbers';
import { bsonTypeName, Decimal128, type Doc, isNumeric, Long, ObjectId } from '../bson/values';
import { fail } from '../errors';
import { compileFilter } from '../query/matcher';
import { addFieldsStage } from './addFieldsStage';
import { unsetStage } from './unsetStage';
import { parseSort, sortDocuments } from '../query/sort';

type Any = unknown;

/** Evaluates `expr` once per document; mingo's $push gives each evaluation its own root. */
function values(coll: Any[], expr: Any, options: Options): Any[] {
  return accumulatorOperators.$push(coll, expr, options) as Any[];
}

/**
 * Operand values of $sum/$avg/$min/$max. mingo resolves these as expression operators even
 * inside $group, passing the group's documents as an array; in $project a single operand that
 * resolves to an array contributes its elements.
 */
function operandValues(obj: Any, expr: Any, options: Options): Any[] {
  if (Array.isArray(obj)) return values(obj, expr, options);
  if (Array.isArray(expr)) return expr.map((e) => evalExpr(obj, e, options));
  const v = evalExpr(obj, expr, options);
  return Array.isArray(v) ? v : [v];
}

function sum(items: Any[]): Any {
  let fast = 0;
  let allInts = true;
  let i = 0;
  for (; i < items.length; i++) {
    const v = items[i];
    if (typeof v !== 'number') {
      if (isNumeric(v)) break;
      continue;
    }
    fast += v;
    allInts &&= Number.isInteger(v);
  }
  let total: Any =
    allInts && Number.isSafeInteger(fast) && (fast > 0x7fffffff || fast < -0x80000000)
      ? Long.fromNumber(fast)
      : fast;
  for (; i < items.length; i++) if (isNumeric(items[i])) total = arithmetic(total, items[i], 'add');
  return total;
}

function average(items: Any[]): Any {
  const nums = items.filter(isNumeric);
  if (nums.length === 0) return null;
  const total = sum(nums);
  if (total instanceof Decimal128) return Decimal128.fromString(String(toJsNumber(total) / nums.length));
  return toJsNumber(total) / nums.length;
}

function extremeOf(items: Any[], direction: 1 | -1): Any {
  let best: Any = null;
  for (const v of items) {
    if (v === null || v === undefined) continue;
    if (best === null || compareValues(v, best) * direction > 0) best = v;
  }
  return best;
}

const sumOf = (obj: Any, expr: Any, options: Options): Any => sum(operandValues(obj, expr, options));
const avgOf = (obj: Any, expr: Any, options: Options): Any => average(operandValues(obj, expr, options));
const maxOf = (obj: Any, expr: Any, options: Options): Any => extremeOf(operandValues(obj, expr, options), 1);
const minOf = (obj: Any, expr: Any, options: Options): Any =>
  extremeOf(operandValues(obj, expr, options), -1);

function toStringValue(value: Any): Any {
  if (value === null || value === undefined) return null;
  if (value instanceof ObjectId) return value.toHexString();
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Decimal128 || value instanceof Long) return value.toString();
  if (typeof value === 'object')
    return fail(
      'BadValue',
      `Unsupported conversion from ${bsonTypeName(value)} to string in $convert with no onError value`,
    );
  return String(value);
}

function toObjectIdValue(value: Any): Any {
  if (value === null || value === undefined) return null;
  if (value instanceof ObjectId) return value;
  if (typeof value === 'string' && /^[0-9a-fA-F]{24}$/.test(value)) return new ObjectId(value);
  return fail('BadValue', `Failed to parse objectId '${String(value)}' in $convert with no onError value`);
}

function toDateValue(value: Any): Any {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (value instanceof ObjectId) return value.getTimestamp();
  if (isNumeric(value)) return new Date(toJsNumber(value));
  if (typeof value === 'string') {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date;
  }
  return fail('BadValue', `can't convert from BSON type ${bsonTypeName(value)} to Date`);
}

const converters: Record<string, (v: Any) => Any> = {
  string: toStringValue,
  objectId: toObjectIdValue,
  date: toDateValue,
  long: (v) => (v === null || v === undefined ? null : Long.fromNumber(Math.trunc(toJsNumber(v)))),
  decimal: (v) =>
    v === null || v === undefined ? null : Decimal128.fromString(String(isNumeric(v) ? v.toString() : v)),
  double: (v) => (v === null || v === undefined ? null : Number(isNumeric(v) ? toJsNumber(v) : v)),
  int: (v) => (v === null || v === undefined ? null : Math.trunc(Number(isNumeric(v) ? toJsNumber(v) : v))),
  bool: (v) => (v === null || v === undefined ? null : Boolean(v)),
};

function unary(convert: (v: Any) => Any) {
  return (obj: Any, expr: Any, options: Options): Any => convert(evalExpr(obj, expr, options));
}

function convertExpression(obj: Any, expr: Any, options: Options): Any {
  const spec = expr as { input: Any; to: Any; onError?: Any; onNull?: Any };
  const input = evalExpr(obj, spec.input, options);
  if ((input === null || input === undefined) && 'onNull' in spec) return evalExpr(obj, spec.onNull, options);
  const to = evalExpr(obj, spec.to, options);
  const convert = converters[String(to)];
  if (!convert)
    return fail('CommandNotSupported', `$convert to ${String(to)} is not supported by embedded-mongo`);
  try {
    return convert(input);
  } catch (err) {
    if ('onError' in spec) return evalExpr(obj, spec.onError, options);
    throw err;
  }
}

/** The command's collation, passed through mingo's options by runPipeline (kept in ComputeOptions.options). */
function collationOf(options: Options): Collation | undefined {
  const wrapped = options as { options?: { embeddedCollation?: Collation }; embeddedCollation?: Collation };
  return wrapped.options?.embeddedCollation ?? wrapped.embeddedCollation;
}

function matchStage(coll: Iterator, expr: Any, options: Options): Iterator {
  const matcher = compileFilter(expr, {
    variables: options.variables as Doc | undefined,
    collation: collationOf(options),
  });
  return coll.filter((doc: Doc) => matcher(doc));
}

function sortStage(coll: Iterator, spec: Any, options: Options): Iterator {
  const fields = parseSort(spec);
  if (fields.length === 0) fail('BadValue', '$sort stage must have at least one sort key');
  const collation = collationOf(options);
  return coll.transform((docs: Doc[]) => Lazy(sortDocuments(docs, fields, undefined, collation)));
}

function unsupportedStage(name: string) {
  return (): never =>
    fail('CommandNotSupported', `aggregation stage ${name} is not supported by embedded-mongo`);
}

const defaults = Context.init({
  accumulator: accumulatorOperators,
  expression: expressionOperators,
  pipeline: pipelineOperators,
  projection: projectionOperators,
  query: queryOperators,
  window: windowOperators,
} as never);

const overrides = Context.init({
  accumulator: {
    $sum: (coll: Any[], expr: Any, options: Options) => sum(values(coll, expr, options)),
    $avg: (coll: Any[], expr: Any, options: Options) => average(values(coll, expr, options)),
    $min: (coll: Any[], expr: Any, options: Options) => extremeOf(values(coll, expr, options), -1),
    $max: (coll: Any[], expr: Any, options: Options) => extremeOf(values(coll, expr, options), 1),
    $accumulator: (): never =>
      fail('CommandNotSupported', '$accumulator (server-side JavaScript) is disabled'),
  } as never,
  expression: {
    $sum: sumOf,
    $avg: avgOf,
    $min: minOf,
    $max: maxOf,
    $toString: unary(toStringValue),
    $toObjectId: unary(toObjectIdValue),
    $toDate: unary(toDateValue),
    $toLong: unary(converters.long),
    $toDecimal: unary(converters.decimal),
    $type: unary(bsonTypeName),
    $convert: convertExpression,
    // Server-side JavaScript stays off, as in hardened MongoDB deployments (mingo would run it).
    $function: (): never => fail('CommandNotSupported', '$function (server-side JavaScript) is disabled'),
  } as never,
  pipeline: {
    $match: matchStage,
    $sort: sortStage,
    $addFields: addFieldsStage,
    $set: addFieldsStage,
    $unset: unsetStage,
    $out: unsupportedStage('$out'),
    $merge: unsupportedStage('$merge'),
    $geoNear: (): never => fail('Location40602', '$geoNear is only valid as the first stage in a pipeline'),
  } as never,
});

/** mingo's operators with this package's overrides taking precedence (earlier contexts win). */
export const aggregationContext = Context.from(overrides, defaults);
