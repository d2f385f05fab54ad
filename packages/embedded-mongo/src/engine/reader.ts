/**
 * Reading matching documents from a collection, outside a transaction (latest committed
 * state) or inside one (its snapshot plus its own writes). Candidate ids come from the
 * planner; the full filter is always applied to each candidate.
 */
import { type Collation } from '../bson/collation';
import { type Doc } from '../bson/values';
import { compileFilter, type Matcher, type MatchDetails } from '../query/matcher';
import { type SortField } from '../query/sort';
import { type Collection } from '../storage/collection';
import { planQuery } from '../storage/planner';
import { planNear } from '../geo/nearPlan';
import { type Transaction } from './transaction';

export interface FoundDocument {
  id: string;
  /** The stored document itself: callers must copy before handing it out or changing it. */
  doc: Doc;
  /** Array index of the first positional match (for `$` updates and projections). */
  arrayIndex?: number;
  /** The `$text` score (projection and sort by {$meta: 'textScore'}). */
  textScore?: number;
}

export interface ReadOptions {
  txn?: Transaction;
  sort?: SortField[];
  /** Stop after this many matches (only honoured when results come in sort order). */
  limit?: number;
  variables?: Doc;
  /** The query's collation (see collationFor): matching and index choice follow it. */
  collation?: Collation;
  /** Precompiled filter (saves recompiling in loops). */
  matcher?: Matcher;
}

export interface ReadResult {
  found: FoundDocument[];
  /** True when `found` is already in the requested sort order. */
  sorted: boolean;
  indexName?: string;
  /** Candidate ids the plan produced (explain's totalKeysExamined). */
  keysExamined?: number;
}

function extraIdsForSnapshot(coll: Collection, txn: Transaction): string[] {
  const extra: string[] = [];
  for (const [id, versions] of coll.history)
    if (versions.some((v) => v.until > txn.snapshotTs)) extra.push(id);
  for (const id of txn.existingOverlay(coll)?.keys() ?? []) extra.push(id);
  return extra;
}

/** Finds the documents of `coll` matching `filter`. A missing collection yields nothing. */
export function findDocuments(
  coll: Collection | undefined,
  filter: Doc | undefined,
  options: ReadOptions = {},
): ReadResult {
  if (!coll) return { found: [], sorted: true };
  const matcher =
    options.matcher ??
    compileFilter(filter, {
      variables: options.variables,
      collation: options.collation,
      textIndex: coll.textIndex,
    });
  const txn = options.txn;
  // $near orders by distance (an explicit sort wins, as in MongoDB).
  const near = planNear(coll, filter);
  const plan = near
    ? { ...near, sorted: (options.sort?.length ?? 0) === 0 }
    : planQuery(coll, filter, options.sort, options.collation);
  const found: FoundDocument[] = [];
  const details: MatchDetails = {};
  const consider = (id: string, doc: Doc | undefined): void => {
    if (!doc) return;
    coll.docsExamined++;
    details.arrayIndex = undefined;
    if (matcher(doc, details))
      found.push({ id, doc, arrayIndex: details.arrayIndex, textScore: details.textScore });
  };
  if (!txn) {
    if (!plan) {
      for (const [id, rec] of coll.records) consider(id, rec.doc);
      return { found, sorted: false };
    }
    const limit = plan.sorted ? options.limit : undefined;
    let keys = 0;
    for (const id of plan.ids) {
      keys++;
      consider(id, coll.get(id));
      if (limit !== undefined && found.length >= limit) break;
    }
    return { found, sorted: plan.sorted, indexName: plan.indexName, keysExamined: keys };
  }
  const extra = extraIdsForSnapshot(coll, txn);
  const seen = new Set<string>();
  const visit = (id: string): void => {
    if (seen.has(id)) return;
    seen.add(id);
    consider(id, txn.read(coll, id));
  };
  for (const id of plan ? plan.ids : coll.records.keys()) visit(id);
  for (const id of extra) visit(id);
  return { found, sorted: plan?.sorted === true && extra.length === 0, indexName: plan?.indexName };
}
