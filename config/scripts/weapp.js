#!/usr/bin/env node
/**
 * `npm run test:weapp [-- jest args]`: the weapp runtime stage. Runs the built mini-program
 * (apps/mini/dist/weapp, or WEAPP_DIST) in the Node mini-program host of test/weapp against a
 * real BFF: every page of app.json, then the worker and marshal journeys. Needs a build first
 * (`npm run build:weapp`, a few minutes); it does not rebuild, so CI tests exactly what it built.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = process.env.WEAPP_DIST || path.join(ROOT, 'apps/mini/dist/weapp');

function main() {
  if (!fs.existsSync(path.join(DIST, 'app.json'))) {
    console.error(`no weapp build at ${DIST}: run npm run build:weapp first`);
    return 1;
  }
  const started = Date.now();
  const jestBin = require.resolve('jest/bin/jest', { paths: [ROOT] });
  const result = spawnSync(
    process.execPath,
    [
      jestBin,
      '--config',
      path.join(ROOT, 'config/jest.weapp.config.js'),
      '--runInBand',
      ...process.argv.slice(2),
    ],
    { cwd: ROOT, stdio: 'inherit', env: { ...process.env, WEAPP_DIST: DIST } },
  );
  console.log(`weapp runtime stage: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.status ?? 1;
}

process.exitCode = main();
