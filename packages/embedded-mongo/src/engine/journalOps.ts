/**
 * Logical operations recorded in the journal, and replaying them onto a catalog. Updates are
 * journaled as full post-images so replay is idempotent.
 */
import { type Doc, type Long } from '../bson/values';
import { type IndexSpec } from '../storage/collectionIndex';
import { recordId } from '../storage/collection';
import { type Catalog } from './catalog';

export type JournalOp =
  | { op: 'i'; ns: string; d: Doc }
  | { op: 'u'; ns: string; d: Doc }
  | { op: 'd'; ns: string; id: unknown }
  | { op: 'c'; ns: string; o: Doc }
  | { op: 'dc'; ns: string }
  | { op: 'dd'; db: string }
  | { op: 'ci'; ns: string; spec: IndexSpec }
  | { op: 'di'; ns: string; name: string }
  | { op: 'co'; ns: string; o: Doc }
  | { op: 'mi'; ns: string; spec: IndexSpec }
  | { op: 'rw'; session: string; txnNumber: Long; reply: Doc; at: Date };

/** Splits "db.coll.name" into its database and collection parts. */
export function splitNamespace(ns: string): [string, string] {
  const dot = ns.indexOf('.');
  return [ns.slice(0, dot), ns.slice(dot + 1)];
}

function collectionFor(catalog: Catalog, ns: string) {
  const [db, name] = splitNamespace(ns);
  return catalog.get(db, name) ?? catalog.create(db, name);
}

/** Re-applies one journaled operation (recovery). Tolerates replays of already-applied ops. */
/** The reply of the last retryable write of a session, kept so a retry is not re-applied. */
export interface RetryEntry {
  txnNumber: bigint;
  reply: Doc;
  /** When it was recorded (entries expire with the session timeout). */
  at: number;
}

/** What a replayed journal entry writes to: the engine's catalog and its retryable-write table. */
export interface ReplayTarget {
  readonly catalog: Catalog;
  readonly retryTable: Map<string, RetryEntry>;
}

export function replayOp(engine: ReplayTarget, op: JournalOp): void {
  const catalog = engine.catalog;
  switch (op.op) {
    case 'rw':
      engine.retryTable.set(op.session, {
        txnNumber: op.txnNumber.toBigInt(),
        reply: op.reply,
        at: op.at.getTime(),
      });
      return;
    case 'i':
    case 'u': {
      const coll = collectionFor(catalog, op.ns);
      const id = recordId(op.d._id);
      if (coll.records.has(id)) coll.replace(id, op.d, 0, false, true);
      else coll.insert(op.d, id, 0, false, true);
      return;
    }
    case 'd':
      collectionFor(catalog, op.ns).remove(recordId(op.id), 0, false);
      return;
    case 'c': {
      const [db, name] = splitNamespace(op.ns);
      if (!catalog.get(db, name)) catalog.create(db, name, op.o);
      return;
    }
    case 'dc': {
      const [db, name] = splitNamespace(op.ns);
      catalog.drop(db, name);
      return;
    }
    case 'dd':
      catalog.dropDatabase(op.db);
      return;
    case 'ci': {
      const coll = collectionFor(catalog, op.ns);
      if (!coll.indexes.has(op.spec.name)) coll.addIndex(op.spec);
      return;
    }
    case 'di':
      collectionFor(catalog, op.ns).dropIndex(op.name);
      return;
    case 'co':
      collectionFor(catalog, op.ns).options = op.o;
      return;
    case 'mi': {
      // collMod's index changes: only `hidden` and `expireAfterSeconds` can differ.
      const index = collectionFor(catalog, op.ns).indexes.get(op.spec.name);
      if (!index) return;
      for (const field of ['hidden', 'expireAfterSeconds']) {
        if (op.spec[field] === undefined) delete index.spec[field];
        else index.spec[field] = op.spec[field];
      }
      return;
    }
  }
}
