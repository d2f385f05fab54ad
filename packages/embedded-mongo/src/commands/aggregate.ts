/**
 * aggregate: a leading $match is answered with the planner and this package's matcher, the
 * rest of the pipeline runs in mingo over copies of the documents. Inside a transaction every
 * collection read ($lookup, $unionWith included) sees the transaction's snapshot.
 */
import { type Doc, isDocument } from '../bson/values';
import { fail } from '../errors';
import { findDocuments } from '../engine/reader';
import { runPipeline, toMingoValue } from '../agg/expressions';
import { validateCollectionName } from '../engine/catalog';
import { type CommandContext, cursorReply, optionalDoc, optionalInt } from './context';

function readCollection(ctx: CommandContext, name: string, filter?: Doc): Doc[] {
  const coll = ctx.engine.catalog.get(ctx.db, name);
  return findDocuments(coll, filter, { txn: ctx.txn, variables: optionalDoc(ctx.cmd, 'let') }).found.map(
    (f) => toMingoValue(f.doc) as Doc,
  );
}

/** aggregate: {aggregate: coll | 1, pipeline, cursor: {batchSize}, let}. */
export function aggregateCommand(ctx: CommandContext): Doc {
  const target = ctx.cmd.aggregate;
  const pipeline = ctx.cmd.pipeline;
  if (!Array.isArray(pipeline)) fail('TypeMismatch', "'pipeline' option must be specified as an array");
  if (ctx.cmd.explain)
    fail('CommandNotSupported', 'aggregate with explain is not supported by embedded-mongo');
  if (!isDocument(ctx.cmd.cursor) && ctx.cmd.cursor !== undefined)
    fail('TypeMismatch', 'cursor field must be missing or an object');
  const stages = pipeline as Doc[];
  let input: Doc[];
  let rest = stages;
  let ns: string;
  if (target === 1) {
    input = [];
    ns = `${ctx.db}.$cmd.aggregate`;
  } else {
    validateCollectionName(ctx.db, target);
    ns = `${ctx.db}.${target}`;
    const first = stages[0];
    if (isDocument(first) && isDocument(first.$match)) {
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
        })
      : input;
  const cursorSpec = (ctx.cmd.cursor as Doc | undefined) ?? {};
  const batch = ctx.server.cursors.open(
    { ns, items: output, produce: (d) => d, sessionId: ctx.sessionId },
    optionalInt(cursorSpec, 'batchSize'),
  );
  return cursorReply(batch, 'firstBatch');
}
