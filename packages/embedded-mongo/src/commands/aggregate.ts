/**
 * aggregate: a leading $match is answered with the planner and this package's matcher, the
 * rest of the pipeline runs in mingo over copies of the documents. Inside a transaction every
 * collection read ($lookup, $unionWith included) sees the transaction's snapshot. Two count
 * shapes (countDocuments, grouped counts) skip mingo and, where an index allows, the documents.
 */
import { type Collation, parseCollation } from '../bson/collation';
import { type Doc, isDocument } from '../bson/values';
import { fail } from '../errors';
import { findDocuments } from '../engine/reader';
import { countByIndex } from '../storage/planner';
import { groupedCounts } from './groupedCounts';
import { explainAggregate } from './explain';
import { geoNearDocuments } from '../geo/geoNearStage';
import { runPipeline, toMingoValue } from '../agg/expressions';
import { validateCollectionName } from '../engine/catalog';
import { collationFor, type CommandContext, cursorReply, optionalDoc, optionalInt } from './context';

function readCollection(ctx: CommandContext, name: string, filter?: Doc): Doc[] {
  const coll = ctx.engine.catalog.get(ctx.db, name);
  return findDocuments(coll, filter, {
    txn: ctx.txn,
    variables: optionalDoc(ctx.cmd, 'let'),
    collation: collationFor(coll, ctx.cmd.collation),
  }).found.map((f) => toMingoValue(f.doc) as Doc);
}

/**
 * The shape drivers send for countDocuments after a leading $match: optional $skip/$limit, then
 * {$group: {_id: <constant>, n: {$sum: 1}}}. Answered from the match count without copying the
 * documents into mingo; undefined when the stages have any other shape.
 */
function countOnly(stages: Doc[], matched: number): Doc[] | undefined {
  let n = matched;
  for (let i = 0; i < stages.length; i++) {
    const stage = stages[i];
    const keys = Object.keys(stage);
    if (keys.length !== 1) return undefined;
    const value = stage[keys[0]];
    if (keys[0] === '$skip' && typeof value === 'number' && Number.isInteger(value) && value >= 0)
      n = Math.max(0, n - value);
    else if (keys[0] === '$limit' && typeof value === 'number' && Number.isInteger(value) && value > 0)
      n = Math.min(n, value);
    else if (keys[0] === '$group' && i === stages.length - 1 && isDocument(value)) {
      const id = value._id;
      if (!(id === null || typeof id === 'number' || (typeof id === 'string' && !id.startsWith('$'))))
        return undefined;
      const out: Doc = { _id: id };
      for (const field of Object.keys(value)) {
        if (field === '_id') continue;
        const acc = value[field];
        if (!isDocument(acc) || Object.keys(acc).length !== 1 || acc.$sum !== 1) return undefined;
        out[field] = n;
      }
      return n > 0 ? [out] : [];
    } else return undefined;
  }
  return undefined;
}

/** The n of a {$limit: n} stage (positive integer), else undefined. */
function leadingLimit(stage: unknown): number | undefined {
  const n = isDocument(stage) ? stage.$limit : undefined;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : undefined;
}

/** aggregate: {aggregate: coll | 1, pipeline, cursor: {batchSize}, let}. */
export function aggregateCommand(ctx: CommandContext): Doc {
  const target = ctx.cmd.aggregate;
  const pipeline = ctx.cmd.pipeline;
  if (!Array.isArray(pipeline)) fail('TypeMismatch', "'pipeline' option must be specified as an array");
  // The legacy form {aggregate, pipeline, explain: true} reports the queryPlanner verbosity.
  if (ctx.cmd.explain === true) return explainAggregate(ctx, ctx.cmd, 'queryPlanner');
  if (!isDocument(ctx.cmd.cursor) && ctx.cmd.cursor !== undefined)
    fail('TypeMismatch', 'cursor field must be missing or an object');
  const stages = pipeline as Doc[];
  let input: Doc[];
  let rest = stages;
  let ns: string;
  let collation: Collation | undefined = target === 1 ? parseCollation(ctx.cmd.collation) : undefined;
  if (target === 1) {
    input = [];
    ns = `${ctx.db}.$cmd.aggregate`;
  } else {
    validateCollectionName(ctx.db, target);
    ns = `${ctx.db}.${target}`;
    const first = stages[0];
    const counted =
      isDocument(first) && isDocument(first.$match) && stages.slice(1).every(isDocument)
        ? countOnly(stages.slice(1), 0)
        : undefined;
    const targetColl = ctx.engine.catalog.get(ctx.db, target);
    collation = collationFor(targetColl, ctx.cmd.collation);
    // Like countDocuments' fast path, only outside transactions and without `let` or collation.
    const grouped =
      counted || ctx.txn || ctx.cmd.let || collation
        ? undefined
        : groupedCounts(ctx.engine.catalog.get(ctx.db, target), stages);
    if (isDocument(first) && first.$geoNear !== undefined) {
      // $geoNear answers from the geo index, in distance order (see geo/geoNearStage).
      const coll = ctx.engine.catalog.get(ctx.db, target);
      input = geoNearDocuments(
        first.$geoNear,
        {
          coll,
          read: (id) => (ctx.txn && coll ? ctx.txn.read(coll, id) : coll?.get(id)),
          variables: optionalDoc(ctx.cmd, 'let'),
          limit: leadingLimit(stages[1]),
        },
        (doc) => toMingoValue(doc) as Doc,
      );
      rest = stages.slice(1);
    } else if (counted) {
      // countDocuments: count the matches without copying them.
      const coll = ctx.engine.catalog.get(ctx.db, target);
      const filter = first.$match as Doc;
      const matched =
        (coll && !ctx.txn && !ctx.cmd.let ? countByIndex(coll, filter, collation) : undefined) ??
        findDocuments(coll, filter, { txn: ctx.txn, variables: optionalDoc(ctx.cmd, 'let'), collation }).found
          .length;
      input = countOnly(stages.slice(1), matched)!;
      rest = [];
    } else if (grouped) {
      // Batched waitlist positions: per-clause index counts, no scan or copy (see groupedCounts).
      input = grouped;
      rest = [];
    } else if (isDocument(first) && isDocument(first.$match)) {
      input = readCollection(ctx, target, first.$match);
      rest = stages.slice(1);
    } else {
      input = readCollection(ctx, target);
    }
  }
  const output =
    rest.length > 0
      ? runPipeline(input, rest, {
          resolveCollection: (name) => readCollection(ctx, name),
          variables: optionalDoc(ctx.cmd, 'let'),
          collation,
        })
      : input;
  const cursorSpec = (ctx.cmd.cursor as Doc | undefined) ?? {};
  const batch = ctx.server.cursors.open(
    { ns, items: output, produce: (d) => d, sessionId: ctx.sessionId },
    optionalInt(cursorSpec, 'batchSize'),
  );
  return cursorReply(batch, 'firstBatch');
}
