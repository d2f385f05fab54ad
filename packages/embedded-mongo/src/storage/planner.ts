/**
 * A small query planner: finds equality, $in and range predicates on top-level paths (also
 * inside $and) and picks an index to produce candidate record ids. The caller always applies
 * the full filter to the candidates, so a plan only has to be a superset of the matches.
 *
 * A partial index holds only the documents matching its `partialFilterExpression`, so it may
 * serve a query only when every document the query can match is in it, i.e. when the query
 * implies the partial filter (`impliesPartialFilter`, deliberately conservative).
 */
import { type Collation, collationFree, sameCollation } from '../bson/collation';
import { compareValues, sameTypeBracket } from '../bson/compare';
import { canonicalKey } from '../bson/keys';
import { type Doc, isDocument, isNumeric, typeRank } from '../bson/values';
import { compileFilter } from '../query/matcher';
import { isRegexValue } from '../query/regex';
import { type SortField } from '../query/sort';
import { type Collection } from './collection';
import { type CollectionIndex, entryId, type IndexEntry } from './collectionIndex';

interface Bound {
  value: unknown;
  inclusive: boolean;
}

interface PathPredicates {
  eq?: unknown;
  in?: unknown[];
  lower?: Bound;
  upper?: Bound;
  /** `$exists: true` (or an operator that cannot match a missing field). */
  exists?: boolean;
}

export interface Plan {
  /** Candidate record ids (may contain ids whose documents do not match). */
  ids: Iterable<string>;
  /** True when ids come in the order of the requested sort. */
  sorted: boolean;
  /** Name of the index used (for explain-like diagnostics and tests). */
  indexName: string;
}

function indexable(value: unknown): boolean {
  if (value === null || value === undefined || Array.isArray(value) || isRegexValue(value)) return false;
  if (isDocument(value)) return !Object.keys(value).some((k) => k.startsWith('$'));
  return true;
}

function collectPredicates(filter: Doc, out: Map<string, PathPredicates>): void {
  for (const key of Object.keys(filter)) {
    const cond = filter[key];
    if (key === '$and' && Array.isArray(cond)) {
      for (const clause of cond) if (isDocument(clause)) collectPredicates(clause, out);
      continue;
    }
    if (key.startsWith('$')) continue;
    const preds = out.get(key) ?? {};
    const isOps = isDocument(cond) && Object.keys(cond)[0]?.startsWith('$');
    if (!isOps) {
      if (indexable(cond)) preds.eq = cond;
    } else {
      const ops = cond as Doc;
      if ('$eq' in ops && indexable(ops.$eq)) preds.eq = ops.$eq;
      if (Array.isArray(ops.$in) && ops.$in.every(indexable)) preds.in = ops.$in;
      for (const op of ['$gt', '$gte'] as const) {
        if (op in ops && indexable(ops[op])) preds.lower = { value: ops[op], inclusive: op === '$gte' };
      }
      for (const op of ['$lt', '$lte'] as const) {
        if (op in ops && indexable(ops[op])) preds.upper = { value: ops[op], inclusive: op === '$lte' };
      }
      if (preds.lower && preds.upper && typeRank(preds.lower.value) !== typeRank(preds.upper.value))
        delete preds.upper;
      if (ops.$exists === true || ops.$exists === 1) preds.exists = true;
    }
    out.set(key, preds);
  }
}

/** True when the single (non-array, non-null) value `v` satisfies `{[op]: operand}`. */
function valueSatisfies(op: string, operand: unknown, v: unknown): boolean {
  try {
    return compileFilter({ v: { [op]: operand } })({ v });
  } catch {
    return false;
  }
}

function numberAlias(spec: unknown): boolean {
  return (Array.isArray(spec) ? spec : [spec]).includes('number');
}

/** Every value the query allows on this path by equality ($eq or $in), or undefined. */
function pointValues(p: PathPredicates): unknown[] | undefined {
  if (p.eq !== undefined) return [p.eq];
  return p.in && p.in.length > 0 ? p.in : undefined;
}

