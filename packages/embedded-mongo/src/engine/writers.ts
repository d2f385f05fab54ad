/**
 * The two ways a command writes documents: directly to committed state (journaled when the
 * command finishes), or into a transaction's private overlay with conflict detection.
 */
import { type Doc } from '../bson/values';
import { MongoServerError, writeConflict } from '../errors';
import { type Collection, ID_INDEX_NAME, recordId } from '../storage/collection';
import { type Engine, recordLockKey, uniqueKeyLock } from './engine';
import { type JournalOp } from './journalOps';
import { LockWait, type Transaction } from './transaction';
import { cappedEvictions, validateDocument } from './validation';

export interface Writer {
  /** Plain writers: throws LockWait when a transaction holds any of the records or keys. */
  ensureWritable(coll: Collection, ids: string[], newDocs: Doc[]): void;
  insert(coll: Collection, doc: Doc): void;
  replace(coll: Collection, id: string, doc: Doc): void;
  remove(coll: Collection, id: string): void;
  /** Reads a record as this writer sees it. */
  read(coll: Collection, id: string): Doc | undefined;
  readonly txn?: Transaction;
  /** Validates each written document (off for bypassDocumentValidation). */
  validate: boolean;
}

/** Writes straight into committed state; collects journal ops for the command's record. */
export class DirectWriter implements Writer {
  readonly ops: JournalOp[] = [];
  validate = true;

  constructor(private readonly engine: Engine) {}

  ensureWritable(coll: Collection, ids: string[], newDocs: Doc[]): void {
    if (this.engine.openTxns.size === 0) return;
    for (const id of ids) {
      const owner = this.engine.recordLocks.get(recordLockKey(coll, id));
      if (owner) throw new LockWait(owner.done);
    }
    for (const doc of newDocs) {
      for (const index of coll.indexes.values()) {
        if (!index.unique) continue;
        for (const values of index.admit(doc) ?? []) {
          const owner = this.engine.uniqueKeyLocks.get(uniqueKeyLock(coll, index.name, values));
          if (owner) throw new LockWait(owner.done);
        }
      }
    }
  }

  read(coll: Collection, id: string): Doc | undefined {
    return coll.get(id);
  }

  insert(coll: Collection, doc: Doc): void {
    const id = recordId(doc._id);
    if (this.validate) validateDocument(coll, doc, undefined);
    this.ensureWritable(coll, [id], [doc]);
    coll.insert(doc, id, this.engine.nextTs(), this.engine.keepHistory);
    this.ops.push({ op: 'i', ns: coll.ns, d: doc });
    // A capped collection drops its oldest documents past `max` or `size`, as mongod does.
    if (coll.options.capped === true) for (const old of cappedEvictions(coll)) this.remove(coll, old);
  }

  replace(coll: Collection, id: string, doc: Doc): void {
    if (this.validate) validateDocument(coll, doc, coll.get(id));
    this.ensureWritable(coll, [id], [doc]);
    coll.replace(id, doc, this.engine.nextTs(), this.engine.keepHistory);
    this.ops.push({ op: 'u', ns: coll.ns, d: doc });
  }

  remove(coll: Collection, id: string): void {
    const existing = coll.get(id);
    if (!existing) return;
    this.ensureWritable(coll, [id], []);
    coll.remove(id, this.engine.nextTs(), this.engine.keepHistory);
    this.ops.push({ op: 'd', ns: coll.ns, id: existing._id });
  }
}

/** mongod refuses writes to capped collections inside transactions. */
function refuseCapped(coll: Collection): void {
  if (coll.options.capped === true)
    throw new MongoServerError(
      'OperationNotSupportedInTransaction',
      `Collection '${coll.ns}' is a capped collection. Writes in transactions are not allowed on capped collections.`,
    );
}

/** Writes into a transaction's overlay; conflicts raise WriteConflict (first writer wins). */
export class TxnWriter implements Writer {
  validate = true;

  constructor(
    private readonly engine: Engine,
    readonly txn: Transaction,
  ) {}

  ensureWritable(): void {}

  read(coll: Collection, id: string): Doc | undefined {
    return this.txn.read(coll, id);
  }

  private claim(coll: Collection, id: string): void {
    const key = recordLockKey(coll, id);
    const owner = this.engine.recordLocks.get(key);
    if (owner === this.txn) return;
    if (owner) throw writeConflict(`document in ${coll.ns} is being modified by another transaction`);
    if (coll.changedSince(id, this.txn.snapshotTs))
      throw writeConflict(`document in ${coll.ns} changed after the transaction's snapshot`);
    this.engine.recordLocks.set(key, this.txn);
    this.txn.heldLocks.add(key);
  }

  private checkUnique(coll: Collection, id: string, doc: Doc): void {
    const overlay = this.txn.existingOverlay(coll);
    for (const index of coll.indexes.values()) {
      if (!index.unique || index.name === ID_INDEX_NAME) continue;
      for (const values of index.admit(doc) ?? []) {
        const lockKey = uniqueKeyLock(coll, index.name, values);
        const holder = this.engine.uniqueKeyLocks.get(lockKey);
        if (holder && holder !== this.txn)
          throw writeConflict(
            `unique key in ${coll.ns} index ${index.name} is claimed by another transaction`,
          );
        for (const owner of index.lookup(values)) {
          if (owner === id || overlay?.has(owner)) continue;
          if (coll.changedSince(owner, this.txn.snapshotTs))
            throw writeConflict(
              `unique key in ${coll.ns} index ${index.name} was written after the snapshot`,
            );
          throw index.duplicateError(values);
        }
        const k = index.keyOf(values);
        for (const [otherId, other] of overlay ?? []) {
          if (otherId === id || !other) continue;
          if ((index.admit(other) ?? []).some((v) => index.keyOf(v) === k))
            throw index.duplicateError(values);
        }
        this.engine.uniqueKeyLocks.set(lockKey, this.txn);
        this.txn.heldLocks.add(lockKey);
      }
    }
  }

  insert(coll: Collection, doc: Doc): void {
    const id = recordId(doc._id);
    refuseCapped(coll);
    if (this.validate) validateDocument(coll, doc, undefined);
    if (this.txn.read(coll, id) !== undefined) throw this.engine.duplicateIdError(coll, doc._id);
    this.claim(coll, id);
    coll.indexes.forEach((index) => index.admit(doc));
    this.checkUnique(coll, id, doc);
    this.txn.overlayFor(coll).set(id, doc);
  }

  replace(coll: Collection, id: string, doc: Doc): void {
    refuseCapped(coll);
    if (this.validate) validateDocument(coll, doc, this.txn.read(coll, id));
    this.claim(coll, id);
    this.checkUnique(coll, id, doc);
    this.txn.overlayFor(coll).set(id, doc);
  }

  remove(coll: Collection, id: string): void {
    refuseCapped(coll);
    this.claim(coll, id);
    this.txn.overlayFor(coll).set(id, null);
  }
}
