/**
 * What a command handler receives, and helpers shared by handlers.
 */
import { type ObjectId } from 'bson';
import { type Collation, parseCollation } from '../bson/collation';
import { type Doc, isDocument, toNumber } from '../bson/values';
import { fail } from '../errors';
import { validateCollectionName } from '../engine/catalog';
import { type CursorRegistry } from '../engine/cursors';
import { type Engine } from '../engine/engine';
import { type SessionRegistry } from '../engine/sessions';
import { LockWait, type Transaction } from '../engine/transaction';
import { DirectWriter, TxnWriter, type Writer } from '../engine/writers';
import { type Collection } from '../storage/collection';
import { type ConnectionInfo } from '../wire/server';

/** Server-wide state commands may consult. */
export interface ServerState {
  readonly engine: Engine;
  readonly cursors: CursorRegistry;
  readonly sessions: SessionRegistry;
  readonly replSetName: string;
  /** host:port as advertised in hello (hosts, me, primary). */
  readonly advertisedAddress: string;
  readonly startedAt: Date;
  readonly electionId: ObjectId;
  readonly cmdLine: { argv: string[]; parsed: Doc };
  readonly persistent: boolean;
  /** Commands received, by name (serverStatus reports them as opcounters and metrics.commands). */
  readonly commandCounts: Map<string, number>;
  connectionCount(): number;
  /** Journal/compaction state (durable mode only). */
  storageStatus(): Doc | undefined;
}

export interface CommandContext {
  readonly server: ServerState;
  readonly engine: Engine;
  readonly db: string;
  readonly cmd: Doc;
  readonly name: string;
  readonly conn: ConnectionInfo;
  readonly txn?: Transaction;
  readonly sessionId?: string;
  /** Set for retryable writes: the reply is journaled so a retry after a restart is answered too. */
  readonly retry?: { sessionId: string; txnNumber: bigint };
}

export type CommandHandler = (ctx: CommandContext) => Doc | Promise<Doc>;

/** The collection name a command targets (its first field's value). */
export function collectionName(ctx: CommandContext): string {
  const name = ctx.cmd[ctx.name];
  validateCollectionName(ctx.db, name);
  return name;
}

/** The collection, or undefined when it does not exist. */
export function findCollection(ctx: CommandContext, name = collectionName(ctx)): Collection | undefined {
  return ctx.engine.catalog.get(ctx.db, name);
}

/** Creates the collection if needed (journaled through the given writer's ops or directly). */
export function ensureCollection(ctx: CommandContext, name: string, pending: Promise<void>[]): Collection {
  const existing = ctx.engine.catalog.get(ctx.db, name);
  if (existing) return existing;
  validateCollectionName(ctx.db, name);
  const coll = ctx.engine.catalog.create(ctx.db, name);
  pending.push(ctx.engine.journal([{ op: 'c', ns: coll.ns, o: {} }]));
  return coll;
}

/** A writer for this command: the transaction's overlay or committed state. */
export function writerFor(ctx: CommandContext): Writer {
  const writer = ctx.txn ? new TxnWriter(ctx.engine, ctx.txn) : new DirectWriter(ctx.engine);
  writer.validate = ctx.cmd.bypassDocumentValidation !== true;
  return writer;
}

/**
 * Runs one write statement; when a plain writer meets a transaction's lock it journals what
 * it has written so far, waits for the transaction to end and retries the statement. Answers
 * synchronously unless it had to wait: a bulk write's statements then run back to back,
 * without a microtask turn each (callers await only a promise).
 */
export function runStatement<T>(
  writer: Writer,
  pending: Promise<void>[],
  engine: Engine,
  statement: () => T,
): T | Promise<T> {
  try {
    return statement();
  } catch (err) {
    if (!(err instanceof LockWait)) throw err;
    flushWriter(writer, pending, engine);
    return err.until.then(() => runStatement(writer, pending, engine, statement));
  }
}

/** Hands a plain writer's collected ops to the journal (keeps journal order = apply order). */
export function flushWriter(writer: Writer, pending: Promise<void>[], engine: Engine): void {
  if (writer instanceof DirectWriter && writer.ops.length > 0)
    pending.push(engine.journal(writer.ops.splice(0)));
}

/** Reads an optional non-negative integer argument. */
export function optionalInt(cmd: Doc, field: string): number | undefined {
  const value = cmd[field];
  if (value === undefined || value === null) return undefined;
  const n = toNumber(value);
  if (n === undefined || !Number.isFinite(n)) fail('TypeMismatch', `Field '${field}' must be a number`);
  return Math.trunc(n);
}

/** Reads an optional document argument. */
export function optionalDoc(cmd: Doc, field: string): Doc | undefined {
  const value = cmd[field];
  if (value === undefined || value === null) return undefined;
  if (!isDocument(value)) fail('TypeMismatch', `Field '${field}' must be an object`);
  return value;
}

/** The cursor reply shape of find/aggregate/list*. */
export function cursorReply(
  batch: { id: unknown; ns: string; docs: Doc[] },
  field: 'firstBatch' | 'nextBatch',
): Doc {
  return { cursor: { [field]: batch.docs, id: batch.id, ns: batch.ns }, ok: 1 };
}

/**
 * The collation a statement runs under: its own `collation` field when given ({locale:
 * 'simple'} included), otherwise the collection's default from `create`.
 */
export function collationFor(coll: Collection | undefined, value: unknown): Collation | undefined {
  if (value !== undefined && value !== null) return parseCollation(value);
  return coll?.options.collation ? parseCollation(coll.options.collation) : undefined;
}