function boundImplies(query: Bound | undefined, op: string, operand: unknown, lower: boolean): boolean {
  if (!query || operand === null || !sameTypeBracket(query.value, operand)) return false;
  if (typeRank(query.value) !== typeRank(operand)) return false;
  const c = compareValues(query.value, operand) * (lower ? 1 : -1);
  const partialInclusive = op === '$gte' || op === '$lte';
  return c > 0 || (c === 0 && (partialInclusive || !query.inclusive));
}

/**
 * Whether one partial-filter operator is implied by the query's predicates on the same path.
 * Every supported operator is existential over array elements, exactly like the query's own
 * equality and range predicates, so "each value the query admits satisfies it" suffices.
 */
function operatorImplied(op: string, operand: unknown, p: PathPredicates): boolean {
  const points = pointValues(p);
  switch (op) {
    case '$eq':
    case '$in':
      return points !== undefined && points.every((v) => valueSatisfies(op, operand, v));
    case '$type':
      // Numeric equality crosses types ({f: 5} also matches Long(5) and Decimal128("5")), so a
      // numeric value implies only the "number" alias, not "int"/"double"/"long"/"decimal".
      return (
        points !== undefined &&
        points.every((v) => (isNumeric(v) ? numberAlias(operand) : valueSatisfies(op, operand, v)))
      );
    case '$exists':
      // indexable() never admits null/missing as an equality or bound value.
      return operand === true || operand === 1
        ? p.exists === true || points !== undefined || p.lower !== undefined || p.upper !== undefined
        : false;
    case '$gt':
    case '$gte':
      if (points) return points.every((v) => valueSatisfies(op, operand, v));
      return boundImplies(p.lower, op, operand, true);
    case '$lt':
    case '$lte':
      if (points) return points.every((v) => valueSatisfies(op, operand, v));
      return boundImplies(p.upper, op, operand, false);
    default:
      return false;
  }
}

/**
 * True when every document matching a query with these predicates also matches the partial
 * filter expression. Supported: top-level `$and` and per-path equality, `$eq`, `$in`,
 * `$exists: true`, `$type` and `$gt/$gte/$lt/$lte`. Anything else (e.g. `$or`) is "not
 * implied", which only costs a scan, never a wrong answer.
 */
export function impliesPartialFilter(partial: Doc, preds: Map<string, PathPredicates>): boolean {
  for (const key of Object.keys(partial)) {
    const cond = partial[key];
    if (key === '$and') {
      if (!Array.isArray(cond) || cond.length === 0) return false;
      if (!cond.every((c) => isDocument(c) && impliesPartialFilter(c, preds))) return false;
      continue;
    }
    if (key.startsWith('$')) return false;
    const p = preds.get(key);
    if (!p) return false;
    const isOps = isDocument(cond) && Object.keys(cond)[0]?.startsWith('$');
    if (!isOps) {
      if (isRegexValue(cond) || !operatorImplied('$eq', cond, p)) return false;
      continue;
    }
    const ops = cond as Doc;
    if (Object.keys(ops).length === 0) return false;
    for (const op of Object.keys(ops)) if (!operatorImplied(op, ops[op], p)) return false;
  }
  return true;
}

/** Ids of entries whose first key component lies within the bounds of one type bracket. */
/**
 * Ids of the entries whose first `eqs.length` fields equal `eqs` (index order) and whose next
 * field lies within [lower, upper] (both optional). With no equalities this is a range scan on
 * the first field. A range stays within one BSON type bracket, like MongoDB's index bounds.
 */
