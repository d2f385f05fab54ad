/**
 * Multi-document transactions with snapshot isolation and first-writer-wins conflicts.
 *
 * A transaction reads the committed state as of its snapshot time (older versions are kept in
 * each collection's history while it is open) overlaid with its own uncommitted writes. Every
 * document it writes is locked; a second transaction touching that document, or a document
 * changed since its snapshot, gets WriteConflict (112, TransientTransactionError). Plain writers
 * that hit a locked document wait until the owning transaction ends.
 */
import { type Doc } from '../bson/values';
import { type Collection } from '../storage/collection';

export type TxnState = 'inProgress' | 'committed' | 'aborted';

/** The uncommitted writes of one transaction to one collection: id → new doc or null (deleted). */
export type Overlay = Map<string, Doc | null>;

export class Transaction {
  state: TxnState = 'inProgress';
  /** Uncommitted writes per collection namespace. */
  readonly overlays = new Map<string, { coll: Collection; writes: Overlay }>();
  /** Keys this transaction holds in the engine's lock tables, released when it ends. */
  readonly heldLocks = new Set<string>();
  readonly startedAt = Date.now();
  private finish!: () => void;
  /** Resolves when the transaction commits or aborts (waiting plain writers retry then). */
  readonly done: Promise<void> = new Promise((resolve) => {
    this.finish = resolve;
  });
  /** Why it was aborted, reported as NoSuchTransaction's message. */
  abortReason?: string;

  constructor(
    readonly sessionId: string,
    readonly txnNumber: bigint,
    readonly snapshotTs: number,
  ) {}

  overlayFor(coll: Collection): Overlay {
    let entry = this.overlays.get(coll.ns);
    if (!entry || entry.coll !== coll) {
      entry = { coll, writes: new Map() };
      this.overlays.set(coll.ns, entry);
    }
    return entry.writes;
  }

  existingOverlay(coll: Collection): Overlay | undefined {
    const entry = this.overlays.get(coll.ns);
    return entry && entry.coll === coll ? entry.writes : undefined;
  }

  /** The document as this transaction sees it (own writes first, then its snapshot). */
  read(coll: Collection, id: string): Doc | undefined {
    const overlay = this.existingOverlay(coll);
    if (overlay?.has(id)) return overlay.get(id) ?? undefined;
    return coll.getAt(id, this.snapshotTs);
  }

  get writeCount(): number {
    let n = 0;
    for (const entry of this.overlays.values()) n += entry.writes.size;
    return n;
  }

  end(state: 'committed' | 'aborted'): void {
    this.state = state;
    this.finish();
  }
}

/** Raised by a plain writer that must wait for a transaction holding a document or key. */
export class LockWait {
  constructor(readonly until: Promise<void>) {}
}
