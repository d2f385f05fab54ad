/**
 * $addFields / $set, for aggregate and update pipelines alike. mingo's version replaces an
 * embedded document named in the spec, while MongoDB merges into it ({$set: {specs: {fuel: 'x'}}}
 * keeps specs' other fields, and applies to each document of an array), and mingo writes fields
 * with plain assignment, which turns a `__proto__` field into a prototype change.
 */
import { evalExpr } from 'mingo/core';
import { type Iterator } from 'mingo/lazy';
import type { Options } from 'mingo/types';
import { ownField, setOwnField } from '../bson/ownField';
import { type Doc, isDocument } from '../bson/values';
import { fail } from '../errors';

/** A spec value that is a nested field list rather than an expression ({a: {b: 1}}). */
function isNestedSpec(value: unknown): value is Doc {
  if (!isDocument(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && !keys[0].startsWith('$');
}

function copyOf(doc: Doc): Doc {
  const out: Doc = {};
  for (const key of Object.keys(doc)) setOwnField(out, key, doc[key]);
  return out;
}

/** Writes one spec entry (path `parts` under `target`), evaluating expressions against root. */
function assign(target: Doc, parts: string[], spec: unknown, root: Doc, options: Options): void {
  const [head, ...rest] = parts;
  if (rest.length === 0 && !isNestedSpec(spec)) {
    const value = evalExpr(root, spec, options);
    if (value === undefined) delete target[head];
    else setOwnField(target, head, value);
    return;
  }
  const entries: Array<[string[], unknown]> =
    rest.length > 0 ? [[rest, spec]] : Object.keys(spec as Doc).map((k) => [k.split('.'), (spec as Doc)[k]]);
  const into = (existing: unknown): Doc => {
    const sub = isDocument(existing) ? copyOf(existing) : {};
    for (const [p, s] of entries) assign(sub, p, s, root, options);
    return sub;
  };
  const existing = ownField(target, head);
  const next = Array.isArray(existing)
    ? existing.map((el) => (isDocument(el) ? into(el) : el))
    : into(existing);
  setOwnField(target, head, next);
}

/** The $addFields/$set stage over mingo's lazy iterator. */
export function addFieldsStage(coll: Iterator, spec: unknown, options: Options): Iterator {
  if (!isDocument(spec)) fail('Location40272', '$addFields specification stage must be an object');
  const fields = Object.keys(spec);
  for (const f of fields) {
    if (f.startsWith('$') || f === '' || f.endsWith('.'))
      fail(
        'Location16410',
        `Invalid $addFields :: caused by :: FieldPath field names may not start with '$'.`,
      );
  }
  return coll.map((obj: Doc) => {
    const out = copyOf(obj);
    for (const field of fields) assign(out, field.split('.'), spec[field], obj, options);
    return out;
  });
}
