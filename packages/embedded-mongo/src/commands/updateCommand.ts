/**
 * The update command, plus the update/upsert steps findAndModify shares.
 */
import { ObjectId } from 'bson';
import { compareValues } from '../bson/compare';
import { type Doc, isDocument } from '../bson/values';
import { fail } from '../errors';
import { type FoundDocument } from '../engine/reader';
import { findDocuments } from '../engine/reader';
import { type Writer } from '../engine/writers';
import { type Collection } from '../storage/collection';
import {
  applyUpdate,
  compileArrayFilters,
  type ParsedUpdate,
  parseUpdate,
  upsertBaseFromFilter,
} from '../update/applyUpdate';
import {
  type CommandContext,
  collectionName,
  ensureCollection,
  collationFor,
  findCollection,
  runStatement,
  writerFor,
} from './context';
import { checkSize, validateForStorage } from './documents';
import { finishWrite, statements, type WriteErrorEntry, writeErrorFor } from './writeCommands';

export interface UpdatePlan {
  update: ParsedUpdate;
  arrayFilters: Map<string, (element: unknown) => boolean>;
}

/** Parses `u` and `arrayFilters` of one statement. */
export function planUpdate(u: unknown, arrayFilters: unknown): UpdatePlan {
  return { update: parseUpdate(u), arrayFilters: compileArrayFilters(arrayFilters) };
}

/** Computes the new version of a matched document (validated, size-checked). */
export function updatedDocument(target: FoundDocument, plan: UpdatePlan): Doc {
  const doc = applyUpdate(target.doc, plan.update, {
    matchedIndex: target.arrayIndex,
    arrayFilters: plan.arrayFilters,
  });
  validateForStorage(doc);
  checkSize(doc);
  return doc;
}

/** Builds the document an upsert inserts when nothing matched. */
export function upsertDocument(filter: Doc, plan: UpdatePlan): Doc {
  const base = plan.update.kind === 'replacement' ? pickId(filter) : upsertBaseFromFilter(filter);
  let doc = applyUpdate(base, plan.update, { isInsert: true, arrayFilters: plan.arrayFilters });
  if (doc._id === undefined) doc = { _id: new ObjectId(), ...doc };
  validateForStorage(doc);
  checkSize(doc);
  return doc;
}

function pickId(filter: Doc): Doc {
  const base = upsertBaseFromFilter(filter);
  return base._id === undefined ? {} : { _id: base._id };
}

/** True when the update changed anything (field order counts, as in MongoDB). */
export function isModified(before: Doc, after: Doc): boolean {
  return compareValues(before, after) !== 0;
}

interface StatementResult {
  matched: number;
  modified: number;
  upsertedId?: unknown;
}

function runUpdateStatement(
  ctx: CommandContext,
  writer: Writer,
  coll: Collection | undefined,
  stmt: Doc,
  getColl: () => Collection,
): StatementResult {
  const filter = stmt.q as Doc;
  const plan = planUpdate(stmt.u, stmt.arrayFilters);
  const multi = stmt.multi === true;
  if (multi && plan.update.kind === 'replacement')
    fail('FailedToParse', 'multi update is not supported for replacement-style update');
  const collation = collationFor(coll, stmt.collation);
  const { found } = findDocuments(coll, filter, { txn: ctx.txn, limit: multi ? undefined : 1, collation });
  const targets = multi ? found : found.slice(0, 1);
  if (targets.length === 0) {
    if (stmt.upsert !== true) return { matched: 0, modified: 0 };
    const doc = upsertDocument(filter, plan);
    writer.insert(getColl(), doc);
    return { matched: 0, modified: 0, upsertedId: doc._id };
  }
  const changes: Array<{ id: string; doc: Doc }> = [];
  let failure: unknown;
  for (const target of targets) {
    try {
      const doc = updatedDocument(target, plan);
      if (isModified(target.doc, doc)) changes.push({ id: target.id, doc });
    } catch (err) {
      failure = err;
      break;
    }
  }
  const collection = coll as Collection;
  writer.ensureWritable(
    collection,
    changes.map((c) => c.id),
    changes.map((c) => c.doc),
  );
  for (const change of changes) writer.replace(collection, change.id, change.doc);
  if (failure) throw failure;
  return { matched: targets.length, modified: changes.length };
}

/** update: {update, updates: [{q, u, upsert, multi, arrayFilters}], ordered}. */
export async function updateCommand(ctx: CommandContext): Promise<Doc> {
  const name = collectionName(ctx);
  const stmts = statements(ctx, 'updates');
  const ordered = ctx.cmd.ordered !== false;
  const writer = writerFor(ctx);
  const pending: Promise<void>[] = [];
  const writeErrors: WriteErrorEntry[] = [];
  const upserted: Doc[] = [];
  let n = 0;
  let nModified = 0;
  for (let i = 0; i < stmts.length; i++) {
    try {
      const stmt = stmts[i];
      if (!isDocument(stmt) || !isDocument(stmt.q))
        fail('FailedToParse', "BSON field 'update.updates.q' is missing but a required field");
      if (stmt.u === undefined)
        fail('FailedToParse', "BSON field 'update.updates.u' is missing but a required field");
      const run = runStatement(writer, pending, ctx.engine, () =>
        runUpdateStatement(ctx, writer, findCollection(ctx, name), stmt, () =>
          ensureCollection(ctx, name, pending),
        ),
      );
      const result = run instanceof Promise ? await run : run;
      n += result.matched;
      nModified += result.modified;
      if (result.upsertedId !== undefined) {
        n++;
        upserted.push({ index: i, _id: result.upsertedId });
      }
    } catch (err) {
      writeErrors.push(writeErrorFor(ctx, i, err));
      if (ordered) break;
    }
  }
  const reply: Doc = { n, nModified, ok: 1 };
  if (upserted.length > 0) reply.upserted = upserted;
  if (writeErrors.length > 0) reply.writeErrors = writeErrors;
  return finishWrite(ctx, writer, pending, reply);
}
