/**
 * Field-level query operators ($eq, $gt, $in, $regex, $elemMatch, $type, ...). Each compiles to a
 * predicate over one value; the matcher applies it along paths and array elements.
 */
import { compareValues, sameTypeBracket, valuesEqual } from '../bson/compare';
import { type Collation } from '../bson/collation';
import { canonicalKey } from '../bson/keys';
import { toDecimalValue } from '../bson/numbers';
import {
  bsonTypeName,
  bsonTypeTag,
  type Doc,
  isDocument,
  isKnownTypeAlias,
  isNumeric,
  Long,
  typeAliasForNumber,
} from '../bson/values';
import { dbRefAsDocument } from '../bson/dbRef';
import { fail } from '../errors';
import { compileGeoOperator } from '../geo/geoOperators';
import type { FieldPredicate, FilterOptions, Matcher, ValuePredicate } from './filter';

export type { ValuePredicate } from './filter';
import { compileRegex, isRegexValue, toJsRegex } from './regex';

type CompileFilter = (filter: unknown, options: FilterOptions) => Matcher;

const unsupported = new Set(['$text', '$where']);

/** True when a condition is an operator object like {$gt: 1} rather than a literal document. */
export function isOperatorObject(condition: unknown): boolean {
  if (!isDocument(condition)) return false;
  const keys = Object.keys(condition);
  return keys.length > 0 && keys[0].startsWith('$') && !DBREF_KEYS.has(keys[0]);
}

/** $ref/$id/$db name DBRef fields, never operators (matcher.ts keeps the same list). */
const DBREF_KEYS = new Set(['$ref', '$id', '$db']);
/** Operators that make a condition a whole filter rather than a condition on one value. */
const FILTER_LEVEL = new Set(['$and', '$or', '$nor', '$expr', '$where', '$text', '$comment']);

/** True for {$gt: 1}-style conditions on a value; false for filters such as {$or: […]}. */
export function isValueCondition(condition: unknown): boolean {
  return isOperatorObject(condition) && !FILTER_LEVEL.has(Object.keys(condition as Doc)[0]);
}

function positive(test: ValuePredicate, expandArrays = true): FieldPredicate {
  return { test, expandArrays, negated: false };
}

function negate(p: FieldPredicate): FieldPredicate {
  return { ...p, negated: !p.negated };
}

function regexPredicate(regex: RegExp): ValuePredicate {
  return (v) => {
    if (typeof v === 'string') return regex.test(v);
    if (bsonTypeTag(v) === 'BSONSymbol') return regex.test(String(v));
    if (isRegexValue(v)) return toJsRegex(v).source === regex.source && toJsRegex(v).flags === regex.flags;
    return false;
  };
}

function equalityPredicate(target: unknown, collation?: Collation): ValuePredicate {
  if (target === null || target === undefined) return (v) => v === null || v === undefined;
  if (typeof target === 'string')
    return collation
      ? (v) => typeof v === 'string' && collation.compare(v, target) === 0
      : (v) => v === target;
  if (typeof target === 'number')
    return (v) => v === target || (isNumeric(v) && compareValues(v, target) === 0);
  return (v) => valuesEqual(v, target, collation);
}

/** Equality against a literal value; a regex literal means "matches the pattern". */
export function compileValueEquality(target: unknown, collation?: Collation): FieldPredicate {
  if (isRegexValue(target)) return positive(regexPredicate(toJsRegex(target)));
  return positive(equalityPredicate(target, collation));
}

function comparison(op: string, operand: unknown, collation?: Collation): ValuePredicate {
  const accepts = (c: number): boolean =>
    op === '$gt' ? c > 0 : op === '$gte' ? c >= 0 : op === '$lt' ? c < 0 : c <= 0;
  if (operand === null) {
    const inclusive = op === '$gte' || op === '$lte';
    return (v) => inclusive && (v === null || v === undefined);
  }
  return (v) =>
    v !== undefined && sameTypeBracket(v, operand) && accepts(compareValues(v, operand, collation));
}

function inPredicate(values: unknown, collation?: Collation): ValuePredicate {
  if (!Array.isArray(values)) fail('BadValue', '$in needs an array');
  const keys = new Set<string>();
  const regexes: RegExp[] = [];
  for (const v of values) {
    if (isRegexValue(v)) regexes.push(toJsRegex(v));
    else if (isOperatorObject(v)) fail('BadValue', 'cannot nest $ under $in');
    else keys.add(canonicalKey(v, collation));
  }
  return (v) =>
    keys.has(canonicalKey(v, collation)) || regexes.some((r) => typeof v === 'string' && r.test(v));
}