function* prefixScan(
  index: CollectionIndex,
  eqs: unknown[],
  lower: Bound | undefined,
  upper: Bound | undefined,
): Generator<string> {
  const k = eqs.length;
  const prefixCmp = (e: IndexEntry): number => {
    for (let i = 0; i < k; i++) {
      const c = compareValues(e[i], eqs[i], index.collation) * index.fields[i].direction;
      if (c !== 0) return c;
    }
    return 0;
  };
  const bounded = k < index.fields.length && (lower !== undefined || upper !== undefined);
  const rank = bounded ? typeRank((lower ?? upper)!.value) : 0;
  const belowLower = (v: unknown): boolean => {
    const r = typeRank(v);
    if (r !== rank) return r < rank;
    if (!lower) return false;
    const c = compareValues(v, lower.value, index.collation);
    return c < 0 || (c === 0 && !lower.inclusive);
  };
  const aboveUpper = (v: unknown): boolean => {
    const r = typeRank(v);
    if (r !== rank) return r > rank;
    if (!upper) return false;
    const c = compareValues(v, upper.value, index.collation);
    return c > 0 || (c === 0 && !upper.inclusive);
  };
  const ascending = !bounded || index.fields[k].direction === 1;
  const before = ascending ? belowLower : aboveUpper;
  const after = ascending ? aboveUpper : belowLower;
  const start = index.ordered.seek((e: IndexEntry) => {
    const c = prefixCmp(e);
    if (c !== 0) return c < 0 ? -1 : 0;
    return bounded && before(e[k]) ? -1 : 0;
  });
  for (const entry of index.ordered.forward(start)) {
    if (prefixCmp(entry) !== 0) return;
    if (bounded && after(entry[k])) return;
    yield entryId(entry);
  }
}

/** A range on the index's first field. */
function rangeScan(
  index: CollectionIndex,
  lower: Bound | undefined,
  upper: Bound | undefined,
): Generator<string> {
  return prefixScan(index, [], lower, upper);
}

function* unique(ids: Iterable<string>): Generator<string> {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    yield id;
  }
}

/** Ids of the one key tuple a query fixes on every field of the index (a hash probe), if it does. */
function exactIds(index: CollectionIndex, values: unknown[]): string[] | undefined {
  return values.every((v) => v !== undefined) ? index.lookup(values) : undefined;
}

/**
 * The longest run of equalities from the first field, then a range on the next one (not on a
 * multikey index, where one document's entries may straddle the bounds). Stops and answers
 * undefined once `limit` ids are found: such a plan could not beat one with `limit` candidates,
 * and walking the rest of a long prefix (a whole day's check-ins) per query was most of the
 * planner's time.
 */
function prefixIds(
  index: CollectionIndex,
  preds: Map<string, PathPredicates>,
  values: unknown[],
  limit: number,
): string[] | undefined {
  let k = 0;
  while (k < values.length && values[k] !== undefined) k++;
  if (k === 0) return undefined;
  const next = index.multikey ? undefined : preds.get(index.fields[k].path);
  const scan = prefixScan(index, values.slice(0, k), next?.lower, next?.upper);
  const ids: string[] = [];
  // Only a multikey index holds several entries for one document.
  for (const id of index.multikey ? unique(scan) : scan) {
    ids.push(id);
    if (ids.length >= limit) return undefined;
  }
  return ids;
}

/**
 * The equality plan: an index whose every field the query fixes (exact) wins over one fixing
 * a prefix; among the same kind the fewest candidates win; in index order, a prefix plan
 * replaces an exact one only with strictly fewer ids, and the next exact plan replaces any
 * prefix plan. Prefix scans are counted only as far as that order can use them.
 */
function bestEqualityPlan(
  indexes: CollectionIndex[],
  preds: Map<string, PathPredicates>,
): { ids: string[]; indexName: string } | undefined {
  const values = indexes.map((index) => index.fields.map((f) => preds.get(f.path)?.eq));
  const exact = indexes.map((index, i) => exactIds(index, values[i]));
  let lastExact = -1;
  exact.forEach((ids, i) => {
    if (ids) lastExact = i;
  });
  let best: { ids: string[]; indexName: string; exact: boolean } | undefined;
  for (let i = 0; i < indexes.length; i++) {
    const ids = exact[i];
    if (ids) {
      if (!best || !best.exact || ids.length < best.ids.length)
        best = { ids, indexName: indexes[i].name, exact: true };
      // A point hit (an _id, a unique key) leaves only a plan with no candidates to beat it,
      // and that one answers the same after the filter: no prefix is worth a seek (an update
      // by _id of a trip would otherwise seek each of its compound indexes).
      if (best.exact && best.ids.length <= 1) break;
      continue;
    }
    // A later exact plan displaces whatever prefix plan would be chosen here.
    if ((!best || !best.exact) && i < lastExact) continue;
    const prefix = prefixIds(indexes[i], preds, values[i], best ? best.ids.length : Infinity);
    if (prefix) best = { ids: prefix, indexName: indexes[i].name, exact: false };
  }
  return best;
}

