/**
 * Logical sessions: the transaction number high-water mark, the current transaction and the
 * reply of the last retryable write (so a retried write is answered without re-applying).
 */
import { Binary } from 'bson';
import { type Doc, isDocument } from '../bson/values';
import { fail } from '../errors';
import { type Transaction } from './transaction';

export const SESSION_TIMEOUT_MINUTES = 30;

export class Session {
  lastUse = Date.now();
  /** Highest txnNumber seen on this session (-1 before any). */
  txnNumber = -1n;
  /** The transaction for `txnNumber`, if that number started one. */
  txn?: Transaction;
  /** The reply of the retryable write with `txnNumber`, shared with retries. */
  retryReply?: { txnNumber: bigint; reply: Promise<Doc> };

  constructor(readonly id: string) {}
}

/** A stable string key for an lsid document ({id: UUID}). */
export function sessionKey(lsid: unknown): string {
  if (!isDocument(lsid) || !(lsid.id instanceof Binary))
    fail('BadValue', 'lsid must be a document with a UUID id');
  // A view on the UUID's bytes, not a copy: every command with an lsid computes this key.
  const bytes = lsid.id.buffer;
  return Buffer.from(bytes.buffer, bytes.byteOffset, lsid.id.position).toString('hex');
}

export class SessionRegistry {
  private readonly sessions = new Map<string, Session>();

  /** The session for an lsid, created on first use. */
  get(lsid: unknown): Session {
    const key = sessionKey(lsid);
    let session = this.sessions.get(key);
    if (!session) {
      session = new Session(key);
      this.sessions.set(key, session);
    }
    session.lastUse = Date.now();
    return session;
  }

  peek(lsid: unknown): Session | undefined {
    return this.sessions.get(sessionKey(lsid));
  }

  remove(key: string): Session | undefined {
    const session = this.sessions.get(key);
    this.sessions.delete(key);
    return session;
  }

  all(): Session[] {
    return [...this.sessions.values()];
  }

  /** Sessions idle longer than the logical session timeout. */
  expired(now = Date.now()): Session[] {
    return this.all().filter((s) => now - s.lastUse > SESSION_TIMEOUT_MINUTES * 60_000);
  }

  get size(): number {
    return this.sessions.size;
  }
}
