/**
 * find, getMore, killCursors, count and distinct.
 */
import { canonicalKey } from '../bson/keys';
import { bsonSize } from '../bson/size';
import { deepClone, type Doc, Long } from '../bson/values';
import { fail, MongoServerError } from '../errors';
import { findDocuments, type FoundDocument } from '../engine/reader';
import { countByIndex } from '../storage/planner';
import { type Collection } from '../storage/collection';
import { compileProjection, isEmptyProjection } from '../query/projection';
import { collectValues, splitPath } from '../query/paths';
import { parseSort, sortDocuments } from '../query/sort';
import {
  collationFor,
  type CommandContext,
  collectionName,
  cursorReply,
  findCollection,
  optionalDoc,
  optionalInt,
} from './context';

/** Matching documents in sort order with skip/limit applied. */
export function queryDocuments(
  ctx: CommandContext,
  filter: Doc | undefined,
  sortSpec: unknown,
  skip = 0,
  limit?: number,
): FoundDocument[] {
  const parsed = parseSort(sortSpec);
  const natural = parsed[0]?.natural === true ? parsed[0].direction : undefined;
  const sort = natural === undefined ? parsed : [];
  const coll = findCollection(ctx);
  const collation = collationFor(coll, ctx.cmd.collation);
  const needed = limit !== undefined && limit > 0 ? skip + limit : undefined;
  const result = findDocuments(coll, filter, {
    txn: ctx.txn,
    sort,
    limit: natural === undefined ? needed : undefined,
    variables: optionalDoc(ctx.cmd, 'let'),
    collation,
  });
  let found = result.found;
  if (sort.length > 0 && !result.sorted)
    found = sortDocuments(
      found,
      sort,
      (f) => f.doc,
      collation,
      (f) => f.textScore,
    );
  if (natural !== undefined && coll) found = inNaturalOrder(coll, found, natural);
  if (skip > 0 || needed !== undefined) found = found.slice(skip, needed);
  return found;
}

/** Documents in insertion order (records keep it: a replace does not move a record). */
function inNaturalOrder(coll: Collection, found: FoundDocument[], direction: 1 | -1): FoundDocument[] {
  const position = new Map<string, number>();
  let i = 0;
  for (const id of coll.records.keys()) position.set(id, i++);
  const sorted = found.slice().sort((a, b) => (position.get(a.id)! - position.get(b.id)!) * direction);
  return sorted;
}

/** find: {find, filter, sort, projection, skip, limit, batchSize, singleBatch}. */
export function findCommand(ctx: CommandContext): Doc {
  const name = collectionName(ctx);
  if (ctx.cmd.tailable) fail('CommandNotSupported', 'tailable cursors are not supported by embedded-mongo');
  const filter = optionalDoc(ctx.cmd, 'filter');
  const skip = optionalInt(ctx.cmd, 'skip') ?? 0;
  if (skip < 0) fail('BadValue', 'skip value must be non-negative');
  let limit = optionalInt(ctx.cmd, 'limit');
  let singleBatch = ctx.cmd.singleBatch === true;
  if (limit !== undefined && limit < 0) {
    limit = -limit;
    singleBatch = true;
  }
  const batchSize = optionalInt(ctx.cmd, 'batchSize');
  if (batchSize !== undefined && batchSize < 0) fail('BadValue', 'batchSize value must be non-negative');
  const projection = compileProjection(ctx.cmd.projection);
  const found = queryDocuments(ctx, filter, ctx.cmd.sort, skip, limit === 0 ? undefined : limit);
  const firstBatch = limit ? Math.min(limit, batchSize ?? limit) : batchSize;
  // Without a projection the stored document goes out as it is: stored documents are never
  // changed in place (a write stores a new one) and a reply is only serialized, so a copy was
  // a second walk of every document returned, and its size is the one measured when written.
  const asStored = isEmptyProjection(ctx.cmd.projection);
  const batch = ctx.server.cursors.open(
    {
      ns: `${ctx.db}.${name}`,
      items: found,
      produce: asStored
        ? (f) => f.doc
        : (f) => projection.apply(f.doc, { arrayIndex: f.arrayIndex, textScore: f.textScore }),
      sizeOf: asStored ? bsonSize : undefined,
      sessionId: ctx.sessionId,
    },
    firstBatch,
    singleBatch,
  );
  return cursorReply(batch, 'firstBatch');
}