function typePredicate(spec: unknown): ValuePredicate {
  const wanted = (Array.isArray(spec) ? spec : [spec]).map((t) => {
    const alias = typeof t === 'number' || t instanceof Long ? typeAliasForNumber(Number(t)) : String(t);
    if (!alias || !isKnownTypeAlias(alias)) fail('BadValue', `Unknown type name alias: ${String(t)}`);
    return alias;
  });
  const set = new Set(wanted);
  return (v) => {
    if (v === undefined) return false;
    if (set.has('number') && isNumeric(v)) return true;
    const name = bsonTypeName(v);
    if (set.has(name)) return true;
    // Integral doubles are promoted to JS numbers on the way in, so "double" also covers them.
    return name === 'int' && set.has('double');
  };
}

function modPredicate(spec: unknown): ValuePredicate {
  if (!Array.isArray(spec) || spec.length !== 2)
    fail('BadValue', 'malformed mod, needs to be an array of 2 elements');
  if (!isNumeric(spec[0]) || !isNumeric(spec[1]))
    fail('BadValue', 'malformed mod, divisor and remainder must be numbers');
  const divisor = Math.trunc(Number(spec[0]));
  const remainder = Math.trunc(Number(spec[1]));
  if (divisor === 0) fail('BadValue', 'divisor cannot be 0');
  return (v) =>
    isNumeric(v) && Math.trunc(Number(v instanceof Long ? v.toNumber() : v)) % divisor === remainder;
}

function bitsPredicate(op: string, spec: unknown): ValuePredicate {
  let mask = 0n;
  if (Array.isArray(spec)) for (const bit of spec) mask |= 1n << BigInt(Number(bit));
  else if (isNumeric(spec))
    mask = BigInt.asUintN(64, BigInt(Math.trunc(Number(spec instanceof Long ? spec.toNumber() : spec))));
  else fail('CommandNotSupported', `${op} with a BinData mask is not supported by embedded-mongo`);
  return (v) => {
    if (!isNumeric(v)) return false;
    const d = toDecimalValue(v);
    if (d.kind !== 'finite' || d.exponent < 0) return false;
    const bits = BigInt.asUintN(64, d.coefficient * 10n ** BigInt(d.exponent));
    const set = bits & mask;
    if (op === '$bitsAllSet') return set === mask;
    if (op === '$bitsAnySet') return set !== 0n;
    if (op === '$bitsAllClear') return set === 0n;
    return set !== mask;
  };
}

/**
 * The per-element test of `$elemMatch`: a value condition ({$gte: 5, $lt: 9}, {$in: […]}) tests
 * the element itself, anything else is a filter over elements that are documents (DBRefs
 * included, seen as {$ref, $id, $db}). Query and projection share it.
 */
export function elemMatchElementTest(
  spec: unknown,
  options: FilterOptions,
  compile: CompileFilter,
): (el: unknown) => boolean {
  // {$ref, $id} arrives decoded as a DBRef; as a condition it is the filter {$ref: …, $id: …}.
  if (bsonTypeTag(spec) === 'DBRef') spec = dbRefAsDocument(spec);
  if (!isDocument(spec)) fail('BadValue', '$elemMatch needs an Object');
  if (isValueCondition(spec)) {
    const preds = compileOperatorObject(spec, options, compile);
    return (el) =>
      preds.every((p) => {
        const hit = p.test(el) || (p.expandArrays && Array.isArray(el) && el.some((x) => p.test(x)));
        return p.negated ? !hit : hit;
      });
  }
  const matcher = compile(spec, options);
  return (el) => (isDocument(el) ? matcher(el) : bsonTypeTag(el) === 'DBRef' && matcher(dbRefAsDocument(el)));
}

function elemMatchPredicate(spec: unknown, options: FilterOptions, compile: CompileFilter): ValuePredicate {
  const elementTest = elemMatchElementTest(spec, options, compile);
  const predicate: ValuePredicate = (v) => {
    if (!Array.isArray(v)) return false;
    for (let i = 0; i < v.length; i++) {
      if (elementTest(v[i])) {
        predicate.lastElementIndex = i;
        return true;
      }
    }
    return false;
  };
  return predicate;
}

