/**
 * MongoDB error codes and the error type every layer throws. The command layer turns a
 * MongoServerError into the `{ok:0, errmsg, code, codeName}` reply shape drivers expect.
 */
export const ErrorCodes = {
  InternalError: 1,
  BadValue: 2,
  NoSuchKey: 4,
  FailedToParse: 9,
  TypeMismatch: 14,
  IllegalOperation: 20,
  Unauthorized: 13,
  EmptyArrayOperation: 21,
  NamespaceNotFound: 26,
  IndexNotFound: 27,
  PathNotViable: 28,
  ConflictingUpdateOperators: 40,
  CursorNotFound: 43,
  NamespaceExists: 48,
  MaxTimeMSExpired: 50,
  DollarPrefixedFieldName: 52,
  InvalidIdField: 53,
  ImmutableField: 66,
  InvalidOptions: 72,
  InvalidNamespace: 73,
  IndexOptionsConflict: 85,
  IndexKeySpecsConflict: 86,
  WriteConflict: 112,
  DocumentValidationFailure: 121,
  CommandNotSupported: 115,
  CannotCreateIndex: 67,
  CannotIndexParallelArrays: 171,
  InvalidIndexSpecificationOption: 197,
  NoSuchSession: 206,
  TransactionTooOld: 225,
  NoSuchTransaction: 251,
  NoQueryExecutionPlans: 291,
  TransactionCommitted: 256,
  TransactionTooLarge: 257,
  OperationNotSupportedInTransaction: 263,
  Location31002: 31002,
  Location31249: 31249,
  Location31250: 31250,
  Location31253: 31253,
  Location31254: 31254,
  Location16410: 16410,
  Location16755: 16755,
  Location16804: 16804,
  Location40228: 40228,
  Location40272: 40272,
  Location40352: 40352,
  /** collation without locale / with an unknown field. */
  Location40414: 40414,
  Location40415: 40415,
  /** $geoNear not first in the pipeline. */
  Location40602: 40602,
  /** Invalid regular expression. */
  Location51091: 51091,
  BSONObjectTooLarge: 10334,
  DuplicateKey: 11000,
  Interrupted: 11601,
} as const;

export type ErrorCodeName = keyof typeof ErrorCodes;

const namesByCode = new Map<number, string>(Object.entries(ErrorCodes).map(([name, code]) => [code, name]));

/** The codeName MongoDB reports for a numeric error code. */
export function codeNameOf(code: number): string {
  return namesByCode.get(code) ?? `Location${code}`;
}

/** An error that is reported to the client with MongoDB's code and shape. */
export class MongoServerError extends Error {
  readonly code: number;
  readonly codeName: string;
  /** Extra top-level reply fields, e.g. keyPattern/keyValue for duplicate keys. */
  readonly extra: Record<string, unknown>;
  readonly errorLabels: string[];

  constructor(
    codeName: ErrorCodeName,
    message: string,
    extra: Record<string, unknown> = {},
    errorLabels: string[] = [],
  ) {
    super(message);
    this.code = ErrorCodes[codeName];
    this.codeName = codeName;
    this.extra = extra;
    this.errorLabels = errorLabels;
  }
}

/** Shorthand for throwing a MongoServerError. */
export function fail(codeName: ErrorCodeName, message: string, extra?: Record<string, unknown>): never {
  throw new MongoServerError(codeName, message, extra);
}

/** The WriteConflict error that makes drivers retry a transaction. */
export function writeConflict(detail: string): MongoServerError {
  return new MongoServerError(
    'WriteConflict',
    `Write conflict during plan execution and yielding is disabled. :: ${detail}`,
    {},
    ['TransientTransactionError'],
  );
}

/**
 * The `{ok:0, errmsg, code, codeName, errorLabels?}` reply for any failure, so a driver always
 * raises a MongoServerError carrying MongoDB's fields, whatever was thrown.
 */
export function errorDocument(err: unknown): Record<string, unknown> {
  const e = toServerError(err);
  const reply: Record<string, unknown> = { ok: 0, errmsg: e.message, code: e.code, codeName: e.codeName };
  for (const [key, value] of Object.entries(e.extra)) if (!(key in reply)) reply[key] = value;
  if (e.errorLabels.length > 0) reply.errorLabels = e.errorLabels;
  return reply;
}

/** Turns anything thrown while executing a command into a server error. */
export function toServerError(err: unknown): MongoServerError {
  if (err instanceof MongoServerError) return err;
  const message = err instanceof Error ? err.message : String(err);
  // bson's serializer overflowing its buffer is a document too large to send, as mongod says.
  if (err instanceof RangeError && /offset|buffer|size/i.test(message))
    return new MongoServerError('BSONObjectTooLarge', `BSONObj size is invalid: ${message}`);
  return new MongoServerError('InternalError', message);
}
