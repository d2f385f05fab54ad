/**
 * Parsing and applying update specifications: operator updates, replacement documents and
 * pipeline updates. The input document is never modified; a new document is returned.
 */
import { valuesEqual } from '../bson/compare';
import { deepClone, type Doc, isDocument } from '../bson/values';
import { ownPath } from './copyOnWrite';
import { fail } from '../errors';
import { runPipeline, toMingoValue } from '../agg/expressions';
import { compileFilter } from '../query/matcher';
import { splitPath } from '../query/paths';
import { operatorAppliers } from './operators';
import { expandPositional, getAt, type PositionalContext, setAt, unsetAt } from './pathWrite';

interface OperatorEntry {
  op: string;
  path: string;
  parts: string[];
  arg: unknown;
}

export type ParsedUpdate =
  | { kind: 'replacement'; doc: Doc }
  | { kind: 'operators'; entries: OperatorEntry[] }
  | { kind: 'pipeline'; stages: Doc[] };

const knownOperators = new Set([...Object.keys(operatorAppliers), '$rename', '$setOnInsert']);
const pipelineStages = new Set(['$addFields', '$set', '$project', '$unset', '$replaceRoot', '$replaceWith']);

function checkConflicts(entries: OperatorEntry[]): void {
  const paths = entries.flatMap((e) => (e.op === '$rename' ? [e.path, String(e.arg)] : [e.path])).sort();
  for (let i = 1; i < paths.length; i++) {
    const prev = paths[i - 1];
    const cur = paths[i];
    if (cur === prev || cur.startsWith(`${prev}.`)) {
      fail('ConflictingUpdateOperators', `Updating the path '${cur}' would create a conflict at '${prev}'`);
    }
  }
}

/** Validates an update (`u`) and classifies it; unknown operators are FailedToParse (9). */
export function parseUpdate(update: unknown): ParsedUpdate {
  if (Array.isArray(update)) {
    for (const stage of update) {
      const name = isDocument(stage) ? Object.keys(stage)[0] : undefined;
      if (!name || !pipelineStages.has(name))
        fail('InvalidOptions', `${name ?? 'stage'} is not allowed to be used within an update`);
    }
    return { kind: 'pipeline', stages: update as Doc[] };
  }
  if (!isDocument(update))
    return fail('FailedToParse', 'Update argument must be either an object or an array');
  const keys = Object.keys(update);
  if (keys.length === 0 || !keys[0].startsWith('$')) {
    for (const key of keys) {
      if (key.startsWith('$')) {
        fail(
          'DollarPrefixedFieldName',
          `The dollar ($) prefixed field '${key}' in '${key}' is not allowed in the context of an update's replacement document. Consider using an aggregation pipeline with $replaceWith.`,
        );
      }
    }
    return { kind: 'replacement', doc: update };
  }
  const entries: OperatorEntry[] = [];
  for (const op of keys) {
    if (!knownOperators.has(op)) {
      fail(
        'FailedToParse',
        `Unknown modifier: ${op}. Expected a valid update modifier or pipeline-style update specified as an array`,
      );
    }
    const args = update[op];
    if (!isDocument(args)) {
      fail(
        'FailedToParse',
        `Modifiers operate on fields but we found type ${typeof args} instead. For example: {$mod: {<field>: ...}} not {${op}: ${JSON.stringify(args)}}`,
      );
    }
    for (const path of Object.keys(args)) {
      if (path === '') fail('BadValue', 'An empty update path is not valid.');
      entries.push({ op, path, parts: splitPath(path), arg: args[path] });
    }
  }
  checkConflicts(entries);
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { kind: 'operators', entries };
}

/** Per-document inputs to applyUpdate. */
export interface ApplyOptions {
  /** Array index the filter matched, for the `$` positional operator. */
  matchedIndex?: number;
  /** Compiled arrayFilters by identifier. */
  arrayFilters?: Map<string, (element: unknown) => boolean>;
  /** True when the update builds a new upserted document ($setOnInsert applies). */
  isInsert?: boolean;
}

function applyRename(doc: Doc, entry: OperatorEntry, owned: WeakSet<object>): void {
  const target = entry.arg;
  if (typeof target !== 'string' || target === '')
    fail('BadValue', `The 'to' field for $rename must be a string: ${entry.path}: ${String(target)}`);
  if (entry.path === '_id' || target === '_id')
    fail('ImmutableField', "Performing an update on the path '_id' would modify the immutable field '_id'");
  const value = getAt(doc, entry.parts);
  if (value === undefined) return;
  const targetParts = splitPath(target);
  ownPath(doc, entry.parts, entry.parts.length - 1, owned);
  unsetAt(doc, entry.parts);
  ownPath(doc, targetParts, targetParts.length - 1, owned);
  setAt(doc, targetParts, value);
}

/** Operators that change the array at their path in place (the others replace the value). */
const inPlaceOperators = new Set(['$push', '$addToSet', '$pop', '$pull', '$pullAll']);

