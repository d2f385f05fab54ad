/**
 * Routes a command to its handler inside the right session/transaction context, answers
 * retried retryable writes from the session's cache, and shapes errors as
 * {ok:0, errmsg, code, codeName, errorLabels?}.
 */
import { type Doc } from '../bson/values';
import { errorDocument, ErrorCodes, MongoServerError, toServerError } from '../errors';
import { validateDbName } from '../engine/catalog';
import { type Session } from '../engine/sessions';
import { type Transaction } from '../engine/transaction';
import { type IncomingCommand } from '../wire/messages';
import { type ConnectionInfo } from '../wire/server';
import { type CommandContext, type CommandHandler, type ServerState } from './context';
import { commandTable } from './table';
import { resolveTransaction, TRANSACTION_COMMANDS, txnNumberOf } from './transactions';

const RETRYABLE_WRITES = new Set(['insert', 'update', 'delete', 'findAndModify', 'findandmodify']);

/** The error reply document for a failure. */
export function errorReply(err: unknown): Doc {
  return errorDocument(err);
}

function commandName(cmd: Doc): string {
  return Object.keys(cmd)[0] ?? '';
}

async function runInTransaction(
  ctx: CommandContext,
  handler: CommandHandler,
  txn: Transaction,
): Promise<Doc> {
  if (!TRANSACTION_COMMANDS.has(ctx.name)) {
    throw new MongoServerError(
      'OperationNotSupportedInTransaction',
      `Cannot run '${ctx.name}' in a multi-document transaction.`,
    );
  }
  try {
    return await handler(ctx);
  } catch (err) {
    const e = toServerError(err);
    const isTxnControl = ctx.name === 'commitTransaction' || ctx.name === 'abortTransaction';
    if (!isTxnControl && txn.state === 'inProgress')
      ctx.engine.abortTransaction(txn, `${ctx.name} failed: ${e.message}`);
    if (e.code === ErrorCodes.WriteConflict && !e.errorLabels.includes('TransientTransactionError'))
      e.errorLabels.push('TransientTransactionError');
    throw e;
  }
}

async function runRetryable(
  ctx: CommandContext,
  handler: CommandHandler,
  session: Session,
  txnNumber: bigint,
): Promise<Doc> {
  const recorded = ctx.engine.retryTable.get(session.id);
  if (recorded && recorded.txnNumber > session.txnNumber) session.txnNumber = recorded.txnNumber;
  if (txnNumber < session.txnNumber) {
    throw new MongoServerError(
      'TransactionTooOld',
      `Retryable write with txnNumber ${txnNumber} is prohibited on session ${session.id} because a newer retryable write with txnNumber ${session.txnNumber} has already started on this session.`,
    );
  }
  if (txnNumber === session.txnNumber) {
    if (session.retryReply?.txnNumber === txnNumber) return session.retryReply.reply;
    if (recorded?.txnNumber === txnNumber) return recorded.reply;
  }
  if (session.txn && session.txn.state === 'inProgress')
    ctx.engine.abortTransaction(session.txn, 'a retryable write started');
  session.txnNumber = txnNumber;
  session.txn = undefined;
  const retryCtx: CommandContext = { ...ctx, retry: { sessionId: session.id, txnNumber } };
  const reply = Promise.resolve()
    .then(() => handler(retryCtx))
    .catch(errorReply);
  session.retryReply = { txnNumber, reply };
  return reply;
}

/** Executes one command from the wire and returns its reply document (never throws). */
export async function dispatch(
  server: ServerState,
  request: IncomingCommand,
  conn: ConnectionInfo,
): Promise<Doc> {
  const cmd = request.command;
  const name = commandName(cmd);
  server.commandCounts.set(name, (server.commandCounts.get(name) ?? 0) + 1);
  try {
    const handler = commandTable[name];
    if (!handler) {
      throw new MongoServerError(
        'CommandNotSupported',
        `no such command: '${name}' (embedded-mongo does not support the '${name}' command)`,
      );
    }
    validateDbName(request.db);
    const session = cmd.lsid !== undefined ? server.sessions.get(cmd.lsid) : undefined;
    const txnNumber = txnNumberOf(cmd);
    const base = { server, engine: server.engine, db: request.db, cmd, name, conn, sessionId: session?.id };
    if (session && txnNumber !== undefined && cmd.autocommit === false) {
      const txn = resolveTransaction(server, session, cmd, txnNumber);
      return await runInTransaction({ ...base, txn }, handler, txn);
    }
    if (session && txnNumber !== undefined && RETRYABLE_WRITES.has(name)) {
      return await runRetryable(base, handler, session, txnNumber);
    }
    return await handler(base);
  } catch (err) {
    return errorReply(err);
  }
}
