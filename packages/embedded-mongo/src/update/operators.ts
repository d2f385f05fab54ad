/**
 * The update operators ($set, $inc, $push, ...), each applied at one concrete path of a private
 * copy of the document.
 */
import { compareValues, valuesEqual } from '../bson/compare';
import { arithmetic } from '../bson/numbers';
import { bsonTypeName, deepClone, type Doc, isDocument, isNumeric, Long, Timestamp } from '../bson/values';
import { fail } from '../errors';
import { compileFilter } from '../query/matcher';
import { isValueCondition } from '../query/operators';
import { parseSort, sortDocuments } from '../query/sort';
import { getAt, setAt, unsetAt } from './pathWrite';

export type OperatorApplier = (doc: Doc, parts: string[], arg: unknown, path: string) => void;

function idOf(doc: Doc): string {
  return JSON.stringify({ _id: doc._id });
}

function arithmeticOp(name: '$inc' | '$mul', op: 'add' | 'multiply'): OperatorApplier {
  return (doc, parts, arg, path) => {
    if (!isNumeric(arg)) {
      fail(
        'TypeMismatch',
        `Cannot ${name === '$inc' ? 'increment' : 'multiply'} with non-numeric argument: {${path}: ${JSON.stringify(arg)}}`,
      );
    }
    const current = getAt(doc, parts);
    if (current === undefined) {
      setAt(doc, parts, op === 'add' ? arg : arithmetic(0, arg, 'multiply'));
      return;
    }
    if (!isNumeric(current)) {
      fail(
        'TypeMismatch',
        `Cannot apply ${name} to a value of non-numeric type. ${idOf(doc)} has the field '${parts[parts.length - 1]}' of non-numeric type ${bsonTypeName(current)}`,
      );
    }
    setAt(doc, parts, arithmetic(current, arg, op));
  };
}

function extremeOp(direction: 1 | -1): OperatorApplier {
  return (doc, parts, arg) => {
    const current = getAt(doc, parts);
    if (current === undefined || compareValues(arg, current) * direction > 0)
      setAt(doc, parts, deepClone(arg));
  };
}

function arrayAt(doc: Doc, parts: string[], path: string, create: boolean): unknown[] | undefined {
  const current = getAt(doc, parts);
  if (current === undefined) {
    if (!create) return undefined;
    const fresh: unknown[] = [];
    setAt(doc, parts, fresh);
    return fresh;
  }
  if (!Array.isArray(current)) {
    fail(
      'BadValue',
      `The field '${path}' must be an array but is of type ${bsonTypeName(current)} in document {_id: ${JSON.stringify(doc._id)}}`,
    );
  }
  return current;
}

function eachArgs(arg: unknown): { items: unknown[]; modifiers: Doc } {
  if (isDocument(arg) && '$each' in arg) {
    if (!Array.isArray(arg.$each))
      fail(
        'BadValue',
        `The argument to $each must be an array but it was of type ${bsonTypeName(arg.$each)}`,
      );
    return { items: arg.$each, modifiers: arg };
  }
  return { items: [arg], modifiers: {} };
}

const push: OperatorApplier = (doc, parts, arg, path) => {
  const arr = arrayAt(doc, parts, path, true) as unknown[];
  const { items, modifiers } = eachArgs(arg);
  const clones = items.map((v) => deepClone(v));
  let position =
    modifiers.$position === undefined
      ? arr.length
      : Number(modifiers.$position instanceof Long ? modifiers.$position.toNumber() : modifiers.$position);
  if (position < 0) position = Math.max(arr.length + position, 0);
  arr.splice(Math.min(position, arr.length), 0, ...clones);
  if (modifiers.$sort !== undefined) {
    const spec = modifiers.$sort;
    const sorted = isDocument(spec)
      ? sortDocuments(
          arr.map((v) => (isDocument(v) ? v : {})),
          parseSort(spec),
        )
      : arr.slice().sort((a, b) => compareValues(a, b) * (Number(spec) === -1 ? -1 : 1));
    if (isDocument(spec) && !arr.every(isDocument))
      fail('BadValue', '$sort with a document spec needs array elements that are documents');
    arr.splice(0, arr.length, ...sorted);
  }
  if (modifiers.$slice !== undefined) {
    const n = Number(modifiers.$slice instanceof Long ? modifiers.$slice.toNumber() : modifiers.$slice);
    const kept = n >= 0 ? arr.slice(0, n) : arr.slice(Math.max(arr.length + n, 0));
    arr.splice(0, arr.length, ...kept);
  }
};

