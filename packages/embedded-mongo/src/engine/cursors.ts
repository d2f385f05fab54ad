/**
 * Open cursors of find/aggregate/listCollections/listIndexes. A cursor holds the matched
 * documents (stored documents are immutable, so this is a consistent result set) and
 * produces client copies batch by batch.
 */
import { BSON, Long } from 'bson';
import { type Doc } from '../bson/values';
import { fail } from '../errors';

/** mongod's limit for one document it returns (16 MiB plus its 16 KiB of headroom). */
const MAX_DOC_BYTES = 16 * 1024 * 1024 + 16 * 1024;
const MAX_BATCH_BYTES = 16 * 1024 * 1024 - 16 * 1024;
export const DEFAULT_FIRST_BATCH = 101;
const IDLE_TIMEOUT_MS = 10 * 60 * 1000;

export interface CursorSource<T> {
  ns: string;
  items: T[];
  /** Turns an item into the document sent to the client (copying/projecting). */
  produce: (item: T) => Doc;
  /** The BSON size of a produced document (default: measured each time). */
  sizeOf?: (doc: Doc) => number;
  /** Session that owns the cursor, if any (killed with the session). */
  sessionId?: string;
}

interface OpenCursor {
  ns: string;
  items: unknown[];
  produce: (item: unknown) => Doc;
  sizeOf: (doc: Doc) => number;
  position: number;
  lastUse: number;
  sessionId?: string;
}

export interface Batch {
  id: Long;
  ns: string;
  docs: Doc[];
}

export class CursorRegistry {
  private readonly cursors = new Map<string, OpenCursor>();

  private nextBatch(cursor: OpenCursor, limit: number | undefined): Doc[] {
    const docs: Doc[] = [];
    let bytes = 0;
    while (cursor.position < cursor.items.length && (limit === undefined || docs.length < limit)) {
      const doc = cursor.produce(cursor.items[cursor.position]);
      const size = cursor.sizeOf(doc);
      if (size > MAX_DOC_BYTES)
        fail(
          'BSONObjectTooLarge',
          `BSONObj size: ${size} (0x${size.toString(16).toUpperCase()}) is invalid. Size must be between 0 and ${MAX_DOC_BYTES}(16MB)`,
        );
      if (docs.length > 0 && bytes + size > MAX_BATCH_BYTES) break;
      docs.push(doc);
      bytes += size;
      cursor.position++;
    }
    cursor.lastUse = Date.now();
    return docs;
  }

  /** Produces the first batch and registers a cursor if items remain. */
  open<T>(source: CursorSource<T>, batchSize: number | undefined, singleBatch = false): Batch {
    const cursor: OpenCursor = {
      ns: source.ns,
      items: source.items,
      produce: source.produce as (item: unknown) => Doc,
      sizeOf: source.sizeOf ?? ((doc) => BSON.calculateObjectSize(doc)),
      position: 0,
      lastUse: Date.now(),
      sessionId: source.sessionId,
    };
    const docs = this.nextBatch(cursor, batchSize ?? DEFAULT_FIRST_BATCH);
    if (singleBatch || cursor.position >= cursor.items.length) return { id: Long.ZERO, ns: source.ns, docs };
    const id = this.newId();
    this.cursors.set(id.toString(), cursor);
    return { id, ns: source.ns, docs };
  }

  /** The next batch of a cursor, or undefined when the cursor does not exist. */
  getMore(id: Long, batchSize: number | undefined): Batch | undefined {
    const key = id.toString();
    const cursor = this.cursors.get(key);
    if (!cursor) return undefined;
    const docs = this.nextBatch(cursor, batchSize && batchSize > 0 ? batchSize : undefined);
    if (cursor.position >= cursor.items.length) {
      this.cursors.delete(key);
      return { id: Long.ZERO, ns: cursor.ns, docs };
    }
    return { id, ns: cursor.ns, docs };
  }

  has(id: Long): boolean {
    return this.cursors.has(id.toString());
  }

  kill(id: Long): boolean {
    return this.cursors.delete(id.toString());
  }

  /** Closes cursors that belong to ended sessions. */
  killForSession(sessionId: string): void {
    for (const [key, cursor] of this.cursors) if (cursor.sessionId === sessionId) this.cursors.delete(key);
  }

  /** Closes cursors idle for longer than mongod's default 10 minutes. */
  sweep(now = Date.now()): void {
    for (const [key, cursor] of this.cursors)
      if (now - cursor.lastUse > IDLE_TIMEOUT_MS) this.cursors.delete(key);
  }

  get size(): number {
    return this.cursors.size;
  }

  private newId(): Long {
    for (;;) {
      const n = Math.floor(Math.random() * Number.MAX_SAFE_INTEGER) + 1;
      const id = Long.fromNumber(n);
      if (!this.cursors.has(id.toString())) return id;
    }
  }
}
