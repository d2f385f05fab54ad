#!/usr/bin/env node
/**
 * Prints the sizes of the WeChat packages in dist/weapp against WeChat's upload limits and exits 1
 * when one is over (or when there is no build):
 * - the main package (everything outside a subpackage root): 2 MB;
 * - each subpackage of app.json's subPackages: 2 MB;
 * - all packages together: 20 MB;
 * - what one page's preloadRule downloads in the background: 2 MB.
 * Files the upload skips (source maps, devtools project files) are left out.
 * Usage (after `npm run build:weapp -w @fugong/mini`): node apps/mini/scripts/weapp-size.js
 */
const fs = require('node:fs');
const path = require('node:path');

const MB = 1024 * 1024;
const LIMITS = { main: 2 * MB, subpackage: 2 * MB, total: 20 * MB, preload: 2 * MB };
const outputDir = process.env.WEAPP_DIST || path.resolve(__dirname, '..', 'dist', 'weapp');
const NOT_UPLOADED = new Set(['project.config.json', 'project.private.config.json']);

function subpackages(appJson) {
  const list = appJson.subPackages ?? appJson.subpackages ?? [];
  return list.map((pkg) => ({ name: pkg.name ?? pkg.root, root: pkg.root.replace(/\/+$/, '') + '/' }));
}

function walk(dir, visit) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, visit);
    else visit(full);
  }
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const pct = (bytes, limit) => `${((bytes / limit) * 100).toFixed(1)}%`;

function main() {
  const appJsonPath = path.join(outputDir, 'app.json');
  if (!fs.existsSync(appJsonPath)) {
    process.stderr.write(`no weapp build at ${outputDir}; run npm run build:weapp -w @fugong/mini first\n`);
    return 1;
  }
  const appJson = JSON.parse(fs.readFileSync(appJsonPath, 'utf8'));
  const subs = subpackages(appJson);
  const packages = new Map([['main', { bytes: 0, files: [] }]]);
  for (const sub of subs) packages.set(sub.root, { bytes: 0, files: [] });
  walk(outputDir, (file) => {
    const relative = path.relative(outputDir, file).split(path.sep).join('/');
    if (NOT_UPLOADED.has(relative) || relative.endsWith('.map')) return;
    const sub = subs.find((s) => relative.startsWith(s.root));
    const pkg = packages.get(sub ? sub.root : 'main');
    const { size } = fs.statSync(file);
    pkg.bytes += size;
    pkg.files.push({ relative, size });
  });

  const failures = [];
  const line = (label, bytes, limit) => {
    process.stdout.write(
      `  ${label.padEnd(34)} ${kib(bytes).padStart(11)} of ${kib(limit).padStart(11)} (${pct(bytes, limit)})\n`,
    );
    if (bytes > limit) failures.push(`${label} is over ${kib(limit)}`);
  };

  process.stdout.write(`weapp packages (${outputDir}):\n`);
  const main = packages.get('main');
  line('main package', main.bytes, LIMITS.main);
  for (const { relative, size } of main.files.sort((a, b) => b.size - a.size).slice(0, 5))
    process.stdout.write(`      ${kib(size).padStart(10)}  ${relative}\n`);
  for (const sub of subs) line(`subpackage ${sub.root}`, packages.get(sub.root).bytes, LIMITS.subpackage);
  const total = [...packages.values()].reduce((sum, p) => sum + p.bytes, 0);
  line('all packages', total, LIMITS.total);

  for (const [page, rule] of Object.entries(appJson.preloadRule ?? {})) {
    const bytes = (rule.packages ?? []).reduce((sum, name) => {
      const sub = subs.find((s) => s.name === name || s.root === `${name.replace(/\/+$/, '')}/`);
      if (!sub) {
        failures.push(`preloadRule of ${page} names an unknown subpackage "${name}"`);
        return sum;
      }
      return sum + packages.get(sub.root).bytes;
    }, 0);
    line(`preloaded from ${page}`, bytes, LIMITS.preload);
  }

  if (failures.length) {
    process.stderr.write(
      `${failures.join('\n')}\nmove pages into subPackages, split a subpackage, or trim dependencies\n`,
    );
    return 1;
  }
  return 0;
}

process.exitCode = main();