/** Most key tuples a batched `$in` probes per value of the first field before it walks instead. */
const MAX_PROBES_PER_VALUE = 64;

/**
 * The values a query allows on each of the index's later fields, in the index's order, when
 * every one of them is fixed by an equality or an `$in` (and their combinations are few).
 */
function restPoints(index: CollectionIndex, preds: Map<string, PathPredicates>): unknown[][] | undefined {
  const lists: unknown[][] = [];
  let combinations = 1;
  for (let i = 1; i < index.fields.length; i++) {
    const p = preds.get(index.fields[i].path);
    let values: unknown[];
    if (p?.eq !== undefined) values = [p.eq];
    else if (p?.in && p.in.length > 0) {
      const direction = index.fields[i].direction;
      values = [...new Map(p.in.map((v) => [canonicalKey(v, index.collation), v])).values()];
      values.sort((a, b) => compareValues(a, b, index.collation) * direction);
    } else return undefined;
    combinations *= values.length;
    if (combinations > MAX_PROBES_PER_VALUE) return undefined;
    lists.push(values);
  }
  return lists;
}

/** Every tuple of one value per list, in lexicographic (index) order. */
function tuples(lists: unknown[][]): unknown[][] {
  let out: unknown[][] = [[]];
  for (const list of lists) out = out.flatMap((prefix) => list.map((v) => [...prefix, v]));
  return out;
}

function inIds(index: CollectionIndex, values: unknown[], preds: Map<string, PathPredicates>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const distinct = new Map(values.map((v) => [canonicalKey(v, index.collation), v]));
  // When the query fixes every other field by equality or a short `$in` (a batch of `{worker:
  // {$in}, day}` or `{worker: {$in}, day: {$in: [day]}}`), each value is a few key tuples: hash
  // probes instead of a walk over all of the value's entries (every day of a worker). Tuples
  // are probed in index order and one tuple's ids sorted, as the ordered list holds them.
  const rest = index.fields.length > 1 ? restPoints(index, preds) : undefined;
  const restTuples = rest ? tuples(rest) : undefined;
  for (const v of distinct.values()) {
    const ids =
      index.fields.length === 1
        ? index.lookup([v])
        : restTuples
          ? restTuples.flatMap((t) => index.lookup([v, ...t]).sort())
          : rangeScan(index, { value: v, inclusive: true }, { value: v, inclusive: true });
    for (const id of ids) {
      if (!seen.has(id)) {
        seen.add(id);
        out.push(id);
      }
    }
  }
  return out;
}

function sortScan(
  collection: Collection,
  sort: SortField[],
  usable: (index: CollectionIndex) => boolean,
  collation: Collation | undefined,
): Plan | undefined {
  for (const index of collection.indexes.values()) {
    // Index order is the index's collation order: it answers only a sort under the same one.
    if (
      !usable(index) ||
      !sameCollation(index.collation, collation) ||
      index.sparse ||
      index.multikey ||
      index.fields.length < sort.length
    )
      continue;
    const sameDirection = sort.every(
      (s, i) => index.fields[i].path === s.path && index.fields[i].direction === s.direction,
    );
    const reversed = sort.every(
      (s, i) => index.fields[i].path === s.path && index.fields[i].direction === -s.direction,
    );
    if (!sameDirection && !reversed) continue;
    const entries = sameDirection ? index.ordered.forward() : index.ordered.backward();
    return {
      ids: (function* () {
        for (const e of entries) yield entryId(e);
      })(),
      sorted: true,
      indexName: index.name,
    };
  }
  return undefined;
}

function predicatesCollationFree(p: PathPredicates | undefined): boolean {
  if (!p) return true;
  return [p.eq, ...(p.in ?? []), p.lower?.value, p.upper?.value].every(collationFree);
}

/**
 * As in mongod, an index answers string predicates only under the query's own collation; with
 * another collation it still serves predicates that involve no strings (numbers, dates, ids).
 */
function collationAllows(
  index: CollectionIndex,
  preds: Map<string, PathPredicates>,
  collation: Collation | undefined,
): boolean {
  return (
    sameCollation(index.collation, collation) ||
    index.fields.every((f) => predicatesCollationFree(preds.get(f.path)))
  );
}

