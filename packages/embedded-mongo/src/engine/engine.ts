/**
 * The database engine: catalog, logical clock, open transactions, lock tables and the hook to
 * the durability layer. Commands run synchronously against it (Node is single-threaded, so a
 * command's changes are atomic) and then wait for their journal record to reach disk.
 */
import { tupleKey } from '../bson/keys';
import { type Doc } from '../bson/values';
import { type MongoServerError, writeConflict } from '../errors';
import { type Collection, ID_INDEX_NAME, recordId } from '../storage/collection';
import { Catalog } from './catalog';
import { type JournalOp, type RetryEntry } from './journalOps';

export type { RetryEntry };
import { Transaction } from './transaction';

/** Where journaled operations go; in-memory mode acknowledges immediately. */
export interface Durability {
  /** Appends one atomic record; resolves once it is durable. */
  append(ops: JournalOp[]): Promise<void>;
}

const inMemory: Durability = { append: () => Promise.resolve() };

/** The lock-table key of one record. */
export function recordLockKey(coll: Collection, id: string): string {
  return `${coll.ns}\u0000${id}`;
}

/** The lock-table key of one unique index key. */
export function uniqueKeyLock(coll: Collection, indexName: string, values: unknown[]): string {
  const index = coll.indexes.get(indexName);
  return `${coll.ns}\u0000${indexName}\u0000${index ? index.keyOf(values) : tupleKey(values)}`;
}

export class Engine {
  readonly catalog = new Catalog();
  /** Completed retryable writes by session id; journaled and snapshotted, so it survives restarts. */
  readonly retryTable = new Map<string, RetryEntry>();
  private clock = 0;
  readonly openTxns = new Set<Transaction>();
  /** Records written by open transactions → owner. */
  readonly recordLocks = new Map<string, Transaction>();
  /** Unique index keys claimed by open transactions → owner. */
  readonly uniqueKeyLocks = new Map<string, Transaction>();
  durability: Durability = inMemory;

  /** Advances and returns the logical clock (one tick per committed write). */
  nextTs(): number {
    return ++this.clock;
  }

  get now(): number {
    return this.clock;
  }

  /** Plain writes must keep old versions while any transaction may still read them. */
  get keepHistory(): boolean {
    return this.openTxns.size > 0;
  }

  beginTransaction(sessionId: string, txnNumber: bigint): Transaction {
    const txn = new Transaction(sessionId, txnNumber, this.clock);
    this.openTxns.add(txn);
    return txn;
  }

  /** Discards a transaction's writes and releases its locks. */
  abortTransaction(txn: Transaction, reason = 'aborted'): void {
    if (txn.state !== 'inProgress') return;
    txn.abortReason = reason;
    this.release(txn, 'aborted');
  }

  /** Atomically applies a transaction's writes; resolves when they are durable. */
  commitTransaction(txn: Transaction): Promise<void> {
    try {
      this.validateCommit(txn);
    } catch (err) {
      this.abortTransaction(txn, 'commit failed');
      throw err;
    }
    const ts = this.nextTs();
    const keep = this.openTxns.size > 1;
    const ops: JournalOp[] = [];
    for (const { coll, writes } of txn.overlays.values()) {
      for (const [id, doc] of writes) {
        const existing = coll.get(id);
        if (doc === null) {
          if (!existing) continue;
          coll.remove(id, ts, keep);
          ops.push({ op: 'd', ns: coll.ns, id: existing._id });
        } else if (existing) {
          coll.replace(id, doc, ts, keep, true);
          ops.push({ op: 'u', ns: coll.ns, d: doc });
        } else {
          coll.insert(doc, id, ts, keep, true);
          ops.push({ op: 'i', ns: coll.ns, d: doc });
        }
      }
    }
    this.release(txn, 'committed');
    return this.durability.append(ops);
  }

  private validateCommit(txn: Transaction): void {
    for (const { coll, writes } of txn.overlays.values()) {
      if (this.catalog.get(coll.db, coll.name) !== coll) {
        throw writeConflict(`collection ${coll.ns} was dropped during the transaction`);
      }
      for (const index of coll.indexes.values()) {
        if (!index.unique || index.name === ID_INDEX_NAME) continue;
        const claimed = new Map<string, string>();
        for (const [id, doc] of writes) {
          if (!doc) continue;
          for (const values of index.admit(doc) ?? []) {
            const k = index.keyOf(values);
            const other = claimed.get(k);
            if (other !== undefined && other !== id) throw index.duplicateError(values);
            claimed.set(k, id);
            if (index.lookup(values).some((owner) => owner !== id && !writes.has(owner)))
              throw index.duplicateError(values);
          }
        }
      }
    }
  }

  private release(txn: Transaction, state: 'committed' | 'aborted'): void {
    for (const key of txn.heldLocks) {
      if (this.recordLocks.get(key) === txn) this.recordLocks.delete(key);
      if (this.uniqueKeyLocks.get(key) === txn) this.uniqueKeyLocks.delete(key);
    }
    this.openTxns.delete(txn);
    txn.end(state);
    this.pruneHistory();
  }

  private pruneHistory(): void {
    let oldest: number | undefined;
    for (const t of this.openTxns)
      oldest = oldest === undefined ? t.snapshotTs : Math.min(oldest, t.snapshotTs);
    for (const coll of this.catalog.allCollections()) if (coll.history.size > 0) coll.pruneHistory(oldest);
  }

  /** Journals operations outside transactions (empty lists resolve at once). */
  journal(ops: JournalOp[]): Promise<void> {
    return ops.length === 0 ? Promise.resolve() : this.durability.append(ops);
  }

  /** The duplicate-key error for an _id that already exists. */
  duplicateIdError(coll: Collection, id: unknown): MongoServerError {
    return coll.indexes.get(ID_INDEX_NAME)!.duplicateError([id]);
  }

  /** The record id for a document's _id. */
  idOf(doc: Doc): string {
    return recordId(doc._id);
  }
}
