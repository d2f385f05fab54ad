/**
 * Starts the whole product locally: the BFF (which runs the embedded database in-process
 * unless MONGODB_URI is set) and the static H5 server in front of it. Used by `npm start`
 * and by the browser tests.
 */
const { spawn } = require('node:child_process');
const path = require('node:path');
const net = require('node:net');
const { startWebServer } = require('./web-server');

const ROOT = path.resolve(__dirname, '../../..');
const H5_DIR = path.join(ROOT, 'apps/mini/dist/h5');

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
  // A larger young generation: a BFF allocates a little per request and V8's default 16 MB
  // semi-space makes it collect every few hundred requests. 128 MB costs ~150 MB more RSS under
  // a rush and bought the booking bench its p99 (16 / 32 / 64 / 128 MB in docs/benchmarks.md).
  const v8 = ['--max-semi-space-size=128'];
  const child = spawn(process.execPath, [...v8, '--import', 'tsx', path.join(ROOT, 'apps/bff/src/main.ts')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
  await new Promise((resolve, reject) => {
    const deadline = Date.now() + 60_000;
    let ready = false;
    exited.then((how) => {
      if (!ready) reject(new Error(`BFF exited (${how}) during start-up:\n${output}`));
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
        return reject(new Error(`BFF did not become ready within 60 s:\n${output}`));
      }
      setTimeout(poll, 250);
    };
    poll();
  });

  return {
    apiUrl,
    port: apiPort,
    output: () => output,
    exited,
    async stop() {
      // exitCode stays null for a child killed by a signal, so ask both.
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
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

module.exports = { startStack, startBff, freePort, H5_DIR, ROOT };
