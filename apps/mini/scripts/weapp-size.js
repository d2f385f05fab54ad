#!/usr/bin/env node
/**
 * Prints the size of the WeChat main package in dist/weapp and exits 1 when it is over
 * WeChat's 2 MB upload limit (or when there is no build). Subpackages declared in app.json
 * have their own limit and are left out; so are files the upload skips (source maps,
 * devtools project files).
 * Usage (after `npm run build:weapp -w @fugong/mini`): node apps/mini/scripts/weapp-size.js
 */
const fs = require('node:fs');
const path = require('node:path');

const LIMIT_BYTES = 2 * 1024 * 1024;
const outputDir = path.resolve(__dirname, '..', 'dist', 'weapp');
const NOT_UPLOADED = new Set(['project.config.json', 'project.private.config.json']);

function subpackageRoots(appJson) {
  const list = appJson.subPackages ?? appJson.subpackages ?? [];
  return list.map((pkg) => pkg.root.replace(/\/+$/, '') + '/');
}

function walk(dir, visit) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, visit);
    else visit(full);
  }
}

function main() {
  const appJsonPath = path.join(outputDir, 'app.json');
  if (!fs.existsSync(appJsonPath)) {
    process.stderr.write(`no weapp build at ${outputDir}; run npm run build:weapp -w @fugong/mini first\n`);
    return 1;
  }
  const roots = subpackageRoots(JSON.parse(fs.readFileSync(appJsonPath, 'utf8')));
  let total = 0;
  const largest = [];
  walk(outputDir, (file) => {
    const relative = path.relative(outputDir, file).split(path.sep).join('/');
    if (NOT_UPLOADED.has(relative) || relative.endsWith('.map')) return;
    if (roots.some((root) => relative.startsWith(root))) return;
    const { size } = fs.statSync(file);
    total += size;
    largest.push({ relative, size });
  });
  largest.sort((a, b) => b.size - a.size);
  const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
  process.stdout.write(
    `weapp main package: ${kib(total)} of ${kib(LIMIT_BYTES)} (${((total / LIMIT_BYTES) * 100).toFixed(1)}%)\n`,
  );
  for (const { relative, size } of largest.slice(0, 5))
    process.stdout.write(`  ${kib(size).padStart(10)}  ${relative}\n`);
  if (total > LIMIT_BYTES) {
    process.stderr.write(
      'over the 2 MB main-package limit: move pages into subPackages or trim dependencies\n',
    );
    return 1;
  }
  return 0;
}

process.exitCode = main();
