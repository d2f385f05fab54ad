/**
 * A fast path for "grouped counts": {$match: clause | {$or: [clauses]}} then
 * {$group: {_id: '$field', n: {$sum: 1}, ...}}. The BFF batches the waitlist positions of
 * several trips into one such query per event-loop turn; the generic path would scan the whole
 * collection for the $or and copy every match into mingo, while here each clause is counted from
 * an index without reading a document.
 *
 * Why the answer equals the generic one: countByIndex answers only from a plain (not multikey)
 * index holding `field`, so every document a clause counts has a single scalar `field` value,
 * equal to that clause's equality value. Pairwise distinct values make the clauses disjoint, so
 * under $or each clause's count is exactly the size of its group. Anything else is declined and
 * takes the generic path.
 */
import { canonicalKey } from '../bson/keys';
import { bsonTypeTag, type Doc, isDocument } from '../bson/values';
import { type Collection } from '../storage/collection';
import { countByIndex } from '../storage/planner';

export interface GroupedCountShape {
  /** The top-level field grouped on (`_id: '$field'`). */
  field: string;
  /** Output fields, each `{$sum: 1}`. */
  accumulators: string[];
  /** The $or clauses, or the $match itself as one clause. */
  clauses: Doc[];
}

/**
 * Whether every value equal to `v` looks the same once grouped. Numbers do not qualify: 5 also
 * matches Decimal128("5"), which the generic $group would report as its _id instead of 5.
 */
function sameWhenEqual(v: unknown): boolean {
  return (
    typeof v === 'string' || typeof v === 'boolean' || v instanceof Date || bsonTypeTag(v) === 'ObjectId'
  );
}

/** The clause's scalar equality value on `field` (plain or {$eq: v}), or undefined. */
function equalityOn(clause: Doc, field: string): unknown {
  const cond = clause[field];
  if (!isDocument(cond)) return cond;
  const ops = Object.keys(cond);
  return ops.length === 1 && ops[0] === '$eq' ? cond.$eq : undefined;
}

function onlyStage(stage: unknown, name: string): Doc | undefined {
  if (!isDocument(stage) || Object.keys(stage).length !== 1) return undefined;
  const spec = stage[name];
  return isDocument(spec) ? spec : undefined;
}

/** The pipeline's parts when it has the grouped-count shape, else undefined. Reads no data. */
export function groupedCountShape(stages: unknown[]): GroupedCountShape | undefined {
  if (stages.length !== 2) return undefined;
  const match = onlyStage(stages[0], '$match');
  const group = onlyStage(stages[1], '$group');
  if (!match || !group) return undefined;
  const id = group._id;
  if (typeof id !== 'string' || !id.startsWith('$')) return undefined;
  const field = id.slice(1);
  if (field === '' || field.startsWith('$') || field.includes('.')) return undefined;
  const accumulators = Object.keys(group).filter((k) => k !== '_id');
  if (accumulators.length === 0) return undefined;
  for (const name of accumulators) {
    // Invalid output names are left to the generic path, which reports the error.
    if (name.startsWith('$') || name.includes('.')) return undefined;
    const acc = group[name];
    if (!isDocument(acc) || Object.keys(acc).length !== 1 || acc.$sum !== 1) return undefined;
  }
  const keys = Object.keys(match);
  let clauses: unknown[] = [match];
  if (keys.length === 1 && keys[0] === '$or') {
    if (!Array.isArray(match.$or)) return undefined;
    clauses = match.$or;
  }
  if (clauses.length === 0 || !clauses.every(isDocument)) return undefined;
  return { field, accumulators, clauses: clauses as Doc[] };
}

/**
 * The grouped counts, one document per clause with at least one match (in clause order, as
 * $group's order is unspecified), or undefined when the fast path cannot prove its answer.
 * The caller must rule out transactions and `let` variables, which only the generic path honours.
 */
export function groupedCounts(coll: Collection | undefined, stages: unknown[]): Doc[] | undefined {
  const shape = groupedCountShape(stages);
  if (!coll || !shape) return undefined;
  const values: unknown[] = [];
  const seen = new Set<string>();
  for (const clause of shape.clauses) {
    const value = equalityOn(clause, shape.field);
    if (!sameWhenEqual(value)) return undefined;
    // canonicalKey is equal exactly when MongoDB considers the values equal.
    const key = canonicalKey(value);
    if (seen.has(key)) return undefined;
    seen.add(key);
    values.push(value);
  }
  const counts: number[] = [];
  for (const clause of shape.clauses) {
    const n = countByIndex(coll, clause);
    if (n === undefined) return undefined;
    counts.push(n);
  }
  const out: Doc[] = [];
  counts.forEach((n, i) => {
    if (n === 0) return;
    const doc: Doc = { _id: values[i] };
    for (const name of shape.accumulators) doc[name] = n;
    out.push(doc);
  });
  return out;
}
