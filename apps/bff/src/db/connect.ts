import mongoose, { type Connection } from 'mongoose';
import { isDatabaseUnavailable } from './errors';

/** How long a starting BFF waits for its database before giving up (a crash loop helps nobody). */
export const STARTUP_WAIT_MS = 30_000;
const STARTUP_RETRY_MS = 500;

/**
 * Opens a dedicated mongoose connection (not the global one, so tests can run several apps
 * side by side) and builds every registered model's indexes before traffic arrives: the
 * invariants live in those indexes, so serving without them would be unsafe.
 */
export async function connectDatabase(
  uri: string,
  options: { maxPoolSize?: number; startupWaitMs?: number } = {},
): Promise<Connection> {
  const settings = {
    maxPoolSize: options.maxPoolSize ?? 50,
    // A database that has gone away must cost a request a second or two, not a hung phone:
    // with no server known, selection gives up after 1.5 s (→ 503 + Retry-After; a retryable
    // write that first failed on a dead pooled connection measured up to ~2 s in all, well
    // under the phone's 10 s). Not lower: a loaded host must not turn a slow rediscovery into
    // refusals. A server that stops answering (a partition, a frozen host) is noticed by the
    // 1 s heartbeat within its 2 s connect timeout, which clears the pool and fails the
    // operations stuck on it.
    serverSelectionTimeoutMS: 1500,
    heartbeatFrequencyMS: 1000,
    connectTimeoutMS: 2000,
    // Reads and writes fail fast while the database is away instead of queueing forever.
    bufferCommands: false,
    autoIndex: false,
  };
  const conn = mongoose.createConnection();
  // At start-up the fail-fast selection above would make a database that is still starting, or
  // a busy host's slow first handshake (seen in CI), fatal; so the first connection keeps
  // trying for a while. Any other error (bad URI, authentication) fails at once.
  const deadline = Date.now() + (options.startupWaitMs ?? STARTUP_WAIT_MS);
  for (;;) {
    try {
      await conn.openUri(uri, settings);
      return conn;
    } catch (err) {
      if (!isDatabaseUnavailable(err) || Date.now() + STARTUP_RETRY_MS > deadline) {
        // Nothing may keep running for a connection nobody got (a test run would never exit).
        await conn.close(true).catch(() => undefined);
        throw err;
      }
      await new Promise((resolve) => setTimeout(resolve, STARTUP_RETRY_MS));
    }
  }
}

/**
 * Creates the collections and indexes of every model registered on the connection. On a
 * big collection of a live cluster an index build is heavy work: a deployment runs it once,
 * before traffic (`npm run db:indexes`), not from every instance's boot (config DB_INDEXES).
 */
export async function syncIndexes(conn: Connection): Promise<void> {
  for (const model of Object.values(conn.models)) {
    await model.createCollection().catch((err: { code?: number }) => {
      if (err.code !== 48) throw err; // 48 NamespaceExists: already there
    });
    await model.createIndexes();
  }
}

/**
 * The indexes every registered model declares that the database lacks or holds with other
 * options (as `collection {key} {options}`), compared by mongoose's diffIndexes. Empty when
 * the database is ready to serve: the booking and sign-in invariants live in those indexes.
 */
export async function missingIndexes(conn: Connection): Promise<string[]> {
  const missing: string[] = [];
  for (const model of Object.values(conn.models)) {
    const { toCreate } = await model.diffIndexes();
    const declared = model.schema.indexes();
    for (const key of toCreate) {
      const options = declared.find(([fields]) => JSON.stringify(fields) === JSON.stringify(key))?.[1] ?? {};
      missing.push(`${model.collection.collectionName} ${JSON.stringify(key)} ${JSON.stringify(options)}`);
    }
  }
  return missing;
}
