/**
 * find() projections: inclusion, exclusion, positional `field.$`, $slice and $elemMatch.
 * Projections with aggregation expressions are delegated to the aggregation engine.
 *
 * A projected document is new at every level the projection walks, and shares every value it
 * keeps whole with the source: stored documents are never changed in place (a write stores a
 * new document) and projected ones are only serialized into replies, so deep-copying the kept
 * values (most of every returned document) bought nothing.
 */
import { setOwnField } from '../bson/ownField';
import { type Doc, isDocument, Long } from '../bson/values';
import { fail } from '../errors';
import { projectWithExpressions } from '../agg/expressions';
import { compileFilter, type MatchDetails } from './matcher';
import { elemMatchElementTest } from './operators';

type Tree = Map<string, Tree | Leaf>;
type Leaf =
  | { kind: 'include' }
  | { kind: 'slice'; skip: number; limit: number | undefined }
  | { kind: 'elemMatch'; test: (v: unknown) => boolean }
  | { kind: 'positional' };

export interface CompiledProjection {
  apply(doc: Doc, details?: MatchDetails): Doc;
  /** True when a positional `$` needs the filter's match details. */
  needsMatchDetails: boolean;
}

function isFlag(value: unknown): boolean {
  return typeof value === 'number' || typeof value === 'boolean' || value instanceof Long;
}

function flagValue(value: unknown): boolean {
  return value instanceof Long ? !value.isZero() : Boolean(value);
}

function insert(tree: Tree, parts: string[], leaf: Leaf | 'exclude', path: string): void {
  let node = tree;
  for (let i = 0; i < parts.length - 1; i++) {
    let next = node.get(parts[i]);
    if (next === undefined) {
      next = new Map();
      node.set(parts[i], next);
    } else if (!(next instanceof Map)) {
      fail('Location31250', `Path collision at ${path}`);
    }
    node = next;
  }
  const last = parts[parts.length - 1];
  if (node.has(last)) fail('Location31250', `Path collision at ${path}`);
  node.set(last, leaf === 'exclude' ? new Map([['', { kind: 'include' }]]) : leaf);
}

function parseSlice(value: unknown): Leaf {
  const toInt = (v: unknown) => Number(v instanceof Long ? v.toNumber() : v);
  if (Array.isArray(value)) {
    if (value.length !== 2 || toInt(value[1]) <= 0) fail('BadValue', '$slice limit must be positive');
    return { kind: 'slice', skip: toInt(value[0]), limit: toInt(value[1]) };
  }
  const n = toInt(value);
  return n >= 0 ? { kind: 'slice', skip: 0, limit: n } : { kind: 'slice', skip: n, limit: undefined };
}

function applySlice(arr: unknown[], leaf: { skip: number; limit: number | undefined }): unknown[] {
  const start = leaf.skip < 0 ? Math.max(arr.length + leaf.skip, 0) : Math.min(leaf.skip, arr.length);
  return leaf.limit === undefined ? arr.slice(start) : arr.slice(start, start + leaf.limit);
}

function includeInto(source: Doc, tree: Tree, details: MatchDetails | undefined): Doc {
  const out: Doc = {};
  // One included field under a wide subdocument (a slice of a rollup holding thousands of
  // fields): look it up instead of walking every field. A single field has no order to keep.
  if (tree.size === 1) {
    const [[key, node]] = tree;
    if (Object.prototype.hasOwnProperty.call(source, key)) {
      const value = projectValue(source[key], node, details);
      if (value !== undefined) setOwnField(out, key, value);
    }
    return out;
  }
  for (const key of Object.keys(source)) {
    const node = tree.get(key);
    if (node === undefined) continue;
    const value = projectValue(source[key], node, details);
    if (value !== undefined) setOwnField(out, key, value);
  }
  return out;
}

function projectValue(value: unknown, node: Tree | Leaf, details: MatchDetails | undefined): unknown {
  if (!(node instanceof Map)) {
    if (node.kind === 'include') return value;
    if (!Array.isArray(value)) return node.kind === 'slice' ? value : undefined;
    if (node.kind === 'slice') return applySlice(value, node);
    if (node.kind === 'elemMatch') {
      const hit = value.find((el) => node.test(el));
      return hit === undefined ? undefined : [hit];
    }
    const idx = details?.arrayIndex;
    if (idx === undefined || idx >= value.length)
      fail(
        'BadValue',
        'Executor error during find command :: caused by :: positional operator (field.$) requires the filter to match an array element',
      );
    return [value[idx]];
  }
  if (Array.isArray(value)) {
    return value.filter(isDocument).map((el) => includeInto(el, node, details));
  }
  if (isDocument(value)) return includeInto(value, node, details);
  return undefined;
}

