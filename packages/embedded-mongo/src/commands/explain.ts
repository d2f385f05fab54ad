/**
 * explain for find, aggregate, count, update and delete, at the verbosities queryPlanner,
 * executionStats and allPlansExecution. The explained command is planned and its reads run
 * (writes are not applied) to report totalKeysExamined/totalDocsExamined/nReturned.
 */
import { type Doc, isDocument } from '../bson/values';
import { fail } from '../errors';
import { findDocuments } from '../engine/reader';
import { parseSort, sortDocuments } from '../query/sort';
import { collationFor, type CommandContext, optionalDoc, optionalInt } from './context';
import { executionStats, queryPlanner, readPlan } from './explainPlan';
import { SERVER_VERSION } from './handshake';
import { isModified, planUpdate, updatedDocument } from './updateCommand';

const VERBOSITIES = new Set(['queryPlanner', 'executionStats', 'allPlansExecution']);

interface ReadRequest {
  coll: string;
  filter: Doc;
  sort?: Doc;
  skip?: number;
  limit?: number;
  projection?: Doc;
  /** The statement's collation field (the collection default applies when absent). */
  collation?: unknown;
}

function runRead(ctx: CommandContext, req: ReadRequest) {
  const coll = ctx.engine.catalog.get(ctx.db, req.coll);
  const before = coll?.docsExamined ?? 0;
  const start = process.hrtime.bigint();
  const sort = parseSort(req.sort);
  const skip = req.skip ?? 0;
  const needed = req.limit ? skip + req.limit : undefined;
  const collation = collationFor(coll, req.collation);
  const result = findDocuments(coll, req.filter, { txn: ctx.txn, sort, limit: needed, collation });
  let found = result.found;
  if (sort.length > 0 && !result.sorted)
    found = sortDocuments(
      found,
      sort,
      (f) => f.doc,
      collation,
      (f) => f.textScore,
    );
  found = found.slice(skip, needed);
  const millis = Math.round(Number(process.hrtime.bigint() - start) / 1e6);
  const plan = readPlan({
    coll,
    filter: req.filter,
    indexName: result.indexName,
    sort: req.sort,
    skip: req.skip,
    limit: req.limit,
    projection: req.projection,
    sortedByIndex: result.sorted && sort.length > 0,
  });
  const measured = {
    nReturned: found.length,
    keysExamined: result.keysExamined ?? 0,
    docsExamined: (coll?.docsExamined ?? 0) - before,
    millis,
  };
  return { plan, measured, found, ns: `${ctx.db}.${req.coll}` };
}

function reply(ctx: CommandContext, inner: Doc, parts: Doc): Doc {
  const [host, port] = ctx.server.advertisedAddress.split(':');
  return {
    explainVersion: '1',
    ...parts,
    command: { ...inner, $db: ctx.db },
    serverInfo: { host, port: Number(port), version: SERVER_VERSION, gitVersion: 'embedded-mongo' },
    serverParameters: {
      internalQueryFacetBufferSizeBytes: 104857600,
      internalQueryMaxBlockingSortMemoryUsageBytes: 104857600,
    },
    ok: 1,
  };
}

function explained(
  ctx: CommandContext,
  inner: Doc,
  verbosity: string,
  req: ReadRequest,
  wrap?: (plan: Doc, found: number) => Doc,
): Doc {
  const { plan, measured, ns, found } = runRead(ctx, req);
  const winning = wrap ? wrap(plan, found.length) : plan;
  const parts: Doc = { queryPlanner: queryPlanner(ns, req.filter, winning) };
  if (verbosity !== 'queryPlanner') {
    const m = wrap ? { ...measured, nReturned: 0 } : measured;
    parts.executionStats = executionStats(winning, m, verbosity);
  }
  return reply(ctx, inner, parts);
}

