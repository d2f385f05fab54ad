/**
 * $unset (a field path or a list of them), for aggregate and update pipelines. mingo runs it as
 * an exclusion $project, which copies fields with Object.assign and so drops a `__proto__` field
 * (assigning it sets the copy's prototype instead).
 */
import { type Iterator } from 'mingo/lazy';
import { ownField, setOwnField } from '../bson/ownField';
import { type Doc, isDocument } from '../bson/values';
import { fail } from '../errors';

/** A copy of `doc` without the path; arrays of documents lose it in every element. */
function without(doc: Doc, parts: string[]): Doc {
  const out: Doc = {};
  const [head, ...rest] = parts;
  for (const key of Object.keys(doc)) {
    if (key !== head) setOwnField(out, key, doc[key]);
    else if (rest.length > 0) {
      const value = ownField(doc, key);
      const kept = Array.isArray(value)
        ? value.map((el) => (isDocument(el) ? without(el, rest) : el))
        : isDocument(value)
          ? without(value, rest)
          : value;
      setOwnField(out, key, kept);
    }
  }
  return out;
}

/** The $unset stage over mingo's lazy iterator. */
export function unsetStage(coll: Iterator, spec: unknown): Iterator {
  const paths = typeof spec === 'string' ? [spec] : spec;
  if (!Array.isArray(paths) || paths.length === 0 || !paths.every((p) => typeof p === 'string' && p !== ''))
    fail('Location31002', '$unset specification must be a string or an array containing only string values');
  const split = (paths as string[]).map((p) => p.split('.'));
  return coll.map((obj: Doc) => split.reduce((doc, parts) => without(doc, parts), obj));
}
