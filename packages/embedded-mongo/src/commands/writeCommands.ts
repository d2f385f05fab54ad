/**
 * The insert and delete commands, and the write-error bookkeeping shared with update.
 * Per-statement errors go into `writeErrors` (ordered batches stop at the first);
 * WriteConflict inside a transaction is a command error so drivers can retry the transaction.
 */
import { type Doc, isDocument, Long, toNumber } from '../bson/values';
import { ErrorCodes, fail, type MongoServerError, toServerError } from '../errors';
import { findDocuments } from '../engine/reader';
import { DirectWriter, type Writer } from '../engine/writers';
import {
  collationFor,
  type CommandContext,
  collectionName,
  ensureCollection,
  findCollection,
  flushWriter,
  runStatement,
  writerFor,
} from './context';
import { prepareInsert } from './documents';

export interface WriteErrorEntry extends Doc {
  index: number;
  code: number;
  errmsg: string;
}

/** Converts a statement's failure into a writeErrors entry (rethrows transaction-fatal ones). */
export function writeErrorFor(ctx: CommandContext, index: number, err: unknown): WriteErrorEntry {
  const e = toServerError(err);
  if (ctx.txn && e.code === ErrorCodes.WriteConflict) throw e;
  const entry: WriteErrorEntry = { index, code: e.code, errmsg: e.message };
  if (e.code === ErrorCodes.DuplicateKey) Object.assign(entry, e.extra);
  else entry.codeName = e.codeName;
  if (e.extra.errInfo !== undefined) entry.errInfo = e.extra.errInfo;
  return entry;
}

/** Reads the statements array of a write command (`documents`, `updates`, `deletes`). */
export function statements(ctx: CommandContext, field: string): unknown[] {
  const list = ctx.cmd[field];
  if (!Array.isArray(list))
    fail('FailedToParse', `BSON field '${ctx.name}.${field}' is missing but a required field`);
  if (list.length > 100_000)
    fail('InvalidOptions', `Write batch sizes must be between 1 and 100000. Got ${list.length} operations.`);
  return list;
}

/** Finishes a plain write command: journal, then reply (transactional writes journal at commit). */
export async function finishWrite(
  ctx: CommandContext,
  writer: Writer,
  pending: Promise<void>[],
  reply: Doc,
): Promise<Doc> {
  if (ctx.retry && writer instanceof DirectWriter) {
    const at = Date.now();
    ctx.engine.retryTable.set(ctx.retry.sessionId, { txnNumber: ctx.retry.txnNumber, reply, at });
    writer.ops.push({
      op: 'rw',
      session: ctx.retry.sessionId,
      txnNumber: Long.fromBigInt(ctx.retry.txnNumber),
      reply,
      at: new Date(at),
    });
  }
  flushWriter(writer, pending, ctx.engine);
  await Promise.all(pending);
  if (ctx.txn && Array.isArray(reply.writeErrors) && reply.writeErrors.length > 0) {
    ctx.engine.abortTransaction(ctx.txn, 'a write in the transaction failed');
  }
  return reply;
}

/** insert: {insert, documents, ordered} → {n, writeErrors?}. */
export async function insertCommand(ctx: CommandContext): Promise<Doc> {
  const name = collectionName(ctx);
  const docs = statements(ctx, 'documents');
  const ordered = ctx.cmd.ordered !== false;
  const pending: Promise<void>[] = [];
  const coll = ensureCollection(ctx, name, pending);
  const writer = writerFor(ctx);
  const writeErrors: WriteErrorEntry[] = [];
  let n = 0;
  for (let i = 0; i < docs.length; i++) {
    try {
      const doc = prepareInsert(docs[i]);
      const done = runStatement(writer, pending, ctx.engine, () => writer.insert(coll, doc));
      if (done instanceof Promise) await done;
      n++;
    } catch (err) {
      writeErrors.push(writeErrorFor(ctx, i, err));
      if (ordered) break;
    }
  }
  const reply: Doc = { n, ok: 1 };
  if (writeErrors.length > 0) reply.writeErrors = writeErrors;
  return finishWrite(ctx, writer, pending, reply);
}

/** delete: {delete, deletes: [{q, limit}], ordered} → {n, writeErrors?}. */
export async function deleteCommand(ctx: CommandContext): Promise<Doc> {
  const name = collectionName(ctx);
  const stmts = statements(ctx, 'deletes');
  const ordered = ctx.cmd.ordered !== false;
  const coll = findCollection(ctx, name);
  const writer = writerFor(ctx);
  const pending: Promise<void>[] = [];
  const writeErrors: WriteErrorEntry[] = [];
  let n = 0;
  for (let i = 0; i < stmts.length; i++) {
    try {
      const stmt = stmts[i];
      if (!isDocument(stmt) || !isDocument(stmt.q))
        fail('FailedToParse', "BSON field 'delete.deletes.q' is missing but a required field");
      const limit = toNumber(stmt.limit) ?? 0;
      if (limit !== 0 && limit !== 1)
        fail('FailedToParse', `The limit field in delete objects must be 0 or 1. Got ${limit}`);
      const removed = runStatement(writer, pending, ctx.engine, () => {
        const { found } = findDocuments(coll, stmt.q as Doc, {
          txn: ctx.txn,
          limit: limit === 1 ? 1 : undefined,
          collation: collationFor(coll, stmt.collation),
        });
        const targets = limit === 1 ? found.slice(0, 1) : found;
        if (!coll || targets.length === 0) return 0;
        writer.ensureWritable(
          coll,
          targets.map((t) => t.id),
          [],
        );
        for (const t of targets) writer.remove(coll, t.id);
        return targets.length;
      });
      n += removed instanceof Promise ? await removed : removed;
    } catch (err) {
      writeErrors.push(writeErrorFor(ctx, i, err));
      if (ordered) break;
    }
  }
  const reply: Doc = { n, ok: 1 };
  if (writeErrors.length > 0) reply.writeErrors = writeErrors;
  return finishWrite(ctx, writer, pending, reply);
}

/** True for the error class that aborts a transaction with TransientTransactionError. */
export function isTransient(err: MongoServerError): boolean {
  return err.errorLabels.includes('TransientTransactionError');
}
