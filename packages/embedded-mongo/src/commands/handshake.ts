/**
 * hello/isMaster and the diagnostic commands drivers and tools send (buildInfo, serverStatus,
 * hostInfo, getParameter, getCmdLineOpts, getLog, connectionStatus, whatsmyuri, ping).
 *
 * hello describes a single-member replica set whose only member is this server, so drivers
 * allow sessions, retryable writes and transactions. topologyVersion is omitted so drivers
 * poll hello instead of holding an awaitable hello open.
 */
import os from 'node:os';
import { Long, Timestamp } from 'bson';
import { type Doc } from '../bson/values';
import { MongoServerError } from '../errors';
import { SESSION_TIMEOUT_MINUTES } from '../engine/sessions';
import { MAX_MESSAGE_SIZE } from '../wire/messages';
import { type CommandContext } from './context';

export const SERVER_VERSION = '7.0.0';
const MAX_WIRE_VERSION = 21;

/** hello / isMaster / ismaster. */
export function helloCommand(ctx: CommandContext): Doc {
  const { server } = ctx;
  const me = server.advertisedAddress;
  const now = new Date();
  const opTime = { ts: new Timestamp({ t: Math.floor(now.getTime() / 1000), i: 1 }), t: Long.fromNumber(1) };
  const reply: Doc = {};
  if (ctx.cmd.helloOk === true) reply.helloOk = true;
  if (ctx.name === 'hello') reply.isWritablePrimary = true;
  else reply.ismaster = true;
  Object.assign(reply, {
    hosts: [me],
    setName: server.replSetName,
    setVersion: 1,
    secondary: false,
    primary: me,
    me,
    electionId: server.electionId,
    lastWrite: { opTime, lastWriteDate: now, majorityOpTime: opTime, majorityWriteDate: now },
    maxBsonObjectSize: 16 * 1024 * 1024,
    maxMessageSizeBytes: MAX_MESSAGE_SIZE,
    maxWriteBatchSize: 100_000,
    localTime: now,
    logicalSessionTimeoutMinutes: SESSION_TIMEOUT_MINUTES,
    connectionId: ctx.conn.id,
    minWireVersion: 0,
    maxWireVersion: MAX_WIRE_VERSION,
    readOnly: false,
    ok: 1,
  });
  return reply;
}

export function buildInfoCommand(): Doc {
  return {
    version: SERVER_VERSION,
    gitVersion: 'embedded-mongo',
    versionArray: [7, 0, 0, 0],
    modules: [],
    allocator: 'system',
    javascriptEngine: 'none',
    sysInfo: 'deprecated',
    bits: 64,
    debug: false,
    maxBsonObjectSize: 16 * 1024 * 1024,
    storageEngines: ['embedded-mongo'],
    openssl: { running: 'disabled' },
    ok: 1,
  };
}

export function serverStatusCommand(ctx: CommandContext): Doc {
  const uptimeMillis = Date.now() - ctx.server.startedAt.getTime();
  return {
    host: os.hostname(),
    version: SERVER_VERSION,
    process: 'mongod',
    pid: Long.fromNumber(process.pid),
    uptime: Math.floor(uptimeMillis / 1000),
    uptimeMillis: Long.fromNumber(uptimeMillis),
    localTime: new Date(),
    connections: { current: ctx.server.connectionCount(), available: 100_000, totalCreated: ctx.conn.id },
    storageEngine: {
      name: 'embedded-mongo',
      supportsCommittedReads: true,
      persistent: ctx.server.persistent,
      ...ctx.server.storageStatus(),
    },
    transactions: { currentOpen: ctx.engine.openTxns.size },
    logicalSessionRecordCache: { activeSessionsCount: ctx.server.sessions.size },
    opcounters: opcounters(ctx.server.commandCounts),
    metrics: {
      cursor: { open: { total: ctx.server.cursors.size } },
      commands: Object.fromEntries(
        [...ctx.server.commandCounts].map(([name, n]) => [name, { total: Long.fromNumber(n) }]),
      ),
    },
    ok: 1,
  };
}

/** mongod's opcounters, counted per command received (not per document). */
function opcounters(counts: Map<string, number>): Doc {
  const out = { insert: 0, query: 0, update: 0, delete: 0, getmore: 0, command: 0 };
  const kind: Record<string, keyof typeof out> = {
    insert: 'insert',
    find: 'query',
    update: 'update',
    delete: 'delete',
    getMore: 'getmore',
  };
  for (const [name, n] of counts) out[kind[name] ?? 'command'] += n;
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, Long.fromNumber(v)]));
}

