/**
 * Session and transaction commands, and resolving which transaction a command runs in.
 */
import { UUID } from 'bson';
import { type Doc, isDocument, Long } from '../bson/values';
import { MongoServerError } from '../errors';
import { type Session, SESSION_TIMEOUT_MINUTES, sessionKey } from '../engine/sessions';
import { type Transaction } from '../engine/transaction';
import { type CommandContext, type ServerState } from './context';

/** Commands allowed inside a multi-document transaction. */
export const TRANSACTION_COMMANDS = new Set([
  'find',
  'getMore',
  'killCursors',
  'insert',
  'update',
  'delete',
  'findAndModify',
  'findandmodify',
  'aggregate',
  'distinct',
  'commitTransaction',
  'abortTransaction',
  'endSessions',
  'hello',
  'isMaster',
  'ismaster',
  'ping',
]);

function noSuchTransaction(txnNumber: bigint, session: Session): MongoServerError {
  const reason = session.txn?.abortReason ? ` (${session.txn.abortReason})` : '';
  return new MongoServerError(
    'NoSuchTransaction',
    `Transaction with { txnNumber: ${txnNumber} } has been aborted${reason}.`,
    {},
    ['TransientTransactionError'],
  );
}

/** The transaction a command with {txnNumber, autocommit:false} runs in, starting one if asked. */
export function resolveTransaction(
  server: ServerState,
  session: Session,
  cmd: Doc,
  txnNumber: bigint,
): Transaction {
  if (txnNumber < session.txnNumber) {
    throw new MongoServerError(
      'TransactionTooOld',
      `txnNumber ${txnNumber} is less than last txnNumber ${session.txnNumber} seen in session ${session.id}`,
    );
  }
  if (cmd.startTransaction === true) {
    if (txnNumber === session.txnNumber && session.txn) {
      throw new MongoServerError(
        'IllegalOperation',
        `Cannot start transaction ${txnNumber} on session ${session.id} because a newer transaction has already started`,
      );
    }
    if (session.txn) server.engine.abortTransaction(session.txn, 'a newer transaction started');
    session.txnNumber = txnNumber;
    session.txn = server.engine.beginTransaction(session.id, txnNumber);
    session.retryReply = undefined;
    return session.txn;
  }
  const txn = session.txn;
  if (txnNumber !== session.txnNumber || !txn || txn.txnNumber !== txnNumber)
    throw noSuchTransaction(txnNumber, session);
  const name = Object.keys(cmd)[0];
  if (txn.state === 'aborted' && name !== 'abortTransaction') throw noSuchTransaction(txnNumber, session);
  if (txn.state === 'committed' && name !== 'commitTransaction' && name !== 'abortTransaction') {
    throw new MongoServerError('TransactionCommitted', `Transaction ${txnNumber} has been committed.`);
  }
  return txn;
}

/** commitTransaction: commits, or answers ok again for an already committed transaction. */
export async function commitTransactionCommand(ctx: CommandContext): Promise<Doc> {
  const txn = ctx.txn;
  if (!txn)
    throw new MongoServerError('NoSuchTransaction', 'commitTransaction requires a transaction', {}, [
      'TransientTransactionError',
    ]);
  if (txn.state === 'committed') return { ok: 1 };
  if (txn.state === 'aborted') {
    throw new MongoServerError(
      'NoSuchTransaction',
      `Transaction with { txnNumber: ${txn.txnNumber} } has been aborted.`,
      {},
      ['TransientTransactionError'],
    );
  }
  await ctx.engine.commitTransaction(txn);
  return { ok: 1 };
}

/** abortTransaction: discards the transaction's writes. */
export function abortTransactionCommand(ctx: CommandContext): Doc {
  const txn = ctx.txn;
  if (!txn || txn.state === 'aborted') {
    throw new MongoServerError('NoSuchTransaction', 'Transaction has been aborted.', {}, [
      'TransientTransactionError',
    ]);
  }
  if (txn.state === 'committed')
    throw new MongoServerError('TransactionCommitted', `Transaction ${txn.txnNumber} has been committed.`);
  ctx.engine.abortTransaction(txn, 'abortTransaction');
  return { ok: 1 };
}

/** Ends sessions: aborts their open transactions and closes their cursors. */
export function endSessions(server: ServerState, keys: string[]): void {
  for (const key of keys) {
    const session = server.sessions.remove(key);
    if (session?.txn) server.engine.abortTransaction(session.txn, 'session ended');
    server.cursors.killForSession(key);
  }
}

export function endSessionsCommand(ctx: CommandContext): Doc {
  const list = Array.isArray(ctx.cmd[ctx.name]) ? (ctx.cmd[ctx.name] as unknown[]) : [];
  const keys: string[] = [];
  for (const lsid of list) {
    try {
      keys.push(sessionKey(lsid));
    } catch {
      // Malformed entries are ignored like mongod ignores unknown sessions.
    }
  }
  endSessions(ctx.server, keys);
  return { ok: 1 };
}

export function killAllSessionsCommand(ctx: CommandContext): Doc {
  endSessions(
    ctx.server,
    ctx.server.sessions.all().map((s) => s.id),
  );
  return { ok: 1 };
}

export function startSessionCommand(ctx: CommandContext): Doc {
  const id = new UUID();
  ctx.server.sessions.get({ id: id.toBinary() });
  return { id: { id }, timeoutMinutes: SESSION_TIMEOUT_MINUTES, ok: 1 };
}

export function refreshSessionsCommand(ctx: CommandContext): Doc {
  const list = Array.isArray(ctx.cmd.refreshSessions) ? ctx.cmd.refreshSessions : [];
  for (const lsid of list) if (isDocument(lsid)) ctx.server.sessions.peek(lsid);
  return { ok: 1 };
}

/** Reads txnNumber (a Long on the wire) as a bigint. */
export function txnNumberOf(cmd: Doc): bigint | undefined {
  const raw = cmd.txnNumber;
  if (raw === undefined) return undefined;
  if (raw instanceof Long) return raw.toBigInt();
  if (typeof raw === 'number') return BigInt(Math.trunc(raw));
  throw new MongoServerError('TypeMismatch', 'txnNumber must be a long');
}