/** Explains an aggregate: a leading $match is the cursor's query, the other stages follow it. */
export function explainAggregate(ctx: CommandContext, inner: Doc, verbosity: string): Doc {
  const pipeline = Array.isArray(inner.pipeline)
    ? (inner.pipeline as Doc[])
    : fail('TypeMismatch', "'pipeline' option must be specified as an array");
  const first = pipeline[0];
  const filter = isDocument(first) && isDocument(first.$match) ? first.$match : {};
  const rest = isDocument(first) && isDocument(first.$match) ? pipeline.slice(1) : pipeline;
  const req = { coll: String(inner.aggregate), filter, collation: inner.collation };
  if (rest.length === 0) return explained(ctx, inner, verbosity, req);
  const { plan, measured, ns } = runRead(ctx, req);
  const cursor: Doc = { queryPlanner: queryPlanner(ns, filter, plan) };
  if (verbosity !== 'queryPlanner') cursor.executionStats = executionStats(plan, measured, verbosity);
  return reply(ctx, inner, { stages: [{ $cursor: cursor }, ...rest.map((s) => ({ ...s }))] });
}

function explainWrite(ctx: CommandContext, inner: Doc, verbosity: string, kind: 'update' | 'delete'): Doc {
  const list = inner[kind === 'update' ? 'updates' : 'deletes'];
  const stmt =
    Array.isArray(list) && isDocument(list[0])
      ? list[0]
      : fail('FailedToParse', `explain of ${kind} needs one statement`);
  const filter = isDocument(stmt.q) ? stmt.q : {};
  const single = kind === 'update' ? stmt.multi !== true : Number(stmt.limit ?? 0) === 1;
  const req = { coll: String(inner[kind]), filter, limit: single ? 1 : undefined, collation: stmt.collation };
  return explained(ctx, inner, verbosity, req, (plan, n) => {
    if (kind === 'delete') return { stage: 'DELETE', nWouldDelete: n, inputStage: plan };
    const update = planUpdate(stmt.u, stmt.arrayFilters);
    const { found } = runRead(ctx, req);
    const modified = found.filter((f) => isModified(f.doc, updatedDocument(f, update))).length;
    return {
      stage: 'UPDATE',
      nMatched: n,
      nWouldModify: modified,
      nWouldUpsert: n === 0 && stmt.upsert === true ? 1 : 0,
      inputStage: plan,
    };
  });
}

/** explain: {explain: {find|aggregate|count|update|delete: …}, verbosity}. */
export function explainCommand(ctx: CommandContext): Doc {
  const inner = ctx.cmd.explain;
  if (!isDocument(inner)) return fail('FailedToParse', 'explain command requires a nested object');
  const verbosity = ctx.cmd.verbosity === undefined ? 'allPlansExecution' : String(ctx.cmd.verbosity);
  if (!VERBOSITIES.has(verbosity))
    fail(
      'FailedToParse',
      `verbosity string must be one of {'queryPlanner', 'executionStats', 'allPlansExecution'}`,
    );
  const name = Object.keys(inner)[0];
  switch (name) {
    case 'find':
      return explained(ctx, inner, verbosity, {
        coll: String(inner.find),
        filter: optionalDoc(inner, 'filter') ?? {},
        sort: optionalDoc(inner, 'sort'),
        skip: optionalInt(inner, 'skip'),
        limit: optionalInt(inner, 'limit') ? Math.abs(optionalInt(inner, 'limit')!) : undefined,
        projection: optionalDoc(inner, 'projection'),
        collation: inner.collation,
      });
    case 'aggregate':
      return explainAggregate(ctx, inner, verbosity);
    case 'count': {
      const query = optionalDoc(inner, 'query') ?? {};
      const req = { coll: String(inner.count), filter: query, collation: inner.collation };
      return explained(ctx, inner, verbosity, req, (plan) =>
        Object.keys(query).length === 0
          ? { stage: 'RECORD_STORE_FAST_COUNT' }
          : { stage: 'COUNT', inputStage: plan },
      );
    }
    case 'update':
    case 'delete':
      return explainWrite(ctx, inner, verbosity, name);
    default:
      return fail('CommandNotSupported', `Explain failed due to unknown command: ${name}`);
  }
}
