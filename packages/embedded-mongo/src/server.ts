/**
 * Assembles engine, storage, wire server and background tasks into a running server.
 */
import { ObjectId } from 'bson';
import { type Doc } from './bson/values';
import { type ServerState } from './commands/context';
import { dispatch } from './commands/dispatcher';
import { endSessions } from './commands/transactions';
import { openDurableStore, type DurableStore } from './durability/store';
import { CursorRegistry } from './engine/cursors';
import { Engine } from './engine/engine';
import { SessionRegistry } from './engine/sessions';
import { startTtlMonitor } from './engine/ttl';
import { startWireServer } from './wire/server';

export interface EmbeddedMongoOptions {
  /** 0 or undefined = pick a free port. */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Directory for data files; required unless inMemory. */
  dbPath?: string;
  /** No files at all (tests). */
  inMemory?: boolean;
  /** Default 'rs0'. */
  replSetName?: string;
  /** Default 60_000 like mongod; tests use small values. */
  ttlSweepIntervalMs?: number;
}

export interface EmbeddedMongo {
  /**
   * mongodb://HOST:PORT/?replicaSet=NAME — the driver discovers a one-member replica set
   * whose primary is this server, so sessions, retryable writes and transactions work.
   * When bound to a wildcard address the URI uses directConnection=true instead.
   */
  readonly uri: string;
  readonly port: number;
  /** Stops accepting, closes sockets, flushes and fsyncs, closes files. */
  stop(): Promise<void>;
}

const TRANSACTION_LIFETIME_MS = 60_000;
const MAINTENANCE_INTERVAL_MS = 1_000;
/** Retryable-write replies are kept as long as a session could still retry. */
const RETRY_RECORD_TTL_MS = 30 * 60_000;

function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '';
}

function formatHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** Starts an embedded MongoDB-compatible server. */
export async function startEmbeddedMongo(options: EmbeddedMongoOptions = {}): Promise<EmbeddedMongo> {
  const host = options.host ?? '127.0.0.1';
  const replSetName = options.replSetName ?? 'rs0';
  if (!options.inMemory && !options.dbPath)
    throw new Error('embedded-mongo: dbPath is required unless inMemory is true');
  const engine = new Engine();
  let store: DurableStore | undefined;
  if (!options.inMemory) {
    store = await openDurableStore(options.dbPath as string, engine);
    engine.durability = store;
  }
  const cursors = new CursorRegistry();
  const sessions = new SessionRegistry();
  let port = 0;
  const advertisedHost = isWildcard(host) ? '127.0.0.1' : host;
  let connectionCount = () => 0;
  const state: ServerState = {
    engine,
    cursors,
    sessions,
    replSetName,
    get advertisedAddress() {
      return `${formatHost(advertisedHost)}:${port}`;
    },
    startedAt: new Date(),
    electionId: new ObjectId('7fffffff0000000000000001'),
    cmdLine: {
      argv: process.argv.slice(),
      parsed: {
        net: { bindIp: host, port: options.port ?? 0 },
        replication: { replSet: replSetName },
        storage: { dbPath: options.dbPath ?? '' },
      } as Doc,
    },
    persistent: !options.inMemory,
    commandCounts: new Map(),
    connectionCount: () => connectionCount(),
    storageStatus: () => (store ? { ...store.status() } : undefined),
  };
  let wire;
  try {
    wire = await startWireServer(host, options.port ?? 0, (request, conn) => dispatch(state, request, conn));
  } catch (err) {
    await store?.close();
    throw err;
  }
  port = wire.port;
  connectionCount = () => wire.connectionCount;
  (state.cmdLine.parsed.net as Doc).port = port;
  const maintenance = setInterval(() => {
    const now = Date.now();
    for (const txn of [...engine.openTxns]) {
      if (now - txn.startedAt > TRANSACTION_LIFETIME_MS)
        engine.abortTransaction(txn, 'transaction exceeded its lifetime limit');
    }
    cursors.sweep(now);
    for (const [id, entry] of engine.retryTable)
      if (now - entry.at > RETRY_RECORD_TTL_MS) engine.retryTable.delete(id);
    endSessions(
      state,
      sessions.expired(now).map((s) => s.id),
    );
    store?.maybeCompact();
  }, MAINTENANCE_INTERVAL_MS);
  maintenance.unref();
  const ttl = startTtlMonitor(engine, options.ttlSweepIntervalMs ?? 60_000);
  const query = isWildcard(host) ? 'directConnection=true' : `replicaSet=${encodeURIComponent(replSetName)}`;
  let stopped: Promise<void> | undefined;
  return {
    uri: `mongodb://${formatHost(advertisedHost)}:${port}/?${query}`,
    port,
    stop() {
      stopped ??= (async () => {
        clearInterval(maintenance);
        ttl.stop();
        await wire.close();
        for (const txn of [...engine.openTxns]) engine.abortTransaction(txn, 'server shutting down');
        await store?.close();
      })();
      return stopped;
    },
  };
}
