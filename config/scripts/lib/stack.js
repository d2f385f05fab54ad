/**
 * Starts the whole product locally: the BFF (which runs the embedded database in-process
 * unless MONGODB_URI is set) and the static H5 server in front of it. Used by `npm start`
 * and by the browser tests.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const net = require('node:net');
const { startWebServer } = require('./web-server');

const ROOT = path.resolve(__dirname, '../../..');
const H5_DIR = path.join(ROOT, 'apps/mini/dist/h5');
/** The workspaces a BFF host needs (`npm run build:bff` builds each one's dist/). */
const RELEASE_WORKSPACES = ['packages/contracts', 'packages/domain', 'packages/embedded-mongo', 'apps/bff'];

/**
 * The V8 flags every BFF process runs with: the systemd unit's ExecStart (production-check.js
 * fails when they differ), `npm start`, and the morning-peak bench's default. Why these, measured
 * with `npm run bench:peak` on the compiled build (2026-12-03, three alternating runs each at
 * BENCH_WORKERS=2000; the target: < 400 MB RSS per process under each rush, CPU per request no
 * worse):
 * - A BFF's live heap under a rush is ~60–130 MB; the rest of its RSS was garbage V8 had not yet
 *   collected: by default V8 lets the old generation grow to up to 4× what the last full
 *   collection kept. `--heap-growing-percent=100` makes that 2×: the old generation stayed
 *   ≤ 120 MB and the BFF at 257–266 MB in every phase (299–394 MB without it), CPU per request
 *   the same within this host's noise. It is relative to what is live, not a cap: a large job
 *   in the process (the registry import's 27,800-row sheet, an export) still gets the heap it
 *   needs, where `--max-old-space-size` would turn it into an out-of-memory crash.
 * - `--max-semi-space-size=32`: the young generation is two semi-spaces, resident under load.
 *   128 MB (the earlier setting, for the booking bench's p99) put the BFF at 414–435 MB (256 MB
 *   of new space) for ~10% less CPU per check-in; 64 MB at 315–321 MB; 16 MB promotes more
 *   short-lived request objects into the old generation (more RSS and CPU, docs/benchmarks.md).
 */
const BFF_V8_FLAGS = ['--max-semi-space-size=32', '--heap-growing-percent=100'];

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** SIGTERM, then SIGKILL after 15 s; resolves once the child has exited. */
async function stopChild(child, exited) {
  // exitCode stays null for a child killed by a signal, so ask both.
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Resolves once `${apiUrl}/api/ready` answers 200; rejects (with what the process wrote so far)
 * when it exits first or is not ready within 60 s, and then kills it.
 */
function untilReady(apiUrl, child, exited, output) {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 60_000;
    let ready = false;
    exited.then((how) => {
      if (!ready) reject(new Error(`BFF exited (${how}) during start-up:\n${output()}`));
    });
    const poll = async () => {
      try {
        const res = await fetch(`${apiUrl}/api/ready`);
        if (res.ok) {
          ready = true;
          return resolve();
        }
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        return reject(new Error(`BFF did not become ready within 60 s:\n${output()}`));
      }
      setTimeout(poll, 250);
    };
    poll();
  });
}

