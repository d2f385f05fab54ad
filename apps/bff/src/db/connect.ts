import mongoose, { type Connection } from 'mongoose';

/**
 * Opens a dedicated mongoose connection (not the global one, so tests can run several apps
 * side by side) and builds every registered model's indexes before traffic arrives: the
 * invariants live in those indexes, so serving without them would be unsafe.
 */
export async function connectDatabase(
  uri: string,
  options: { maxPoolSize?: number } = {},
): Promise<Connection> {
  const conn = mongoose.createConnection(uri, {
    maxPoolSize: options.maxPoolSize ?? 50,
    // A database that has gone away must cost a request about a second, not a hung phone: with no
    // server known, selection gives up after 1 s (→ 503 + Retry-After). A retryable write that
    // first fails on a dead pooled connection spends up to ~0.5 s more before it reselects, so
    // 1 s (not 1.5 s, which once measured 2,001 ms in CI) keeps every refusal under 2 s.
    // A server that stops answering (a partition, a frozen host) is noticed by the 1 s heartbeat
    // within its 2 s connect timeout, which clears the pool and fails the operations stuck on it.
    serverSelectionTimeoutMS: 1000,
    heartbeatFrequencyMS: 1000,
    connectTimeoutMS: 2000,
    // Reads and writes fail fast while the database is away instead of queueing forever.
    bufferCommands: false,
    autoIndex: false,
  });
  await conn.asPromise();
  return conn;
}

/** Creates the indexes of every model registered on the connection. */
export async function syncIndexes(conn: Connection): Promise<void> {
  for (const model of Object.values(conn.models)) {
    await model.createCollection().catch((err: { code?: number }) => {
      if (err.code !== 48) throw err; // 48 NamespaceExists: already there
    });
    await model.createIndexes();
  }
}