function allPredicates(spec: unknown, options: FilterOptions, compile: CompileFilter): FieldPredicate[] {
  if (!Array.isArray(spec)) fail('BadValue', '$all needs an array');
  if (spec.length === 0) return [positive(() => false)];
  return spec.map((item) => {
    if (isDocument(item) && Object.keys(item)[0] === '$elemMatch') {
      return positive(elemMatchPredicate(item.$elemMatch, options, compile), false);
    }
    return compileValueEquality(item, options.collation);
  });
}

/** Compiles {$op: operand, ...} into field predicates; unknown operators are BadValue (2). */
export function compileOperatorObject(
  spec: Doc,
  options: FilterOptions,
  compile: CompileFilter,
): FieldPredicate[] {
  const out: FieldPredicate[] = [];
  const collation = options.collation;
  for (const op of Object.keys(spec)) {
    const operand = spec[op];
    switch (op) {
      case '$eq':
        out.push(positive(equalityPredicate(operand, collation)));
        break;
      case '$ne':
        if (isRegexValue(operand)) fail('BadValue', "Can't have regex as arg to $ne.");
        out.push(negate(positive(equalityPredicate(operand, collation))));
        break;
      case '$gt':
      case '$gte':
      case '$lt':
      case '$lte':
        if (isRegexValue(operand)) fail('BadValue', `Can't have RegEx as arg to predicate over field`);
        out.push(positive(comparison(op, operand, collation)));
        break;
      case '$in':
        out.push(positive(inPredicate(operand, collation)));
        break;
      case '$nin':
        out.push(negate(positive(inPredicate(operand, collation))));
        break;
      case '$exists':
        out.push(
          operand ? positive((v) => v !== undefined, false) : negate(positive((v) => v !== undefined, false)),
        );
        break;
      case '$type':
        out.push(positive(typePredicate(operand)));
        break;
      case '$size': {
        const n = Number(operand instanceof Long ? operand.toNumber() : operand);
        if (!Number.isInteger(n) || n < 0) fail('BadValue', '$size needs a non-negative integer');
        out.push(positive((v) => Array.isArray(v) && v.length === n, false));
        break;
      }
      case '$all':
        out.push(...allPredicates(operand, options, compile));
        break;
      case '$elemMatch':
        out.push(positive(elemMatchPredicate(operand, options, compile), false));
        break;
      case '$regex': {
        const options_ = typeof spec.$options === 'string' ? spec.$options : '';
        const regex = isRegexValue(operand)
          ? compileRegex(
              operand instanceof RegExp ? operand.source : operand.pattern,
              (operand instanceof RegExp ? '' : operand.options) + options_,
            )
          : typeof operand === 'string'
            ? compileRegex(operand, options_)
            : fail('BadValue', '$regex has to be a string');
        out.push(positive(regexPredicate(regex)));
        break;
      }
      case '$options':
        if (!('$regex' in spec)) fail('BadValue', '$options needs a $regex');
        break;
      case '$mod':
        out.push(positive(modPredicate(operand)));
        break;
      case '$not': {
        if (isRegexValue(operand)) {
          out.push(negate(positive(regexPredicate(toJsRegex(operand)))));
          break;
        }
        if (!isDocument(operand) || !isOperatorObject(operand))
          fail('BadValue', '$not needs a regex or a document');
        const inner = compileOperatorObject(operand, options, compile);
        const combined: ValuePredicate = (v) =>
          inner.every((p) => {
            const hit = p.test(v) || (p.expandArrays && Array.isArray(v) && v.some((x) => p.test(x)));
            return p.negated ? !hit : hit;
          });
        out.push(negate(positive(combined, false)));
        break;
      }
      case '$bitsAllSet':
      case '$bitsAnySet':
      case '$bitsAllClear':
      case '$bitsAnyClear':
        out.push(positive(bitsPredicate(op, operand)));
        break;
      case '$comment':
        break;
      case '$geoWithin':
      case '$within':
      case '$geoIntersects':
      case '$near':
      case '$nearSphere':
        out.push(positive(compileGeoOperator(op, spec), false));
        break;
      case '$maxDistance':
      case '$minDistance':
        if (!('$near' in spec) && !('$nearSphere' in spec))
          fail('BadValue', `${op} needs $near or $nearSphere`);
        break;
      default:
        if (unsupported.has(op))
          fail('CommandNotSupported', `query operator ${op} is not supported by embedded-mongo`);
        fail('BadValue', `unknown operator: ${op}`);
    }
  }
  return out;
}