function excludeFrom(source: Doc, tree: Tree): Doc {
  const out: Doc = {};
  for (const key of Object.keys(source)) {
    const node = tree.get(key);
    const value = source[key];
    let kept: unknown;
    if (node === undefined) kept = value;
    else if (node instanceof Map && node.has('')) continue;
    else if (node instanceof Map) kept = excludeValue(value, node);
    else
      kept =
        node.kind === 'slice' && Array.isArray(value)
          ? applySlice(value, node)
          : projectValue(value, node, undefined);
    if (kept !== undefined) setOwnField(out, key, kept);
  }
  return out;
}

function excludeValue(value: unknown, tree: Tree): unknown {
  if (Array.isArray(value)) return value.map((el) => (isDocument(el) ? excludeFrom(el, tree) : el));
  if (isDocument(value)) return excludeFrom(value, tree);
  return value;
}

function hasExpression(spec: Doc): boolean {
  return Object.values(spec).some((v) => {
    if (isFlag(v)) return false;
    if (isDocument(v)) {
      const k = Object.keys(v)[0];
      return k !== '$slice' && k !== '$elemMatch';
    }
    return true;
  });
}

function isTextScoreMeta(value: unknown): boolean {
  return isDocument(value) && Object.keys(value).length === 1 && value.$meta === 'textScore';
}

/**
 * Compiles a find projection; undefined or {} returns whole documents (a new top level). Fields set to
 * {$meta: 'textScore'} take the `$text` score and leave the inclusion/exclusion mode alone.
 */
export function compileProjection(spec: unknown): CompiledProjection {
  if (isDocument(spec) && Object.values(spec).some(isTextScoreMeta)) {
    const metas = Object.keys(spec).filter((k) => isTextScoreMeta(spec[k]));
    const rest: Doc = {};
    for (const k of Object.keys(spec)) if (!metas.includes(k)) setOwnField(rest, k, spec[k]);
    const inner = compileProjectionWithoutMeta(rest);
    return {
      apply: (doc, details) => {
        const out = inner.apply(doc, details);
        for (const k of metas) setOwnField(out, k, details?.textScore ?? 0);
        return out;
      },
      needsMatchDetails: inner.needsMatchDetails,
    };
  }
  return compileProjectionWithoutMeta(spec);
}

/** True when a projection spec keeps whole documents (absent, null or `{}`). */
export function isEmptyProjection(spec: unknown): boolean {
  return spec === undefined || spec === null || (isDocument(spec) && Object.keys(spec).length === 0);
}

/** A new top-level document with the same fields (a textScore field may be added to it). */
function shallowCopy(doc: Doc): Doc {
  const out: Doc = {};
  for (const key of Object.keys(doc)) setOwnField(out, key, doc[key]);
  return out;
}

function compileProjectionWithoutMeta(spec: unknown): CompiledProjection {
  if (isEmptyProjection(spec)) {
    return { apply: (doc) => shallowCopy(doc), needsMatchDetails: false };
  }
  if (!isDocument(spec)) return fail('BadValue', 'projection must be an object');
  if (hasExpression(spec))
    return { apply: (doc) => projectWithExpressions(doc, spec), needsMatchDetails: false };
  const tree: Tree = new Map();
  let mode: 'include' | 'exclude' | undefined;
  let includeId = true;
  let idNamed = false;
  let needsMatchDetails = false;
  for (const path of Object.keys(spec)) {
    const value = spec[path];
    if (path === '_id' && isFlag(value)) {
      includeId = flagValue(value);
      idNamed = true;
      continue;
    }
    if (path.endsWith('.$')) {
      needsMatchDetails = true;
      if (mode === 'exclude')
        fail('Location31253', `Cannot do inclusion on field ${path} in exclusion projection`);
      mode = 'include';
      insert(tree, path.slice(0, -2).split('.'), { kind: 'positional' }, path);
      continue;
    }
    if (isDocument(value)) {
      const op = Object.keys(value)[0];
      if (op === '$slice') insert(tree, path.split('.'), parseSlice(value.$slice), path);
      else {
        const test = elemMatchElementTest(value.$elemMatch, {}, compileFilter);
        insert(tree, path.split('.'), { kind: 'elemMatch', test }, path);
        mode = mode ?? 'include';
      }
      continue;
    }
    const include = flagValue(value);
    if (mode !== undefined && mode !== (include ? 'include' : 'exclude')) {
      fail(
        include ? 'Location31253' : 'Location31254',
        `Cannot do ${include ? 'inclusion' : 'exclusion'} on field ${path} in ${mode}sion projection`,
      );
    }
    mode = include ? 'include' : 'exclude';
    insert(tree, path.split('.'), include ? { kind: 'include' } : 'exclude', path);
  }
  // {_id: 1} alone is an inclusion projection of _id only (mongoose's exists() sends it).
  if (mode === undefined && idNamed && includeId) mode = 'include';
  if (mode === 'include') {
    if (includeId) tree.set('_id', { kind: 'include' });
    else tree.delete('_id');
    return { apply: (doc, details) => includeInto(doc, tree, details), needsMatchDetails };
  }
  if (!includeId) tree.set('_id', new Map([['', { kind: 'include' }]]));
  return { apply: (doc) => excludeFrom(doc, tree), needsMatchDetails };
}