/** Chooses candidate ids for a filter (and optionally an index order for the sort). */
export function planQuery(
  collection: Collection,
  filter: Doc | undefined,
  sort: SortField[] = [],
  collation?: Collation,
): Plan | undefined {
  const preds = new Map<string, PathPredicates>();
  if (filter) collectPredicates(filter, preds);
  const usable = (index: CollectionIndex): boolean =>
    index.spec.hidden !== true &&
    (index.usableForQueries ||
      (!index.metadataOnly &&
        index.partialFilter !== undefined &&
        impliesPartialFilter(index.partialFilter, preds))) &&
    collationAllows(index, preds, collation);
  const usableIndexes = [...collection.indexes.values()].filter(usable);
  const best = bestEqualityPlan(usableIndexes, preds);
  if (best) return { ids: best.ids, sorted: false, indexName: best.indexName };
  for (const index of usableIndexes) {
    const p = preds.get(index.fields[0].path);
    if (p?.in) return { ids: inIds(index, p.in, preds), sorted: false, indexName: index.name };
  }
  for (const index of usableIndexes) {
    const p = preds.get(index.fields[0].path);
    if (p?.lower || p?.upper) {
      const upper = index.multikey && p.lower ? undefined : p.upper;
      return { ids: unique(rangeScan(index, p.lower, upper)), sorted: false, indexName: index.name };
    }
  }
  return sort.length > 0 && !sort.some((s) => s.textScore)
    ? sortScan(collection, sort, usable, collation)
    : undefined;
}

const RANGE_OPS = new Set(['$gt', '$gte', '$lt', '$lte']);
const scalar = (v: unknown): boolean => indexable(v) && !isDocument(v);

/**
 * Counts a filter's matches from an index alone, or undefined when no index expresses the
 * filter exactly. Exact means: every condition is an equality on a leading field of one plain
 * (not multikey or sparse) index, plus at most one range on the field after them, all on scalar
 * values. The entries in those bounds are then exactly the matches (a range stays within its
 * type bracket, as the matcher's comparison does), so no document is fetched or matched: a
 * waitlist position is a count of the entries before one's own.
 */
export function countByIndex(collection: Collection, filter: Doc, collation?: Collation): number | undefined {
  const eqs = new Map<string, unknown>();
  let range: { path: string; ops: Doc } | undefined;
  for (const key of Object.keys(filter)) {
    if (key.startsWith('$')) return undefined;
    const cond = filter[key];
    if (!isDocument(cond)) {
      if (!scalar(cond)) return undefined;
      eqs.set(key, cond);
      continue;
    }
    const ops = Object.keys(cond);
    if (ops.length === 1 && ops[0] === '$eq' && scalar(cond.$eq)) eqs.set(key, cond.$eq);
    else if (!range && ops.length > 0 && ops.every((op) => RANGE_OPS.has(op) && scalar(cond[op])))
      range = { path: key, ops: cond };
    else return undefined;
  }
  const preds = new Map<string, PathPredicates>();
  collectPredicates(filter, preds);
  for (const index of collection.indexes.values()) {
    if (index.multikey || index.sparse || index.metadataOnly) continue;
    if (!sameCollation(index.collation, collation) || index.spec.hidden === true) continue;
    if (!index.usableForQueries && !(index.partialFilter && impliesPartialFilter(index.partialFilter, preds)))
      continue;
    const k = eqs.size;
    const lead = index.fields.slice(0, k).map((f) => f.path);
    if (k === 0 || lead.length < k || !lead.every((p) => eqs.has(p))) continue;
    if (range && index.fields[k]?.path !== range.path) continue;
    const p = range ? preds.get(range.path) : undefined;
    // Both bounds of one range must share a type bracket, or collectPredicates dropped one.
    if (range && Object.keys(range.ops).length !== (p?.lower ? 1 : 0) + (p?.upper ? 1 : 0)) continue;
    let n = 0;
    for (const id of prefixScan(
      index,
      lead.map((f) => eqs.get(f)),
      p?.lower,
      p?.upper,
    )) {
      void id;
      n++;
    }
    return n;
  }
  return undefined;
}
