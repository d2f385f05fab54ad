/**
 * Compiles a MongoDB query filter into a predicate over documents. Implemented here rather than
 * with mingo so numbers of every bson type compare by value, `$type` knows bson types and
 * positional matches can be reported to the update engine.
 */
import { type Doc, isDocument } from '../bson/values';
import { fail } from '../errors';
import { evaluateQueryExpression } from './expressionHook';
import { compileJsonSchema } from './jsonSchema';
import { compileTextQuery } from './textSearch';
import { compileOperatorObject, compileValueEquality, isOperatorObject } from './operators';
import { collectValues, splitPath } from './paths';
import type { FieldPredicate, FilterOptions, MatchDetails, Matcher } from './filter';

export type { FieldPredicate, FilterOptions, MatchDetails, Matcher } from './filter';

/** Field names of a stored DBRef, which filters may name like any field. */
export const DBREF_FIELDS = new Set(['$ref', '$id', '$db']);

const unsupportedTopLevel = new Set(['$where']);

function testValue(
  value: unknown,
  arrayIndex: number | undefined,
  predicate: FieldPredicate,
  details?: MatchDetails,
): boolean {
  if (predicate.test(value)) {
    if (details && details.arrayIndex === undefined)
      details.arrayIndex = arrayIndex ?? predicate.test.lastElementIndex;
    return true;
  }
  if (predicate.expandArrays && Array.isArray(value)) {
    for (let k = 0; k < value.length; k++) {
      if (predicate.test(value[k])) {
        if (details && details.arrayIndex === undefined) details.arrayIndex = arrayIndex ?? k;
        return true;
      }
    }
  }
  return false;
}

function matchField(doc: Doc, parts: string[], predicate: FieldPredicate, details?: MatchDetails): boolean {
  // `__proto__` goes through collectValues, which reads own fields only.
  if (parts.length === 1 && parts[0] !== '__proto__')
    return testValue(doc[parts[0]], undefined, predicate, details);
  for (const pv of collectValues(doc, parts)) {
    if (testValue(pv.value, pv.arrayIndex, predicate, details)) return true;
  }
  return false;
}

function compileField(path: string, condition: unknown, options: FilterOptions): Matcher {
  const parts = splitPath(path);
  const predicates: FieldPredicate[] = isOperatorObject(condition)
    ? compileOperatorObject(condition as Doc, options, compileFilter)
    : [compileValueEquality(condition, options.collation)];
  if (predicates.length === 1) {
    const [p] = predicates;
    if (p.negated) return (doc) => !matchField(doc, parts, p);
    return (doc, details) => matchField(doc, parts, p, details);
  }
  return (doc, details) =>
    predicates.every((p) => (p.negated ? !matchField(doc, parts, p) : matchField(doc, parts, p, details)));
}

function compileLogical(op: string, clauses: unknown, options: FilterOptions): Matcher {
  if (!Array.isArray(clauses) || clauses.length === 0) {
    fail('BadValue', `${op} must be a nonempty array`);
  }
  const matchers = clauses.map((clause) => {
    if (!isDocument(clause)) fail('BadValue', `${op} argument's entries must be objects`);
    return compileFilter(clause, options);
  });
  if (op === '$and') return (doc, details) => matchers.every((m) => m(doc, details));
  if (op === '$or') return (doc, details) => matchers.some((m) => m(doc, details));
  return (doc) => !matchers.some((m) => m(doc));
}

function compileTopLevelOperator(op: string, value: unknown, options: FilterOptions): Matcher | undefined {
  switch (op) {
    case '$and':
    case '$or':
    case '$nor':
      return compileLogical(op, value, options);
    case '$expr':
      return (doc) => isTruthy(evaluateQueryExpression(doc, value, options.variables));
    case '$comment':
      return undefined;
    case '$jsonSchema':
      return compileJsonSchema(value);
    case '$text':
      return compileTextQuery(value, options);
    case '$alwaysTrue':
      return () => true;
    case '$alwaysFalse':
      return () => false;
    default:
      if (unsupportedTopLevel.has(op))
        fail('CommandNotSupported', `query operator ${op} is not supported by embedded-mongo`);
      return fail(
        'BadValue',
        `unknown top level operator: ${op}. If you have a field name that starts with a '$' symbol, consider using $getField or $setField.`,
      );
  }
}

/** Aggregation truthiness: false, null, undefined and 0 are false. */
export function isTruthy(value: unknown): boolean {
  if (value === false || value === null || value === undefined) return false;
  if (typeof value === 'number') return value !== 0;
  return true;
}

/** Compiles a query filter; throws BadValue (code 2) for unknown or malformed operators. */
export function compileFilter(filter: unknown, options: FilterOptions = {}): Matcher {
  if (filter === undefined || filter === null) return () => true;
  if (!isDocument(filter)) fail('TypeMismatch', 'filter must be an object');
  const matchers: Matcher[] = [];
  for (const key of Object.keys(filter)) {
    const value = filter[key];
    // $ref/$id/$db are the fields of a DBRef ({$elemMatch: {$id: …}}), not operators.
    const matcher =
      key.startsWith('$') && !DBREF_FIELDS.has(key)
        ? compileTopLevelOperator(key, value, options)
        : compileField(key, value, options);
    if (matcher) matchers.push(matcher);
  }
  if (matchers.length === 0) return () => true;
  if (matchers.length === 1) return matchers[0];
  return (doc, details) => {
    for (const m of matchers) if (!m(doc, details)) return false;
    return true;
  };
}