/** The newest modification time (ms) of the sources under `dir`; tests are not in the build. */
function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'test' && entry.name !== 'test-support' && entry.name !== 'testing')
        newest = Math.max(newest, newestSource(full));
    } else if (!entry.name.endsWith('.test.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Why the compiled BFF (each release workspace's dist/) is out of date, or null when it is not. */
function bffBuildStaleness() {
  for (const ws of RELEASE_WORKSPACES) {
    const info = path.join(ROOT, ws, 'dist/.tsbuildinfo');
    if (!fs.existsSync(info) || !fs.existsSync(path.join(ROOT, ws, 'dist/index.js')))
      return `${ws}/dist is missing`;
    const built = fs.statSync(info).mtimeMs;
    const inputs = [path.join(ROOT, ws, 'package.json'), path.join(ROOT, ws, 'tsconfig.build.json')];
    if (
      newestSource(path.join(ROOT, ws, 'src')) > built ||
      inputs.some((f) => fs.statSync(f).mtimeMs > built)
    )
      return `${ws} changed since its dist/ was built`;
  }
  return null;
}

/**
 * Runs `npm run build:bff` (tsc -b, printing each project it builds) when a dist/ is missing or
 * older than its sources; returns whether it built. Throws when the build fails.
 * @param {{ log?: (line: string) => void }} options
 */
function ensureBffBuild({ log = console.log } = {}) {
  const stale = bffBuildStaleness();
  if (!stale) return false;
  log(`building the BFF (${stale}): npm run build:bff …`);
  const started = Date.now();
  const built = spawnSync('npx', ['tsc', '-b', 'apps/bff/tsconfig.build.json', '--verbose'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error(`npm run build:bff failed (exit ${built.status})`);
  log(`built in ${Math.round((Date.now() - started) / 1000)} s`);
  return true;
}

/**
 * Starts the compiled BFF as the systemd unit does (`node <BFF_V8_FLAGS> apps/bff/dist/main.js`,
 * only the environment given — no NODE_OPTIONS, no dev defaults) and resolves once /api/ready
 * answers. Run ensureBffBuild first.
 * @param {{ env: Record<string,string>, port: number, nodeFlags?: string[], preload?: string[],
 *           stdout?: number|'pipe', ipc?: boolean }} options
 *   nodeFlags: instead of BFF_V8_FLAGS; preload: node arguments before main.js (a bench probe);
 *   stdout: where its log lines go (a file descriptor, as journald reads them; default a pipe).
 * @returns {Promise<{ apiUrl: string, child: import('node:child_process').ChildProcess, output: () => string, exited: Promise<unknown>, stop: () => Promise<void> }>}
 */
async function startCompiledBff(options) {
  const args = [...(options.nodeFlags || BFF_V8_FLAGS), ...(options.preload || []), 'apps/bff/dist/main.js'];
  const out = options.stdout ?? 'pipe';
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...options.env, PORT: String(options.port) },
    stdio: ['ignore', out, out === 'pipe' ? 'pipe' : out, ...(options.ipc ? ['ipc'] : [])],
  });
  let output = '';
  if (out === 'pipe') {
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
  }
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal || code)));
  const apiUrl = `http://127.0.0.1:${options.port}`;
  await untilReady(apiUrl, child, exited, () => output);
  return {
    apiUrl,
    child,
    output: () => output,
    exited,
    stop: () => stopChild(child, exited),
  };
}

/**
 * Starts one BFF process from its TypeScript source (tsx) and resolves once /api/ready answers.
 * @param {{ apiPort?: number, dbPath?: string|null, seed?: 'demo'|'none',
 *           env?: Record<string,string>, onLine?: (line: string) => void }} options
 *   dbPath null (default) = in-memory embedded database (ignored when env sets MONGODB_URI).
 * @returns {Promise<{ apiUrl: string, port: number, output: () => string, exited: Promise<unknown>, stop: () => Promise<void> }>}
 */
async function startBff(options = {}) {
  const apiPort = options.apiPort || (await freePort());
  const env = {
    ...process.env,
    NODE_ENV: process.env.NODE_ENV === 'production' ? 'production' : 'development',
    HOST: '127.0.0.1',
    PORT: String(apiPort),
    DEMO_SEED: options.seed === 'none' ? 'false' : 'true',
    DEV_FAKE_WECHAT: 'true',
    ...(options.dbPath ? { EMBEDDED_DB_PATH: options.dbPath } : { EMBEDDED_DB_IN_MEMORY: 'true' }),
    ...(options.env || {}),
  };
  const child = spawn(
    process.execPath,
    [...BFF_V8_FLAGS, '--import', 'tsx', path.join(ROOT, 'apps/bff/src/main.ts')],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const collect = (chunk) => {
    const text = chunk.toString();
    output += text;
    if (options.onLine) for (const line of text.split('\n')) if (line.trim()) options.onLine(line);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);

  // One watch on the process from the moment it exists: start-up, `npm start` and stop() all
  // read it, so an exit is never missed between two listeners.
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal || code)));

  const apiUrl = `http://127.0.0.1:${apiPort}`;
  await untilReady(apiUrl, child, exited, () => output);

  return {
    apiUrl,
    port: apiPort,
    output: () => output,
    exited,
    stop: () => stopChild(child, exited),
  };
}

/**
 * @param {{ apiPort?: number, webPort?: number, dbPath?: string|null, seed?: 'demo'|'none',
 *           env?: Record<string,string>, onLine?: (line: string) => void }} options
 *   dbPath null (default) = in-memory embedded database.
 * @returns {Promise<{ webUrl: string, apiUrl: string, output: () => string, stop: () => Promise<void> }>}
 */
async function startStack(options = {}) {
  const bff = await startBff(options);
  const web = await startWebServer({ root: H5_DIR, apiUrl: bff.apiUrl, port: options.webPort || 0 });
  return {
    webUrl: web.url,
    apiUrl: bff.apiUrl,
    output: bff.output,
    /** Resolves with the exit code or signal when the BFF process ends, for whatever reason. */
    exited: bff.exited,
    async stop() {
      await web.stop();
      await bff.stop();
    },
  };
}

module.exports = {
  startStack,
  startBff,
  startCompiledBff,
  ensureBffBuild,
  bffBuildStaleness,
  freePort,
  BFF_V8_FLAGS,
  RELEASE_WORKSPACES,
  H5_DIR,
  ROOT,
};
