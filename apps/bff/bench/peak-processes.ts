import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync } from 'node:fs';
import path from 'node:path';
import { FAKE_WECHAT_APP } from '../src/dev/fake-wechat-server';
import type { ServerAsk } from './peak-checks';
import { startDbProcess } from './proc';

/**
 * The server processes of the morning-peak bench (peak.ts). Default (`BENCH_BFF=dist`): as
 * deployed — the compiled build (`npm run build:bff`, built first when stale), the embedded
 * database's compiled CLI, `node apps/bff/dist/db-indexes.js` before the instances, each BFF
 * started as the systemd unit starts it (config/scripts/lib/stack.js: only the unit's
 * environment, NODE_ENV=production, DB_INDEXES=check, its log lines on stdout into a file), with
 * peak-agent.ts beside them for what a deployment has outside (SMS gateway, WeChat, the bench's
 * seeding and checks). `BENCH_BFF=tsx`: the older mode, each BFF from its TypeScript source in a
 * process that also answers the bench (peak-server.ts). Every server process gets the memory
 * probe (memory-probe.cjs) on its IPC channel.
 */

interface StackLib {
  ensureBffBuild(options: { log: (line: string) => void }): boolean;
  freePort(): Promise<number>;
  startCompiledBff(options: {
    env: Record<string, string>;
    port: number;
    nodeFlags: string[];
    preload: string[];
    stdout: number;
    ipc: boolean;
  }): Promise<{ apiUrl: string; child: ChildProcess; stop: () => Promise<void> }>;
  BFF_V8_FLAGS: string[];
  ROOT: string;
}
// A plain CommonJS script shared with `npm start` and CI; it has no type declarations to import.
const stack = require('../../../config/scripts/lib/stack') as StackLib;

export const BFF_V8_FLAGS = stack.BFF_V8_FLAGS;
const PROBE = ['--require', path.join(__dirname, 'memory-probe.cjs')];

/** Everything started here dies with the bench, also when it fails half-way through start-up. */
const spawned: ChildProcess[] = [];
process.once('exit', () => spawned.forEach((p) => p.exitCode === null && p.kill('SIGKILL')));
const track = (p: ChildProcess) => (spawned.push(p), p);

export interface Servers {
  db: ChildProcess;
  /** The database's URI (the floor's route writes to it too). */
  dbUri: string;
  bffs: { proc: ChildProcess; url: string }[];
  /** The process that answers the bench's asks (peak-checks.ts). */
  asker: ChildProcess;
  /** Helpers the bench started that are not measured (the agent). */
  helpers: ChildProcess[];
  tripIds: string[];
  /** How the BFFs were started, for the results. */
  mode: string;
}

interface Ready {
  ready?: boolean;
  url?: string;
  tripIds?: string[];
  smsUrl?: string;
  wechatUrl?: string;
}

/** Forks a bench TypeScript file under tsx and resolves with its ready message. */
export function forkReady(
  file: string,
  env: Record<string, string | undefined>,
  nodeFlags: string[],
  onMessage: (m: unknown) => void,
): Promise<{ proc: ChildProcess; msg: Ready }> {
  const proc = fork(path.join(__dirname, file), [], {
    execArgv: ['--import', 'tsx', ...nodeFlags],
    stdio: 'inherit',
    env,
  });
  track(proc);
  proc.on('message', onMessage);
  return new Promise((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`${file} exited (${code}) before it was ready`)));
    const ready = (m: Ready) => {
      if (m?.ready) {
        proc.off('message', ready);
        resolve({ proc, msg: m });
      }
    };
    proc.on('message', ready);
  });
}

let nextId = 0;
/** Sends `m` with a fresh id under `idKey` and resolves with the answer carrying that id. */
function exchange<T>(proc: ChildProcess, m: object, idKey: 'id' | 'probeId'): Promise<T> {
  const id = (nextId += 1);
  return new Promise((resolve) => {
    const got = (r: Record<string, unknown> | null) => {
      if (r?.[idKey] === id) {
        proc.off('message', got);
        resolve(r.result as T);
      }
    };
    proc.on('message', got);
    proc.send({ ...m, [idKey]: id });
  });
}

/** Asks a bench process (`ServerAsk`) and resolves with its answer. */
export const ask = <T>(proc: ChildProcess, m: ServerAsk) => exchange<T>(proc, m, 'id');

/** Asks a server process's memory probe (memory-probe.cjs). */
export const probe = <T>(proc: ChildProcess, what: 'reset' | 'memory' | 'snapshot', file?: string) =>
  exchange<T>(proc, { probe: what, file }, 'probeId');

