#!/usr/bin/env node
/**
 * `npm run test:e2e [-- --build] [jest args]`: makes sure the H5 build exists (rebuilding it when
 * missing, older than its sources, or when --build is given), then runs the browser tests with
 * jest in band. Installs nothing: chromium comes from Debian (/usr/bin/chromium).
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ensureH5Build } = require('./lib/h5-build');

const ROOT = path.resolve(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function main() {
  const args = process.argv.slice(2);
  const force = args.includes('--build');
  const jestArgs = args.filter((arg) => arg !== '--build');

  if (!fs.existsSync(CHROMIUM)) {
    console.error(`chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
    return 1;
  }
  try {
    ensureH5Build({ force });
  } catch (error) {
    console.error(error.message);
    return 1;
  }
  const jestBin = require.resolve('jest/bin/jest', { paths: [ROOT] });
  const result = spawnSync(
    process.execPath,
    [jestBin, '--config', path.join(ROOT, 'config/jest.e2e.config.js'), '--runInBand', ...jestArgs],
    { cwd: ROOT, stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: CHROMIUM } },
  );
  return result.status ?? 1;
}

process.exitCode = main();