/**
 * Stored documents are never changed in place, so the new version shares every subtree the
 * update does not touch: only the containers on the written paths are copied (ownPath). The
 * unchanged fields keep their identity, which re-indexing and the modified check rely on.
 */
function applyOperators(original: Doc, entries: OperatorEntry[], options: ApplyOptions): Doc {
  const owned = new WeakSet<object>();
  const doc = { ...original };
  owned.add(doc);
  const ctx: PositionalContext = {
    matchedIndex: options.matchedIndex,
    arrayFilters: options.arrayFilters ?? new Map(),
    usedFilters: new Set(),
  };
  for (const entry of entries) {
    // As mongod: an upsert's insert may create `$`-prefixed fields, an update of a stored one may not.
    if (!options.isInsert && entry.parts[0].startsWith('$'))
      fail(
        'DollarPrefixedFieldName',
        `The dollar ($) prefixed field '${entry.parts[0]}' in '${entry.path}' is not valid for storage.`,
      );
    if (entry.op === '$setOnInsert') {
      if (options.isInsert) {
        ownPath(doc, entry.parts, entry.parts.length - 1, owned);
        setAt(doc, entry.parts, deepClone(entry.arg));
      }
      continue;
    }
    if (entry.op === '$rename') {
      applyRename(doc, entry, owned);
      continue;
    }
    const apply = operatorAppliers[entry.op];
    const steps = inPlaceOperators.has(entry.op) ? 0 : 1;
    for (const parts of expandPositional(doc, entry.parts, ctx)) {
      ownPath(doc, parts, parts.length - steps, owned);
      apply(doc, parts, entry.arg, parts.join('.'));
    }
  }
  for (const ident of ctx.arrayFilters.keys()) {
    if (!ctx.usedFilters.has(ident))
      fail(
        'FailedToParse',
        `The array filter for identifier '${ident}' was not used in the update ${JSON.stringify(entries.map((e) => e.path))}`,
      );
  }
  return doc;
}

function checkIdUnchanged(before: Doc, after: Doc): void {
  if (before._id === undefined) return;
  if (after._id === undefined || !valuesEqual(before._id, after._id)) {
    fail('ImmutableField', "Performing an update on the path '_id' would modify the immutable field '_id'");
  }
}

/** Applies a parsed update to a document, returning the new document. */
export function applyUpdate(original: Doc, update: ParsedUpdate, options: ApplyOptions = {}): Doc {
  let result: Doc;
  if (update.kind === 'replacement') {
    result = { ...(original._id !== undefined ? { _id: original._id } : {}), ...deepClone(update.doc) };
    if (
      original._id !== undefined &&
      update.doc._id !== undefined &&
      !valuesEqual(original._id, update.doc._id)
    ) {
      fail(
        'ImmutableField',
        `After applying the update, the (immutable) field '_id' was found to have been altered to _id: ${JSON.stringify(update.doc._id)}`,
      );
    }
  } else if (update.kind === 'pipeline') {
    const [out] = runPipeline([toMingoValue(original) as Doc], update.stages);
    result = out ?? {};
  } else {
    result = applyOperators(original, update.entries, options);
  }
  checkIdUnchanged(original, result);
  if (result._id !== undefined && Object.keys(result)[0] !== '_id') {
    const { _id, ...rest } = result;
    result = { _id, ...rest };
  }
  return result;
}

/** Compiles the `arrayFilters` of an update statement into predicates by identifier. */
export function compileArrayFilters(filters: unknown): Map<string, (element: unknown) => boolean> {
  const out = new Map<string, (element: unknown) => boolean>();
  if (filters === undefined || filters === null) return out;
  if (!Array.isArray(filters)) fail('TypeMismatch', 'arrayFilters must be an array');
  for (const filter of filters) {
    if (!isDocument(filter) || Object.keys(filter).length === 0)
      fail('FailedToParse', 'Cannot use an expression without a top-level field name in arrayFilters');
    const ident = Object.keys(filter)[0].split('.')[0];
    if (out.has(ident))
      fail('FailedToParse', `Found multiple array filters with the same top-level field name ${ident}`);
    const matcher = compileFilter(filter);
    out.set(ident, (element) => matcher({ [ident]: element }));
  }
  return out;
}

/** Builds the base document of an upsert from the equality conditions of its filter. */
export function upsertBaseFromFilter(filter: Doc): Doc {
  const base: Doc = {};
  const visit = (f: Doc): void => {
    for (const key of Object.keys(f)) {
      const value = f[key];
      if (key === '$and' && Array.isArray(value)) {
        for (const clause of value) if (isDocument(clause)) visit(clause);
        continue;
      }
      if (key.startsWith('$')) continue;
      if (isDocument(value) && Object.keys(value)[0]?.startsWith('$')) {
        if ('$eq' in value) setAt(base, splitPath(key), deepClone(value.$eq));
        continue;
      }
      if (value instanceof RegExp || (value as { _bsontype?: string })?._bsontype === 'BSONRegExp') continue;
      setAt(base, splitPath(key), deepClone(value));
    }
  };
  visit(filter);
  return base;
}