/** getMore: {getMore: cursorId, collection, batchSize}. */
export function getMoreCommand(ctx: CommandContext): Doc {
  const id = ctx.cmd.getMore;
  if (!(id instanceof Long) && typeof id !== 'number')
    fail('TypeMismatch', "BSON field 'getMore.getMore' is the wrong type, expected type 'long'");
  const cursorId = id instanceof Long ? id : Long.fromNumber(id);
  const batch = ctx.server.cursors.getMore(cursorId, optionalInt(ctx.cmd, 'batchSize'));
  if (!batch) throw new MongoServerError('CursorNotFound', `cursor id ${cursorId.toString()} not found`);
  return cursorReply(batch, 'nextBatch');
}

/** killCursors: {killCursors: coll, cursors: [ids]}. */
export function killCursorsCommand(ctx: CommandContext): Doc {
  const ids = Array.isArray(ctx.cmd.cursors) ? ctx.cmd.cursors : [];
  const killed: Long[] = [];
  const notFound: Long[] = [];
  for (const raw of ids) {
    const id = raw instanceof Long ? raw : Long.fromNumber(Number(raw));
    (ctx.server.cursors.kill(id) ? killed : notFound).push(id);
  }
  return { cursorsKilled: killed, cursorsNotFound: notFound, cursorsAlive: [], cursorsUnknown: [], ok: 1 };
}

/** count: {count, query, skip, limit} → {n}. */
export function countCommand(ctx: CommandContext): Doc {
  collectionName(ctx);
  const skip = optionalInt(ctx.cmd, 'skip') ?? 0;
  const limit = optionalInt(ctx.cmd, 'limit');
  const query = optionalDoc(ctx.cmd, 'query');
  const coll = findCollection(ctx);
  const collation = collationFor(coll, ctx.cmd.collation);
  let n: number;
  if ((!query || Object.keys(query).length === 0) && !ctx.txn) n = coll?.size ?? 0;
  else
    n =
      (coll && query && !ctx.txn ? countByIndex(coll, query, collation) : undefined) ??
      findDocuments(coll, query, { txn: ctx.txn, collation }).found.length;
  n = Math.max(0, n - skip);
  if (limit) n = Math.min(n, Math.abs(limit));
  return { n, ok: 1 };
}

/** distinct: {distinct, key, query} → {values}. Array values contribute their elements. */
export function distinctCommand(ctx: CommandContext): Doc {
  collectionName(ctx);
  const key = ctx.cmd.key;
  if (typeof key !== 'string' || key.length === 0)
    fail('FailedToParse', "BSON field 'distinct.key' is missing but a required field");
  const parts = splitPath(key);
  const coll = findCollection(ctx);
  const collation = collationFor(coll, ctx.cmd.collation);
  const seen = new Map<string, unknown>();
  // Under a collation, values it finds equal count once (the first one seen is reported).
  const add = (v: unknown) => {
    if (v === undefined) return;
    const k = canonicalKey(v, collation);
    if (!seen.has(k)) seen.set(k, deepClone(v));
  };
  for (const { doc } of findDocuments(coll, optionalDoc(ctx.cmd, 'query'), { txn: ctx.txn, collation })
    .found) {
    for (const pv of collectValues(doc, parts)) {
      if (Array.isArray(pv.value)) pv.value.forEach(add);
      else add(pv.value);
    }
  }
  return { values: [...seen.values()], ok: 1 };
}
