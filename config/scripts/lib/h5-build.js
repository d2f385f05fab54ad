/** Builds the H5 client when its output is missing or older than its sources. */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { H5_DIR, ROOT } = require('./stack');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** @param {{ force?: boolean }} options */
function ensureH5Build({ force = false } = {}) {
  const index = path.join(H5_DIR, 'index.html');
  const sources = [
    path.join(ROOT, 'apps/mini/src'),
    path.join(ROOT, 'apps/mini/config'),
    path.join(ROOT, 'packages/contracts/src'),
    path.join(ROOT, 'packages/domain/src'),
  ];
  const stale =
    !fs.existsSync(index) ||
    sources.some((s) => fs.existsSync(s) && newestMtime(s) > fs.statSync(index).mtimeMs);
  if (!force && !stale) return;
  console.log('正在构建 H5 客户端（约 30 秒）… building the H5 client');
  const res = spawnSync('npm', ['run', 'build:h5', '-w', '@fugong/mini'], { cwd: ROOT, stdio: 'inherit' });
  if (res.status !== 0) throw new Error('H5 build failed');
}

module.exports = { ensureH5Build };