export function hostInfoCommand(): Doc {
  return {
    system: {
      currentTime: new Date(),
      hostname: os.hostname(),
      cpuAddrSize: 64,
      memSizeMB: Math.round(os.totalmem() / 1048576),
      numCores: os.cpus().length,
      cpuArch: os.arch(),
    },
    os: { type: os.type(), name: os.platform(), version: os.release() },
    extra: {},
    ok: 1,
  };
}

const defaultParameters: Record<string, unknown> = {
  featureCompatibilityVersion: { version: '7.0' },
  transactionLifetimeLimitSeconds: 60,
  maxTransactionLockRequestTimeoutMillis: 5,
  authenticationMechanisms: [],
  ttlMonitorEnabled: true,
  logLevel: 0,
  quiet: false,
  traceExceptions: false,
  diagnosticDataCollectionEnabled: false,
};

/**
 * Knobs setParameter may change: they only affect logging and diagnostics, which this server
 * does not produce, so recording the value is answering like mongod. Knobs that change
 * behaviour (ttlMonitorEnabled, transactionLifetimeLimitSeconds, …) are refused (115).
 */
const SETTABLE = new Set(['logLevel', 'quiet', 'traceExceptions', 'diagnosticDataCollectionEnabled']);
const perServer = new WeakMap<object, Record<string, unknown>>();

function parametersOf(ctx: CommandContext): Record<string, unknown> {
  let p = perServer.get(ctx.server);
  if (!p) {
    p = { ...defaultParameters };
    perServer.set(ctx.server, p);
  }
  return p;
}

/** setParameter: {setParameter: 1, <name>: value} → {was: old value}. */
export function setParameterCommand(ctx: CommandContext): Doc {
  if (ctx.db !== 'admin')
    throw new MongoServerError('Unauthorized', 'setParameter may only be run against the admin database.');
  const parameters = parametersOf(ctx);
  const names = Object.keys(ctx.cmd).filter(
    (k) => k !== 'setParameter' && !k.startsWith('$') && k !== 'lsid' && k !== 'comment',
  );
  if (names.length === 0)
    throw new MongoServerError('InvalidOptions', 'no option found to set, use help:true to see options');
  const reply: Doc = {};
  for (const name of names) {
    if (!(name in parameters))
      throw new MongoServerError(
        'InvalidOptions',
        `attempted to set unrecognized parameter [${name}], use help:true to see options`,
      );
    if (!SETTABLE.has(name))
      throw new MongoServerError(
        'CommandNotSupported',
        `setParameter ${name} is not supported by embedded-mongo`,
      );
    if (reply.was === undefined) reply.was = parameters[name];
    parameters[name] = ctx.cmd[name];
  }
  return { ...reply, ok: 1 };
}

export function getParameterCommand(ctx: CommandContext): Doc {
  const parameters = parametersOf(ctx);
  const all =
    ctx.cmd.getParameter === '*' ||
    (typeof ctx.cmd.getParameter === 'object' &&
      ctx.cmd.getParameter !== null &&
      (ctx.cmd.getParameter as Doc).allParameters === true);
  const reply: Doc = {};
  for (const [name, value] of Object.entries(parameters)) if (all || name in ctx.cmd) reply[name] = value;
  if (Object.keys(reply).length === 0) throw new MongoServerError('InvalidOptions', 'no option found to get');
  return { ...reply, ok: 1 };
}

export function getCmdLineOptsCommand(ctx: CommandContext): Doc {
  return { argv: ctx.server.cmdLine.argv, parsed: ctx.server.cmdLine.parsed, ok: 1 };
}

export function getLogCommand(ctx: CommandContext): Doc {
  if (ctx.cmd.getLog === '*') return { names: ['global', 'startupWarnings'], ok: 1 };
  return { totalLinesWritten: 0, log: [], ok: 1 };
}

export function connectionStatusCommand(): Doc {
  return { authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] }, ok: 1 };
}

export function whatsmyuriCommand(ctx: CommandContext): Doc {
  return { you: ctx.conn.remoteAddress, ok: 1 };
}