const addToSet: OperatorApplier = (doc, parts, arg, path) => {
  const arr = arrayAt(doc, parts, path, true) as unknown[];
  for (const item of eachArgs(arg).items) {
    if (!arr.some((existing) => valuesEqual(existing, item))) arr.push(deepClone(item));
  }
};

const pop: OperatorApplier = (doc, parts, arg, path) => {
  const arr = arrayAt(doc, parts, path, false);
  if (!arr || arr.length === 0) return;
  if (Number(arg) === -1) arr.shift();
  else arr.pop();
};

/**
 * A value condition ({$gte: 4}, {$in: […]}) tests each element; any other document, including
 * a filter such as {$or: […]}, is a query over the elements that are documents.
 */
function pullPredicate(cond: unknown): (el: unknown) => boolean {
  if (isValueCondition(cond)) {
    const matcher = compileFilter({ v: cond });
    return (el) => matcher({ v: el });
  }
  if (isDocument(cond)) {
    const matcher = compileFilter(cond);
    return (el) => isDocument(el) && matcher(el);
  }
  return (el) => valuesEqual(el, cond);
}

const pull: OperatorApplier = (doc, parts, arg, path) => {
  const arr = arrayAt(doc, parts, path, false);
  if (!arr) return;
  const test = pullPredicate(arg);
  const kept = arr.filter((el) => !test(el));
  arr.splice(0, arr.length, ...kept);
};

const pullAll: OperatorApplier = (doc, parts, arg, path) => {
  if (!Array.isArray(arg))
    fail('BadValue', `$pullAll requires an array argument but was given a ${bsonTypeName(arg)}`);
  const arr = arrayAt(doc, parts, path, false);
  if (!arr) return;
  const kept = arr.filter((el) => !arg.some((v) => valuesEqual(el, v)));
  arr.splice(0, arr.length, ...kept);
};

const currentDate: OperatorApplier = (doc, parts, arg) => {
  const wantsTimestamp = isDocument(arg) && arg.$type === 'timestamp';
  setAt(doc, parts, wantsTimestamp ? new Timestamp({ t: Math.floor(Date.now() / 1000), i: 1 }) : new Date());
};

const bit: OperatorApplier = (doc, parts, arg, path) => {
  if (!isDocument(arg)) fail('BadValue', `The $bit modifier is not compatible with a ${bsonTypeName(arg)}`);
  const current = getAt(doc, parts) ?? 0;
  if (!isNumeric(current)) fail('BadValue', `Cannot apply $bit to a value of non-integral type. ${path}`);
  let value = BigInt(current instanceof Long ? current.toString() : Math.trunc(Number(current)));
  for (const [op, operand] of Object.entries(arg)) {
    const o = BigInt(operand instanceof Long ? operand.toString() : Math.trunc(Number(operand)));
    if (op === 'and') value &= o;
    else if (op === 'or') value |= o;
    else if (op === 'xor') value ^= o;
    else fail('BadValue', `The $bit modifier only supports 'and', 'or', and 'xor', not '${op}'`);
  }
  const asLong = current instanceof Long;
  setAt(doc, parts, asLong ? Long.fromBigInt(value) : Number(BigInt.asIntN(32, value)));
};

/** Appliers for all operators except $rename and $setOnInsert, which the engine handles. */
export const operatorAppliers: Record<string, OperatorApplier> = {
  $set: (doc, parts, arg) => setAt(doc, parts, deepClone(arg)),
  $unset: (doc, parts) => unsetAt(doc, parts),
  $inc: arithmeticOp('$inc', 'add'),
  $mul: arithmeticOp('$mul', 'multiply'),
  $min: extremeOp(-1),
  $max: extremeOp(1),
  $push: push,
  $addToSet: addToSet,
  $pop: pop,
  $pull: pull,
  $pullAll: pullAll,
  $currentDate: currentDate,
  $bit: bit,
};
