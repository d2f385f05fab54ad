/**
 * Long-running helper processes for the deployment checks (production install, nginx stage): each
 * in its own process group, so stopping an `npm run …` also stops the node process npm started.
 */
const { spawn } = require('node:child_process');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../../..');

/**
 * Spawns a command and resolves once its output matches `ready` (the match is returned), or at
 * once when `ready` is null (the caller polls the service instead).
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: Record<string,string|undefined>, ready: RegExp|null, timeoutMs?: number, label: string }} options
 * @returns {Promise<{ match: RegExpMatchArray|null, output: () => string, exited: Promise<number|string|null>, stop: () => Promise<void> }>}
 */
function startProcess(command, args, options) {
  const child = spawn(command, args, {
    cwd: options.cwd || ROOT,
    env: options.env || process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal || code)));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const group = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // the group is gone already
      }
    };
    group('SIGTERM');
    const timer = setTimeout(() => group('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  if (!options.ready) {
    child.stdout.on('data', (chunk) => (output += chunk.toString()));
    child.stderr.on('data', (chunk) => (output += chunk.toString()));
    return Promise.resolve({ match: null, output: () => output, exited, stop });
  }
  return new Promise((resolve, reject) => {
    const timeoutMs = options.timeoutMs || 60_000;
    const timer = setTimeout(() => {
      stop().then(() => reject(new Error(`${options.label} not ready within ${timeoutMs} ms:\n${output}`)));
    }, timeoutMs);
    let ready = false;
    const onData = (chunk) => {
      output += chunk.toString();
      const match = !ready && options.ready.exec(output);
      if (match) {
        ready = true;
        clearTimeout(timer);
        resolve({ match, output: () => output, exited, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    exited.then((how) => {
      if (ready) return;
      clearTimeout(timer);
      reject(new Error(`${options.label} exited (${how}) during start-up:\n${output}`));
    });
  });
}

/**
 * The embedded database on its own (`npm run db`, loopback, a free port), as a real MongoDB would
 * run beside the BFFs. `dbPath` null = in memory.
 * @param {{ dbPath?: string|null, database?: string }} options
 * @returns {Promise<{ uri: string, output: () => string, exited: Promise<unknown>, stop: () => Promise<void> }>}
 */
async function startEmbeddedDb({ dbPath = null, database = 'fugong' } = {}) {
  const where = dbPath ? ['--dbpath', dbPath] : ['--inMemory'];
  const db = await startProcess('npm', ['run', '--silent', 'db', '--', '--port', '0', ...where], {
    ready: /embedded-mongo listening on (mongodb:\/\/\S+)/,
    label: 'embedded database (npm run db)',
  });
  const uri = db.match[1].replace(/\/(\?|$)/, `/${database}$1`);
  return { uri, output: db.output, exited: db.exited, stop: db.stop };
}

/** Polls `url` until it answers 200 (or `timeoutMs` passes). */
async function waitForOk(url, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return res;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = err.cause?.code || err.message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms (last: ${last})`);
}

module.exports = { startProcess, startEmbeddedDb, waitForOk, ROOT };
