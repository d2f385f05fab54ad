/**
 * The signed-in session, kept in memory and in Taro storage so a worker stays signed in across
 * app restarts. The request wrapper reads the token here; the React hooks (hooks/session)
 * subscribes to it. Lives under services because the wrapper must not depend on the store.
 */
import { sessionUserSchema, type Session, type SessionUser } from '@fugong/contracts';
import { readStored, removeStored, writeStored } from '../platform';

export interface StoredSession {
  token: string;
  refreshToken: string;
  /** Epoch ms when `token` expires, measured on this phone's clock when it was issued. */
  expiresAt: number;
  user: SessionUser;
}

/** Versioned so a later shape change simply signs people out instead of crashing. */
const STORAGE_KEY = 'fugong.session.v1';

let current: StoredSession | null | undefined;
const listeners = new Set<() => void>();

function isStoredSession(value: unknown): value is StoredSession {
  const v = value as Partial<StoredSession> | null;
  return (
    typeof v?.token === 'string' &&
    typeof v.refreshToken === 'string' &&
    typeof v.expiresAt === 'number' &&
    sessionUserSchema.safeParse(v.user).success
  );
}

function publish(next: StoredSession | null): void {
  current = next;
  if (next) writeStored(STORAGE_KEY, next);
  else removeStored(STORAGE_KEY);
  listeners.forEach((listener) => listener());
}

/** The current session, loaded from storage on first use; null when signed out. */
export function getSession(): StoredSession | null {
  if (current === undefined) {
    const stored = readStored<unknown>(STORAGE_KEY);
    current = isStoredSession(stored) ? stored : null;
  }
  return current;
}

/** Stores a session the BFF just issued (login or refresh). */
export function saveSession(session: Session, now: number = Date.now()): StoredSession {
  const stored: StoredSession = {
    token: session.token,
    refreshToken: session.refreshToken,
    expiresAt: now + session.expiresIn * 1000,
    user: session.user,
  };
  publish(stored);
  return stored;
}

/** Replaces the cached user (after GET /api/me) without touching the tokens. */
export function updateSessionUser(user: SessionUser): void {
  const session = getSession();
  if (session) publish({ ...session, user });
}

/** Forgets the session (sign-out, or the server no longer accepts it). */
export function clearSession(): void {
  publish(null);
}

/** Calls `listener` after every change; returns the unsubscribe function. */
export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Drops the in-memory copy so the next read goes to storage. For tests that reset storage. */
export function forgetCachedSession(): void {
  current = undefined;
}
