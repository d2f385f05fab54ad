/**
 * Running aggregation expressions and pipelines through mingo with this package's context.
 * Inputs are deep-copied first (mingo works in place) and Longs that fit in a double become
 * numbers so mingo's arithmetic and equality see them as numbers.
 */
import { Aggregator } from 'mingo/aggregator';
import { evalExpr } from 'mingo/core';
import { type Collation } from '../bson/collation';
import { setOwnField } from '../bson/ownField';
import { bsonTypeTag, type Doc, isDocument, type Long } from '../bson/values';
import { fail, MongoServerError } from '../errors';
import { registerExpressionEvaluator } from '../query/expressionHook';
import { aggregationContext } from './mingoContext';

/** Deep copy for mingo: containers copied, safe-range Longs turned into numbers. */
export function toMingoValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(toMingoValue);
  if (value instanceof Date) return new Date(value.getTime());
  const tag = bsonTypeTag(value);
  if (tag === 'Long') {
    const long = value as Long;
    const n = long.toNumber();
    return Number.isSafeInteger(n) ? n : long;
  }
  if (tag !== undefined) return value;
  const out: Doc = {};
  for (const key of Object.keys(value)) setOwnField(out, key, toMingoValue((value as Doc)[key]));
  return out;
}

/** Reports mingo's own errors as MongoDB-shaped errors (BadValue unless already ours). */
export function translateMingoError(err: unknown): never {
  if (err instanceof MongoServerError) throw err;
  const message = err instanceof Error ? err.message : String(err);
  return fail('BadValue', message);
}

function withNow(variables: Doc | undefined): Doc {
  return { NOW: new Date(), CLUSTER_TIME: new Date(), ...(variables ?? {}) };
}

/** Evaluates an aggregation expression against a document ($expr, computed projections). */
export function evaluateExpression(doc: Doc, expr: unknown, variables?: Doc): unknown {
  try {
    return evalExpr(toMingoValue(doc), expr, {
      context: aggregationContext,
      variables: withNow(variables),
    } as never);
  } catch (err) {
    return translateMingoError(err);
  }
}

registerExpressionEvaluator(evaluateExpression);

/** Options for running a pipeline over an in-memory document list. */
export interface PipelineOptions {
  /** Returns the documents of another collection in the same database ($lookup, $unionWith). */
  resolveCollection?: (name: string) => Doc[];
  variables?: Doc;
  /** The command's collation: this package's $match and $sort stages compare strings by it. */
  collation?: Collation;
}

/** Runs an aggregation pipeline over documents that were already copied with toMingoValue. */
export function runPipeline(docs: Doc[], pipeline: Doc[], options: PipelineOptions = {}): Doc[] {
  for (const stage of pipeline) {
    if (!isDocument(stage) || Object.keys(stage).length !== 1) {
      fail('Location40352', 'A pipeline stage specification object must contain exactly one field.');
    }
  }
  try {
    const aggregator = new Aggregator(pipeline, {
      context: aggregationContext,
      variables: withNow(options.variables),
      embeddedCollation: options.collation,
      collectionResolver: (name: string) =>
        options.resolveCollection ? options.resolveCollection(name) : [],
    } as never);
    return aggregator.run(docs) as Doc[];
  } catch (err) {
    return translateMingoError(err);
  }
}

/** Applies a find() projection that contains aggregation expressions. */
export function projectWithExpressions(doc: Doc, spec: Doc): Doc {
  const [out] = runPipeline([toMingoValue(doc) as Doc], [{ $project: spec }]);
  return out;
}