/** Runs a compiled script to completion (as a deployment's one-off unit does). */
function runToEnd(args: string[], env: Record<string, string>): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: stack.ROOT,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.once('exit', resolve);
  });
}

export async function startServers(opts: {
  instances: number;
  nodeFlags: string[];
  trips: number;
  onMessage: (m: unknown) => void;
}): Promise<Servers> {
  const compiled = (process.env.BENCH_BFF ?? 'dist') !== 'tsx';
  if (compiled) stack.ensureBffBuild({ log: (line) => console.log(`  ${line}`) });
  const db = await startDbProcess(opts.nodeFlags, { compiled, preload: PROBE });
  track(db.proc);
  if (!compiled) {
    const main = await forkReady(
      'peak-server.ts',
      { ...process.env, BENCH_ROLE: 'main', BENCH_DB_URI: db.uri, BENCH_TRIPS: String(opts.trips) },
      [...PROBE, ...opts.nodeFlags],
      opts.onMessage,
    );
    const extras = await Promise.all(
      Array.from({ length: opts.instances - 1 }, () =>
        forkReady(
          'peak-server.ts',
          { ...process.env, BENCH_DB_URI: db.uri },
          [...PROBE, ...opts.nodeFlags],
          opts.onMessage,
        ),
      ),
    );
    return {
      db: db.proc,
      dbUri: db.uri,
      bffs: [main, ...extras].map((b) => ({ proc: b.proc, url: b.msg.url! })),
      asker: main.proc,
      helpers: [],
      tripIds: main.msg.tripIds!,
      mode: 'tsx (apps/bff/src, NODE_ENV=development)',
    };
  }

  // What /etc/fugong/bff.env and the unit give an instance (deploy/systemd), secrets fresh per run.
  const deployed: Record<string, string> = {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    MONGODB_URI: db.uri,
    JWT_SECRET: randomBytes(32).toString('hex'),
    PII_KEY: randomBytes(32).toString('base64'),
    WECHAT_APPID: FAKE_WECHAT_APP.appid,
    WECHAT_SECRET: FAKE_WECHAT_APP.secret,
    WECHAT_SUBSCRIBE_TEMPLATE_ID: FAKE_WECHAT_APP.templates[0],
    NOTIFY_SENDER: 'wechat',
    OTP_SENDER: 'webhook',
    TRUST_PROXY_HOPS: '1',
    DB_INDEXES: 'check',
    LOG_LEVEL: 'info',
    ...(process.env.BENCH_RATE_LIMIT ? { RATE_LIMIT: process.env.BENCH_RATE_LIMIT } : {}),
  };
  const logFiles = Array.from(
    { length: opts.instances },
    (_, n) => `/tmp/bench-peak-bff-${process.pid}-${n + 1}.log`,
  );
  const agent = await forkReady(
    'peak-agent.ts',
    { ...process.env, ...deployed, BENCH_TRIPS: String(opts.trips), BENCH_LOG_FILES: logFiles.join(',') },
    [],
    opts.onMessage,
  );
  Object.assign(deployed, { OTP_WEBHOOK_URL: agent.msg.smsUrl!, WECHAT_API_BASE: agent.msg.wechatUrl! });
  const started = Date.now();
  const indexed = await runToEnd(['apps/bff/dist/db-indexes.js'], {
    PATH: process.env.PATH!,
    ...deployed,
    LOG_LEVEL: 'warn',
  });
  if (indexed !== 0) throw new Error(`node apps/bff/dist/db-indexes.js exited ${indexed}`);
  console.log(`  indexes built by apps/bff/dist/db-indexes.js (${Date.now() - started} ms)`);
  const tripIds = await exchange<string[]>(agent.proc, { seed: true }, 'id');
  const bffs = [];
  for (const logFile of logFiles) {
    const fd = openSync(logFile, 'w');
    const bff = await stack.startCompiledBff({
      env: deployed,
      port: await stack.freePort(),
      nodeFlags: opts.nodeFlags,
      preload: PROBE,
      stdout: fd,
      ipc: true,
    });
    closeSync(fd); // the child has its own copy
    track(bff.child);
    bffs.push({ proc: bff.child, url: bff.apiUrl });
  }
  return {
    db: db.proc,
    dbUri: db.uri,
    bffs,
    asker: agent.proc,
    helpers: [agent.proc],
    tripIds,
    mode: 'compiled (node apps/bff/dist/main.js, NODE_ENV=production)',
  };
}
