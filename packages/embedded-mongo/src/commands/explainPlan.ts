/**
 * The plan trees explain reports, in mongod's classic-engine shapes: COLLSCAN, IXSCAN under a
 * FETCH (with the residual filter), IDHACK for an _id point lookup, GEO_NEAR_2DSPHERE/2D, and
 * SORT/SKIP/LIMIT/PROJECTION stages on top, plus executionStats with the counters measured.
 */
import { type Doc } from '../bson/values';
import { type Collection } from '../storage/collection';

export interface ReadShape {
  coll: Collection | undefined;
  filter: Doc;
  indexName?: string;
  sort?: Doc;
  skip?: number;
  limit?: number;
  projection?: Doc;
  /** True when the reader answered the sort from the index order. */
  sortedByIndex?: boolean;
}

/** The leaf stage (plus FETCH) that reads the documents. */
function accessStage(shape: ReadShape): Doc {
  const index = shape.indexName ? shape.coll?.indexes.get(shape.indexName) : undefined;
  const hasFilter = Object.keys(shape.filter).length > 0;
  if (!index)
    return hasFilter
      ? { stage: 'COLLSCAN', filter: shape.filter, direction: 'forward' }
      : { stage: 'COLLSCAN', direction: 'forward' };
  if (index.geo) {
    return {
      stage: index.geo.kind === '2dsphere' ? 'GEO_NEAR_2DSPHERE' : 'GEO_NEAR_2D',
      keyPattern: { ...index.spec.key },
      indexName: index.name,
      indexVersion: 2,
    };
  }
  const keys = Object.keys(shape.filter);
  if (index.name === '_id_' && keys.length === 1 && keys[0] === '_id' && !shape.sort)
    return { stage: 'IDHACK' };
  const ixscan: Doc = {
    stage: 'IXSCAN',
    keyPattern: { ...index.spec.key },
    indexName: index.name,
    isMultiKey: index.multikey,
    isUnique: index.unique,
    isSparse: index.sparse,
    isPartial: index.partialFilter !== undefined,
    indexVersion: 2,
    direction: 'forward',
  };
  return hasFilter
    ? { stage: 'FETCH', filter: shape.filter, inputStage: ixscan }
    : { stage: 'FETCH', inputStage: ixscan };
}

/** The winning plan of a read: access stage, then SORT, SKIP, LIMIT and projection as mongod stacks them. */
export function readPlan(shape: ReadShape): Doc {
  let plan = accessStage(shape);
  const sorting = shape.sort && Object.keys(shape.sort).length > 0 && !shape.sortedByIndex;
  if (sorting) {
    plan = { stage: 'SORT', sortPattern: shape.sort, memLimit: 104857600, type: 'simple', inputStage: plan };
    if (shape.limit) plan.limitAmount = shape.limit + (shape.skip ?? 0);
  }
  if (shape.skip) plan = { stage: 'SKIP', skipAmount: shape.skip, inputStage: plan };
  if (shape.limit && !sorting) plan = { stage: 'LIMIT', limitAmount: shape.limit, inputStage: plan };
  if (shape.projection && Object.keys(shape.projection).length > 0)
    plan = { stage: 'PROJECTION_DEFAULT', transformBy: shape.projection, inputStage: plan };
  return plan;
}

export interface Measured {
  nReturned: number;
  keysExamined: number;
  docsExamined: number;
  millis: number;
}

/** executionStats in mongod's shape; allPlansExecution is empty (one plan is ever considered). */
export function executionStats(plan: Doc, m: Measured, verbosity: string): Doc {
  const stats: Doc = {
    executionSuccess: true,
    nReturned: m.nReturned,
    executionTimeMillis: m.millis,
    totalKeysExamined: m.keysExamined,
    totalDocsExamined: m.docsExamined,
    executionStages: { ...plan, nReturned: m.nReturned, executionTimeMillisEstimate: m.millis },
  };
  if (verbosity === 'allPlansExecution') stats.allPlansExecution = [];
  return stats;
}

/** The queryPlanner section. */
export function queryPlanner(ns: string, filter: Doc, winningPlan: Doc): Doc {
  return {
    namespace: ns,
    indexFilterSet: false,
    parsedQuery: filter,
    maxIndexedOrSolutionsReached: false,
    maxIndexedAndSolutionsReached: false,
    maxScansToExplodeReached: false,
    winningPlan,
    rejectedPlans: [],
  };
}
