#!/usr/bin/env node
/**
 * `node config/scripts/production-check.js [--node PATH]` (CI, after `npm run build:bff`): proves
 * the compiled BFF runs where it is deployed. Copies the release (package.json files, the lockfile,
 * each package's dist/) into a temp dir, installs it with `npm install --omit=dev` (so no tsx, no
 * TypeScript), and on an embedded database started apart (`npm run db`, loopback) checks that
 * `NODE_ENV=production node apps/bff/dist/main.js` with freshly generated secrets
 *   1. refuses to start while the indexes are missing (production only checks them),
 *   2. starts after `node apps/bff/dist/db-indexes.js` built them, answers /api/ready,
 *   3. sends a one-time code through the SMS webhook and signs the phone in with it,
 *   4. stops cleanly on SIGTERM;
 * and that the systemd unit starts it with the V8 flags `npm start` and the bench use
 * (BFF_V8_FLAGS in lib/stack.js), which this check starts it with too.
 * --node runs the BFF with another Node binary (CI: the Node 24 stage).
 */
const { spawn, spawnSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { freePort, BFF_V8_FLAGS, RELEASE_WORKSPACES } = require('./lib/stack');
const { startEmbeddedDb, startProcess, waitForOk, ROOT } = require('./lib/processes');

const UNIT = path.join(ROOT, 'deploy/systemd/fugong-bff@.service');

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

function check(condition, message) {
  if (!condition) throw new Error(`production check failed: ${message}`);
  console.log(`  ok  ${message}`);
}

/** Copies what `npm run build:bff` produced, as a deployment would ship it. */
function assembleRelease(dir) {
  for (const file of ['package.json', 'package-lock.json'])
    fs.copyFileSync(path.join(ROOT, file), path.join(dir, file));
  for (const ws of RELEASE_WORKSPACES) {
    const dist = path.join(ROOT, ws, 'dist');
    if (!fs.existsSync(path.join(dist, 'index.js')))
      throw new Error(`${ws}/dist is missing: run npm run build:bff first`);
    fs.mkdirSync(path.join(dir, ws), { recursive: true });
    fs.copyFileSync(path.join(ROOT, ws, 'package.json'), path.join(dir, ws, 'package.json'));
    fs.cpSync(dist, path.join(dir, ws, 'dist'), {
      recursive: true,
      filter: (src) => !src.endsWith('.tsbuildinfo'),
    });
  }
}

/** A stand-in SMS gateway on loopback: records what the BFF's webhook sender posts. */
async function startSmsGateway() {
  const received = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push(JSON.parse(body));
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/sms`,
    received,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Runs a command to completion and returns its exit code and output. */
function run(command, args, options) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

/** The node flags of the unit's ExecStart (between the node binary and the script). */
function unitNodeFlags() {
  const exec = /^ExecStart=\S+\s+(.*?)\s*apps\/bff\/dist\/main\.js\s*$/m.exec(fs.readFileSync(UNIT, 'utf8'));
  if (!exec) throw new Error(`${UNIT}: no ExecStart=… apps/bff/dist/main.js line`);
  return exec[1].split(/\s+/).filter(Boolean);
}

async function main() {
  const unitFlags = unitNodeFlags();
  check(
    unitFlags.join(' ') === BFF_V8_FLAGS.join(' '),
    `the systemd unit starts node with BFF_V8_FLAGS (${BFF_V8_FLAGS.join(' ')}), as npm start and bench:peak do`,
  );
  const node = path.resolve(arg('node', process.execPath));
  const nodeVersion = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fugong-release-'));
  const cleanup = [];
  try {
    assembleRelease(dir);
    let started = Date.now();
    const install = spawnSync('npm', ['install', '--omit=dev', '--no-audit', '--no-fund'], {
      cwd: dir,
      stdio: 'inherit',
    });
    check(
      install.status === 0,
      `npm install --omit=dev in ${dir} (${Math.round((Date.now() - started) / 1000)} s)`,
    );
    check(!fs.existsSync(path.join(dir, 'node_modules/tsx')), 'the production install has no tsx');
    check(
      !fs.existsSync(path.join(dir, 'node_modules/typescript')),
      'the production install has no TypeScript',
    );
    check(!fs.existsSync(path.join(dir, 'node_modules/@tarojs')), 'nor the mini-program toolchain');

    const db = await startEmbeddedDb();
    cleanup.push(db.stop);
    const sms = await startSmsGateway();
    cleanup.push(sms.stop);
    const port = await freePort();
    // Only what a production EnvironmentFile holds: no NODE_OPTIONS, no dev defaults.
    const env = {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      MONGODB_URI: db.uri,
      JWT_SECRET: randomBytes(32).toString('hex'),
      PII_KEY: randomBytes(32).toString('base64'),
      WECHAT_SECRET: randomBytes(16).toString('hex'),
      OTP_SENDER: 'webhook',
      OTP_WEBHOOK_URL: sms.url,
      NOTIFY_SENDER: 'wechat',
      WECHAT_SUBSCRIBE_TEMPLATE_ID: 'ci-trip-change',
      LOG_LEVEL: 'warn',
    };
    const main = path.join('apps', 'bff', 'dist', 'main.js');

    const refused = await run(node, [main], { cwd: dir, env });
    check(
      refused.code === 1 && /db:indexes/.test(refused.out),
      'before the indexes exist, production refuses to start and names npm run db:indexes',
    );

    started = Date.now();
    const indexes = await run(node, [path.join('apps', 'bff', 'dist', 'db-indexes.js')], {
      cwd: dir,
      env: { ...env, LOG_LEVEL: 'info' },
    });
    check(
      indexes.code === 0 && /db\.indexes\.ready/.test(indexes.out),
      `node apps/bff/dist/db-indexes.js built the indexes (${Date.now() - started} ms)`,
    );

    started = Date.now();
    const bff = await startProcess(node, [...unitFlags, main], {
      cwd: dir,
      env,
      ready: /BFF listening on (http:\/\/\S+)/,
      label: `compiled BFF (${nodeVersion})`,
    });
    cleanup.push(bff.stop);
    const url = `http://127.0.0.1:${port}`;
    await waitForOk(`${url}/api/ready`);
    check(
      true,
      `NODE_ENV=production ${nodeVersion} ${unitFlags.join(' ')} ${main} answers /api/ready (${Date.now() - started} ms)`,
    );

    const phone = '13912345678';
    const otp = await fetch(`${url}/api/auth/otp`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ phone }),
    });
    check(
      otp.status === 200 && sms.received.some((m) => m.phone === phone),
      'the one-time code went to the SMS webhook',
    );
    const code = sms.received.find((m) => m.phone === phone).code;
    const login = await fetch(`${url}/api/auth/login/phone`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ phone, code }),
    });
    const session = await login.json();
    check(login.status === 200 && typeof session.token === 'string', 'the phone signs in with that code');

    await bff.stop();
    check((await bff.exited) === 0, 'SIGTERM stops the compiled BFF with exit code 0');
  } finally {
    for (const stop of cleanup.reverse()) await stop().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err.message || err);
  process.exitCode = 1;
});
