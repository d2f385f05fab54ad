#!/usr/bin/env node
/**
 * `node config/scripts/check-cycles.js [dir…]` (part of `npm run lint`): fails when the source
 * files of a workspace import each other in a cycle. Type-only imports (`import type`, lists of
 * `type` names) count too: the compiler erases them, so they never break at run time, but a
 * type-only cycle still says a type lives in the wrong file, and it turns into a value cycle
 * the day one of those imports gains a value. Prints each cycle with the files in import order
 * and says how to break it.
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const DEFAULT_DIRS = [
  'apps/bff/src',
  'apps/mini/src',
  'packages/contracts/src',
  'packages/domain/src',
  'packages/embedded-mongo/src',
];
const EXTS = ['.ts', '.tsx', '/index.ts', '/index.tsx'];

function sourceFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'dist') out.push(...sourceFiles(full));
    } else if (/\.tsx?$/.test(entry.name) && !/\.(test|e2e|weapp)\.tsx?$/.test(entry.name)) {
      out.push(full);
    }
  }
  return out;
}

/** Relative specifiers of the imports and re-exports; `typesToo` keeps the type-only ones. */
function relativeImports(text, typesToo) {
  const specs = [];
  const re = /^\s*(import|export)\s+(type\s+)?([^;'"]*?)\s*from\s*['"]([^'"]+)['"]/gm;
  for (const m of text.matchAll(re)) {
    if (!m[4].startsWith('.')) continue;
    if (!typesToo && (m[2] || allTypeNames(m[3]))) continue;
    specs.push(m[4]);
  }
  for (const m of text.matchAll(/^\s*import\s+['"](\.[^'"]+)['"]/gm)) specs.push(m[1]);
  return specs;
}

/** `{ type A, type B }`: a specifier list the compiler erases whole. */
function allTypeNames(clause) {
  const braces = clause.trim().match(/^\{([\s\S]*)\}$/);
  if (!braces) return false;
  const names = braces[1]
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  return names.length > 0 && names.every((n) => n.startsWith('type '));
}

function resolve(from, spec) {
  const base = path.resolve(path.dirname(from), spec);
  for (const ext of ['', ...EXTS]) {
    const candidate = base + ext;
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Tarjan's strongly connected components; any component of two or more files is a cycle. */
function cycles(graph) {
  let index = 0;
  const stack = [];
  const meta = new Map();
  const found = [];
  const visit = (v) => {
    meta.set(v, { index, low: index, onStack: true });
    index += 1;
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!meta.has(w)) {
        visit(w);
        meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).low);
      } else if (meta.get(w).onStack) {
        meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).index);
      }
    }
    if (meta.get(v).low === meta.get(v).index) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        meta.get(w).onStack = false;
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.reverse());
    }
  };
  for (const v of graph.keys()) if (!meta.has(v)) visit(v);
  return found;
}

function importGraph(dirs, typesToo) {
  const graph = new Map();
  for (const dir of dirs) {
    const abs = path.resolve(ROOT, dir);
    if (!fs.existsSync(abs)) continue;
    for (const file of sourceFiles(abs)) {
      const targets = relativeImports(fs.readFileSync(file, 'utf8'), typesToo)
        .map((spec) => resolve(file, spec))
        .filter(Boolean);
      graph.set(file, targets);
    }
  }
  return graph;
}

function main() {
  const dirs = process.argv.slice(2).length > 0 ? process.argv.slice(2) : DEFAULT_DIRS;
  const valueCycles = cycles(importGraph(dirs, false));
  const graph = importGraph(dirs, true);
  const valueFiles = new Set(valueCycles.flat());
  const typeCycles = cycles(graph).filter((c) => !c.some((f) => valueFiles.has(f)));
  const found = [
    ...valueCycles.map((c) => ({ kind: 'import cycle', files: c })),
    ...typeCycles.map((c) => ({ kind: 'type-only import cycle', files: c })),
  ];
  if (found.length === 0) {
    console.log(`check-cycles: no import cycles in ${graph.size} files`);
    return 0;
  }
  for (const { kind, files } of found) {
    console.error(`${kind}:`);
    for (const file of files) console.error(`  ${path.relative(ROOT, file)}`);
  }
  console.error(
    `check-cycles: ${found.length} cycle(s). Move what both files need into a third file they both import ` +
      '(a record type to the repository, a shared helper to its own file), or pass it in from the caller ' +
      '(a type-only cycle counts too: the type lives in the wrong file).',
  );
  return 1;
}

process.exitCode = main();
