/** Driver error names that mean "the database cannot be reached right now" (retryable, 503). */
const UNAVAILABLE_NAMES = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'MongooseServerSelectionError',
]);

/** True when an error means the database is down or unreachable, not that the request was wrong. */
export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { name?: string; errorResponse?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  if (e.name && UNAVAILABLE_NAMES.has(e.name)) return true;
  // A bulk write (insertMany, bulkWrite) cut off by a lost connection reports a
  // MongoBulkWriteError whose cause, in errorResponse, is the network error.
  if (e.name === 'MongoBulkWriteError' && e.errorResponse instanceof Error)
    return isDatabaseUnavailable(e.errorResponse);
  // Mongoose buffers operations while disconnected and fails them with this message.
  return /buffering timed out/i.test(String((err as Error).message ?? ''));
}

/** True for a MongoDB duplicate-key error (E11000), from the driver or mongoose. */
export function isDuplicateKey(err: unknown): boolean {
  const e = err as { code?: number; name?: string } | null;
  return !!e && typeof e === 'object' && e.code === 11000;
}
