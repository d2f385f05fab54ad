#!/usr/bin/env node
/**
 * `node config/scripts/nginx-stage.js [e2e test paths…]` (CI): the production shape on loopback —
 * the embedded database on its own (`npm run db`), two BFF instances on it, nginx on
 * deploy/nginx/fugong.conf in front — and checks what nginx adds:
 *   - the H5 build: index.html never cached, hashed assets cached for a year and gzipped;
 *   - /api balanced over both instances, the request id threaded through, big bodies refused;
 *   - a forged X-Forwarded-For does not move a client into a fresh rate-limit bucket;
 * then runs the browser tests through nginx (E2E_NGINX=1; all of them unless paths are given).
 */
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { ensureH5Build } = require('./lib/h5-build');
const { startNginxStack } = require('./lib/nginx-stack');
const { ROOT } = require('./lib/processes');

function check(condition, message) {
  if (!condition) throw new Error(`nginx stage failed: ${message}`);
  console.log(`  ok  ${message}`);
}

const json = (body, headers = {}) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

async function staticFiles(url) {
  const index = await fetch(`${url}/`);
  const html = await index.text();
  check(
    index.status === 200 && index.headers.get('cache-control') === 'no-cache',
    'GET / is index.html with Cache-Control: no-cache',
  );
  const asset = /<script[^>]+src="\/?([^"]+\.js)"/.exec(html)?.[1];
  check(Boolean(asset), `index.html names a script (${asset})`);
  const js = await fetch(`${url}/${asset}`, { headers: { 'Accept-Encoding': 'gzip' } });
  check(
    js.status === 200 && /immutable/.test(js.headers.get('cache-control') || ''),
    `${asset} is cached for a year (${js.headers.get('cache-control')})`,
  );
  check(js.headers.get('content-encoding') === 'gzip', `${asset} is sent gzipped`);
  const deep = await fetch(`${url}/pages/home/index`);
  check(deep.status === 200 && (await deep.text()) === html, 'an unknown path falls back to index.html');
  const missing = await fetch(`${url}/js/no-such-file.0123abcd.js`);
  check(missing.status === 404, 'a missing asset is 404, not the app shell');
}

async function api(stack) {
  const ids = Array.from({ length: 8 }, (_, i) => `ci-balance-${i}-${Date.now()}`);
  for (const id of ids) {
    const res = await fetch(`${stack.webUrl}/api/health`, { headers: { 'X-Request-Id': id } });
    check(res.status === 200 && res.headers.get('x-request-id') === id, `request id ${id} threads through`);
  }
  // Each instance logs the request after answering it: give the last lines a moment to arrive.
  const servedBy = () => stack.instances.map((b) => ids.filter((id) => b.output().includes(id)).length);
  const deadline = Date.now() + 10_000;
  let served = servedBy();
  while (served.reduce((a, b) => a + b, 0) < ids.length && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    served = servedBy();
  }
  check(
    served.every((n) => n > 0) && served.reduce((a, b) => a + b, 0) === ids.length,
    `both instances served /api (${served.join(' + ')} of ${ids.length})`,
  );
  const generated = await fetch(`${stack.webUrl}/api/health`);
  check(
    /^[0-9a-f]{32}$/.test(generated.headers.get('x-request-id') || ''),
    'without one, nginx assigns a request id',
  );
  const big = await fetch(`${stack.webUrl}/api/auth/otp`, json({ phone: '1'.repeat(2 * 1024 * 1024) }));
  check(big.status === 413, 'a 2 MB body is refused by nginx with 413');
}

async function spoofedForwardedFor(stack) {
  // The OTP route allows 100 requests per address per hour (and 5 per phone): 101 requests, each
  // for its own phone and each with its own forged X-Forwarded-For, all come from one client.
  const statuses = [];
  for (let i = 0; i <= 100; i += 1) {
    const phone = `139${String(10_000_000 + i).slice(-8)}`;
    const res = await fetch(
      `${stack.webUrl}/api/auth/otp`,
      json({ phone }, { 'X-Forwarded-For': `6.6.${Math.floor(i / 250)}.${i % 250}` }),
    );
    statuses.push(res.status);
  }
  const ok = statuses.filter((s) => s === 200).length;
  check(
    ok === 100 && statuses[100] === 429,
    `101 codes with 101 forged X-Forwarded-For: 100 sent, the 101st refused (429) — got ${ok} × 200, last ${statuses[100]}`,
  );
  const plain = await fetch(`${stack.webUrl}/api/auth/otp`, json({ phone: '13700000001' }));
  check(plain.status === 429, 'the same client without the header is in that same, spent bucket (429)');
}

async function main() {
  ensureH5Build();
  let started = Date.now();
  const stack = await startNginxStack({ seed: 'none', instances: 2 });
  console.log(
    `  nginx ${stack.webUrl} → ${stack.instances.map((b) => b.apiUrl).join(', ')} (${Date.now() - started} ms)`,
  );
  try {
    await staticFiles(stack.webUrl);
    await api(stack);
    await spoofedForwardedFor(stack);
  } finally {
    await stack.stop();
  }

  started = Date.now();
  const e2e = spawnSync(
    process.execPath,
    [path.join(ROOT, 'config/scripts/e2e.js'), ...process.argv.slice(2)],
    {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, E2E_NGINX: '1' },
    },
  );
  console.log(
    `  browser tests through nginx: exit ${e2e.status} (${Math.round((Date.now() - started) / 1000)} s)`,
  );
  return e2e.status ?? 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err.message || err);
    process.exitCode = 1;
  },
);
